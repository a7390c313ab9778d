using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Flux.Dashboard.Chain.Horizon.Json;

namespace Flux.Dashboard.Chain.Horizon;

/// <summary>
/// Turns Horizon JSON into records, exactly or not at all: a record that is incomplete or carries an amount Flux
/// cannot represent exactly is reported with the reason, for the caller to log and skip.
/// </summary>
internal static class HorizonRecordReader
{
    public static bool TryReadPayment(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out PaymentRecord? record, [NotNullWhen(false)] out string? problem)
    {
        PaymentJson? payment;
        try
        {
            payment = JsonSerializer.Deserialize(utf8Json, HorizonJsonContext.Default.PaymentJson);
        }
        catch (JsonException ex)
        {
            return Fail($"invalid JSON: {ex.Message}", out record, out problem);
        }
        return TryMap(payment, out record, out problem);
    }

    public static bool TryReadPayment(JsonElement element, [NotNullWhen(true)] out PaymentRecord? record, [NotNullWhen(false)] out string? problem)
    {
        PaymentJson? payment;
        try
        {
            payment = element.Deserialize(HorizonJsonContext.Default.PaymentJson);
        }
        catch (JsonException ex)
        {
            return Fail($"invalid JSON: {ex.Message}", out record, out problem);
        }
        return TryMap(payment, out record, out problem);
    }

    public static bool TryMapTransaction(TransactionJson? json, [NotNullWhen(true)] out TransactionRecord? transaction, [NotNullWhen(false)] out string? problem)
    {
        transaction = null;
        problem = json switch
        {
            null => "no transaction",
            { Hash: null or "" } => "no hash",
            { PagingToken: null or "" } => "no paging_token",
            { Successful: null } => "no successful flag",
            { Ledger: null } => "no ledger",
            { CreatedAt: null } => "no created_at",
            { SourceAccount: null or "" } => "no source_account",
            _ when !TryParseId(json.AccountMuxedId, out _) => $"account_muxed_id '{json.AccountMuxedId}' is not a 64-bit id",
            _ => null,
        };
        if (problem is not null)
        {
            return false;
        }
        TryParseId(json!.AccountMuxedId, out var muxedId);
        transaction = new TransactionRecord
        {
            Hash = json.Hash!,
            PagingToken = json.PagingToken!,
            Successful = json.Successful!.Value,
            Ledger = json.Ledger!.Value,
            CreatedAt = json.CreatedAt!.Value.ToUniversalTime(),
            SourceAccount = json.SourceAccount!,
            SourceAccountMuxed = json.AccountMuxed,
            SourceAccountMuxedId = muxedId,
            MemoType = string.IsNullOrEmpty(json.MemoType) ? "none" : json.MemoType,
            Memo = json.Memo,
        };
        return true;
    }

    private static bool TryMap(PaymentJson? json, [NotNullWhen(true)] out PaymentRecord? record, [NotNullWhen(false)] out string? problem)
    {
        record = null;
        problem = json switch
        {
            null => "empty record",
            { Id: null or "" } => "no id",
            { PagingToken: null or "" } => "no paging_token",
            { Type: null or "" } => "no type",
            { TransactionHash: null or "" } => "no transaction_hash",
            { TransactionSuccessful: null } => "no transaction_successful",
            { CreatedAt: null } => "no created_at",
            _ when !TryParseId(json.ToMuxedId, out _) => $"to_muxed_id '{json.ToMuxedId}' is not a 64-bit id",
            _ => null,
        };
        if (problem is not null)
        {
            return false;
        }

        decimal? amount = null;
        if (json!.Amount is not null || PaymentTypes.MovesAnAmount(json.Type!))
        {
            if (!HorizonAmount.TryParse(json.Amount, out var parsed))
            {
                return Fail($"amount '{json.Amount}' is not a number with at most {HorizonAmount.MaxDecimals} decimals", out record, out problem);
            }
            amount = parsed;
        }

        TransactionRecord? transaction = null;
        if (json.Transaction is not null && !TryMapTransaction(json.Transaction, out transaction, out var transactionProblem))
        {
            return Fail($"joined transaction: {transactionProblem}", out record, out problem);
        }

        TryParseId(json.ToMuxedId, out var toMuxedId);
        record = new PaymentRecord
        {
            Id = json.Id!,
            PagingToken = json.PagingToken!,
            Type = json.Type!,
            TransactionHash = json.TransactionHash!,
            TransactionSuccessful = json.TransactionSuccessful!.Value,
            CreatedAt = json.CreatedAt!.Value.ToUniversalTime(),
            From = json.From,
            To = json.To,
            ToMuxed = json.ToMuxed,
            ToMuxedId = toMuxedId,
            AssetType = json.AssetType,
            Amount = amount,
            IsTransactionJoined = transaction is not null,
            Ledger = transaction?.Ledger,
            MemoType = transaction?.MemoType,
            Memo = transaction?.Memo,
        };
        return true;
    }

    /// <summary>Muxed ids are unsigned 64-bit integers, sent as strings. Absent is fine.</summary>
    private static bool TryParseId(string? text, out ulong? id)
    {
        id = null;
        if (text is null)
        {
            return true;
        }
        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        id = value;
        return true;
    }

    private static bool Fail(string reason, out PaymentRecord? record, out string problem)
    {
        record = null;
        problem = reason;
        return false;
    }
}
