namespace Flux.Dashboard.Chain.Horizon;

/// <summary>Operation types Horizon's payments endpoints return. Others are kept as Horizon spelled them.</summary>
public static class PaymentTypes
{
    public const string Payment = "payment";
    public const string PathPaymentStrictReceive = "path_payment_strict_receive";
    public const string PathPaymentStrictSend = "path_payment_strict_send";
    public const string CreateAccount = "create_account";
    public const string AccountMerge = "account_merge";

    public static bool MovesAnAmount(string type) =>
        type is Payment or PathPaymentStrictReceive or PathPaymentStrictSend;
}
