using System.Text.Json;

namespace Flux.Dashboard.Chain.Horizon;

/// <summary>
/// The few fields of a payment record that say which wallets it credits and debits, read without deserializing the rest
/// (the joined transaction is only scanned past): lets the stream drop payments between unwatched wallets cheaply. It
/// agrees with <see cref="NativePaymentRules.CreditedWallet(PaymentRecord)"/> and
/// <see cref="NativePaymentRules.DebitedWallet"/> on every record the full reader accepts.
/// </summary>
/// <param name="PagingToken">The record's cursor.</param>
/// <param name="CreditedWallet">The wallet credited with native Pi, or null when the record credits none.</param>
/// <param name="DebitedWallet">The wallet that pays it, or null when the record credits none.</param>
internal readonly record struct PaymentPeek(string PagingToken, string? CreditedWallet, string? DebitedWallet)
{
    /// <summary>Whether the record moves native Pi into or out of a wallet <paramref name="wanted"/> accepts.</summary>
    public bool Concerns(Func<string, bool> wanted) =>
        (CreditedWallet is { } to && wanted(to)) || (DebitedWallet is { } from && wanted(from));

    /// <returns>False when the record is not a JSON object with a paging token: only the full reader can judge it.</returns>
    public static bool TryRead(ReadOnlySpan<byte> utf8Json, out PaymentPeek peek)
    {
        peek = default;
        string? pagingToken = null, from = null, to = null, toMuxed = null;
        bool successful = false, movesAnAmount = false, native = false;
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader;
                reader.Read();
                if (name.ValueTextEquals("paging_token"u8))
                    pagingToken = StringOrNull(ref reader);
                else if (name.ValueTextEquals("transaction_successful"u8))
                    successful = reader.TokenType == JsonTokenType.True;
                else if (name.ValueTextEquals("type"u8))
                    movesAnAmount = reader.TokenType == JsonTokenType.String && MovesAnAmount(ref reader);
                else if (name.ValueTextEquals("asset_type"u8))
                    native = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("native"u8);
                else if (name.ValueTextEquals("from"u8))
                    from = StringOrNull(ref reader);
                else if (name.ValueTextEquals("to"u8))
                    to = StringOrNull(ref reader);
                else if (name.ValueTextEquals("to_muxed"u8))
                    toMuxed = StringOrNull(ref reader);
                reader.Skip();
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || string.IsNullOrEmpty(pagingToken))
                return false;
        }
        catch (JsonException)
        {
            return false;
        }
        var credited = successful && movesAnAmount && native ? NativePaymentRules.CreditedWallet(to, toMuxed) : null;
        peek = new PaymentPeek(pagingToken, credited, credited is null || string.IsNullOrEmpty(from) ? null : from);
        return true;
    }

    private static string? StringOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString() : null;

    private static bool MovesAnAmount(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals(PaymentTypes.Payment)
        || reader.ValueTextEquals(PaymentTypes.PathPaymentStrictReceive)
        || reader.ValueTextEquals(PaymentTypes.PathPaymentStrictSend);
}
