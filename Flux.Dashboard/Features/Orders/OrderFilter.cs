using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Flux.Dashboard.Features.Orders;

/// <summary>
/// What the Orders page shows and the CSV export holds: a status, a range of creation days (UTC, both ends included)
/// and a text found in the order id, the description or a transaction hash. Orders customers started from a button and
/// left unpaid are left out unless asked for (<see cref="AbandonedButtonOrders"/>).
/// </summary>
public sealed record OrderFilter(
    OrderStatus? Status = null, DateOnly? CreatedFrom = null, DateOnly? CreatedTo = null, string? Text = null,
    bool IncludeAbandonedButtonOrders = false)
{
    public static readonly OrderFilter None = new();

    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>The first instant the filter lets through, if it has a start day.</summary>
    public DateTimeOffset? CreatedFromUtc => CreatedFrom is { } from ? StartOfUtcDay(from) : null;

    /// <summary>The first instant after the end day, if it has one: the range ends before it.</summary>
    public DateTimeOffset? CreatedBeforeUtc => CreatedTo is { } to && to < DateOnly.MaxValue ? StartOfUtcDay(to.AddDays(1)) : null;

    public string? SearchText => string.IsNullOrWhiteSpace(Text) ? null : Text.Trim();

    /// <summary>The filter as the export link's query string: <c>?status=confirmed&amp;from=2026-01-01&amp;to=…&amp;q=…</c>.</summary>
    public string ToQueryString()
    {
        var query = new Dictionary<string, string?>();
        if (Status is { } status) query["status"] = status.ApiName();
        if (CreatedFrom is { } from) query["from"] = from.ToString(DateFormat, CultureInfo.InvariantCulture);
        if (CreatedTo is { } to) query["to"] = to.ToString(DateFormat, CultureInfo.InvariantCulture);
        if (SearchText is { } text) query["q"] = text;
        if (IncludeAbandonedButtonOrders) query["abandoned"] = "true";
        return QueryHelpers.AddQueryString("", query);
    }

    /// <summary>Reads <see cref="ToQueryString"/>'s parameters; an unknown status or a malformed date is an error, not ignored.</summary>
    public static bool TryParse(IQueryCollection query, out OrderFilter filter, out string? error)
    {
        filter = None;
        error = null;
        OrderStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } statusText)
        {
            status = OrderStatusNames.FromApiName(statusText);
            if (status is null)
            {
                error = $"Unknown status '{statusText}'.";
                return false;
            }
        }
        if (!TryParseDate(query["from"], out var from) || !TryParseDate(query["to"], out var to))
        {
            error = $"Dates are written {DateFormat}.";
            return false;
        }
        filter = new OrderFilter(status, from, to, query["q"].ToString(), query["abandoned"].ToString() == "true");
        return true;
    }

    /// <summary>A <c>yyyy-MM-dd</c> day; empty is no day, anything else malformed is false.</summary>
    internal static bool TryParseDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(text))
            return true;
        if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        date = parsed;
        return true;
    }

    internal static DateTimeOffset StartOfUtcDay(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
