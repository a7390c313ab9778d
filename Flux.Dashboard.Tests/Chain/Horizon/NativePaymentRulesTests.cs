using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Horizon;

namespace Flux.Dashboard.Tests.Chain.Horizon;

public class NativePaymentRulesTests
{
    private const string Wallet = "GALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMZTB";
    private const string MuxedWallet = "MALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMAAAAEPXD6YEZMI32";

    private static readonly PaymentRecord Payment = new()
    {
        Id = "1",
        PagingToken = "1",
        Type = PaymentTypes.Payment,
        TransactionHash = "aa",
        TransactionSuccessful = true,
        CreatedAt = DateTimeOffset.UnixEpoch,
        From = "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7",
        To = Wallet,
        AssetType = NativePaymentRules.NativeAssetType,
        Amount = 1m,
    };

    [Theory]
    [InlineData(PaymentTypes.Payment)]
    [InlineData(PaymentTypes.PathPaymentStrictReceive)]
    [InlineData(PaymentTypes.PathPaymentStrictSend)]
    public void Successful_native_payment_to_the_wallet_counts(string type)
    {
        Assert.True(NativePaymentRules.IsNativePaymentTo(Payment with { Type = type }, Wallet));
    }

    [Fact]
    public void Payment_to_another_wallet_does_not_count()
    {
        Assert.False(NativePaymentRules.IsNativePaymentTo(Payment, "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7"));
    }

    [Fact]
    public void Payment_in_a_failed_transaction_does_not_count()
    {
        Assert.Null(NativePaymentRules.CreditedWallet(Payment with { TransactionSuccessful = false }));
    }

    [Fact]
    public void Payment_in_another_asset_does_not_count()
    {
        Assert.Null(NativePaymentRules.CreditedWallet(Payment with { AssetType = "credit_alphanum4" }));
    }

    [Theory]
    [InlineData(PaymentTypes.CreateAccount)]
    [InlineData(PaymentTypes.AccountMerge)]
    [InlineData("liquidity_pool_withdraw")]
    public void Other_operation_types_do_not_count(string type)
    {
        Assert.Null(NativePaymentRules.CreditedWallet(Payment with { Type = type }));
    }

    [Fact]
    public void Payment_known_only_by_its_muxed_address_counts_for_the_base_wallet()
    {
        Assert.Equal(Wallet, NativePaymentRules.CreditedWallet(Payment with { To = null, ToMuxed = MuxedWallet }));
        Assert.Equal(Wallet, NativePaymentRules.CreditedWallet(Payment with { To = MuxedWallet }));
    }

    [Fact]
    public void Payment_to_the_sandbox_test_wallet_counts_although_its_checksum_is_bad()
    {
        Assert.Equal(SandboxTestWallet.Address, NativePaymentRules.CreditedWallet(Payment with { To = SandboxTestWallet.Address }));
    }

    [Fact]
    public void Payment_without_a_destination_does_not_count()
    {
        Assert.Null(NativePaymentRules.CreditedWallet(Payment with { To = null }));
    }
}
