using System.Globalization;
using System.Text.Json;
using Flux.Dashboard.Features.Orders;
using Microsoft.AspNetCore.WebUtilities;

namespace Flux.Dashboard.Features.Credits;

/// <summary>What the ledger table shows and its CSV export holds: a kind of line and a range of days (UTC, both ends included).</summary>
public sealed record LedgerFilter(CreditReason? Kind = null, DateOnly? From = null, DateOnly? To = null)
{
    private const string DateFormat = "yyyy-MM-dd";

    public static string KindName(CreditReason reason) => JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString());

    public DateTimeOffset? FromUtc => From is { } from ? OrderFilter.StartOfUtcDay(from) : null;
    public DateTimeOffset? BeforeUtc => To is { } to && to < DateOnly.MaxValue ? OrderFilter.StartOfUtcDay(to.AddDays(1)) : null;

    public string ToQueryString()
    {
        var query = new Dictionary<string, string?>();
        if (Kind is { } kind) query["kind"] = KindName(kind);
        if (From is { } from) query["from"] = from.ToString(DateFormat, CultureInfo.InvariantCulture);
        if (To is { } to) query["to"] = to.ToString(DateFormat, CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("", query);
    }

    public static bool TryParse(IQueryCollection query, out LedgerFilter filter, out string? error)
    {
        filter = new();
        error = null;
        CreditReason? kind = null;
        if (query["kind"].ToString() is { Length: > 0 } kindText)
        {
            kind = Enum.GetValues<CreditReason>().Cast<CreditReason?>().FirstOrDefault(r => KindName(r!.Value) == kindText);
            if (kind is null)
            {
                error = $"Unknown kind '{kindText}'.";
                return false;
            }
        }
        if (!OrderFilter.TryParseDate(query["from"], out var from) || !OrderFilter.TryParseDate(query["to"], out var to))
        {
            error = $"Dates are written {DateFormat}.";
            return false;
        }
        filter = new(kind, from, to);
        return true;
    }
}
