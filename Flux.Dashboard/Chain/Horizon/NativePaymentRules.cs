namespace Flux.Dashboard.Chain.Horizon;

/// <summary>Which records pay Pi into a wallet (docs/architecture.md, "The one path a payment takes"). Pure: the watcher asks this for every record.</summary>
public static class NativePaymentRules
{
    public const string NativeAssetType = "native";

    /// <summary>
    /// The <c>G…</c> wallet this record pays native Pi into, or null when it pays none: only a successful
    /// <c>payment</c> or <c>path_payment_*</c> whose received asset is native counts, and a payment to a muxed
    /// address counts for its base account. <c>create_account</c>, <c>account_merge</c> and unknown types do not.
    /// </summary>
    public static string? CreditedWallet(PaymentRecord record)
    {
        if (!record.TransactionSuccessful || !PaymentTypes.MovesAnAmount(record.Type) || record.AssetType != NativeAssetType)
        {
            return null;
        }
        return CreditedWallet(record.To, record.ToMuxed);
    }

    /// <summary>
    /// The <c>G…</c> wallet this record pays native Pi out of, or null when it pays none: the same records count as for
    /// <see cref="CreditedWallet(PaymentRecord)"/>, seen from their sender.
    /// </summary>
    public static string? DebitedWallet(PaymentRecord record) =>
        CreditedWallet(record) is null || string.IsNullOrEmpty(record.From) ? null : record.From;

    /// <summary>The base account a native payment credits, given its <c>to</c> and <c>to_muxed</c> fields.</summary>
    public static string? CreditedWallet(string? to, string? toMuxed)
    {
        // `to` is not StrKey-checked here: the sandbox's well-known test wallet does not pass the checksum.
        var destination = string.IsNullOrEmpty(to) ? toMuxed : to;
        if (string.IsNullOrEmpty(destination))
        {
            return null;
        }
        return StrKey.TryDecodeMuxedAccount(destination, out var muxed) ? muxed.BaseAccount : destination;
    }

    public static bool IsNativePaymentTo(PaymentRecord record, string wallet) =>
        CreditedWallet(record) is { } credited && string.Equals(credited, wallet, StringComparison.Ordinal);
}
