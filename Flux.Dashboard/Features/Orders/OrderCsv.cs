using System.Globalization;
using System.Text;

namespace Flux.Dashboard.Features.Orders;

/// <summary>
/// The order export as RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or
/// line break. Amounts are invariant with 7 decimals, times ISO 8601 in UTC.
/// </summary>
public static class OrderCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] Columns =
    [
        "order_id", "created_at", "status", "overpaid", "amount", "amount_received", "description",
        "wallet", "network", "transaction_hash", "expires_at", "paid_at", "confirmed_at", "canceled_at",
    ];

    public static string Header => string.Join(',', Columns);

    /// <summary>A CSV file download written by <paramref name="write"/>, never cached.</summary>
    public static IResult Download(HttpContext http, string fileName, Func<TextWriter, Task> write)
    {
        http.Response.Headers.CacheControl = "no-store";
        return Results.Stream(async body =>
        {
            // The byte order mark lets spreadsheet programs read non-ASCII text as UTF-8.
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
            await write(writer);
        }, ContentType, fileName);
    }

    public static string Row(Order order) => string.Join(',',
        Field(order.Id),
        Time(order.CreatedAt),
        Field(order.Status.ApiName()),
        order.Overpaid ? "true" : "false",
        PiFormat.Exact(order.Amount),
        PiFormat.Exact(order.AmountReceived),
        Text(order.Description),
        Field(order.PayTo),
        Field(order.Network),
        Field(order.TransactionHash),
        Time(order.ExpiresAt),
        Time(order.PaidAt),
        Time(order.ConfirmedAt),
        Time(order.CanceledAt));

    /// <summary>
    /// Free text a spreadsheet must not run: a leading <c>= + - @</c>, tab or carriage return would start a formula
    /// (OWASP "CSV injection"), so such a value gets a leading apostrophe before it is quoted.
    /// </summary>
    public static string Text(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? Field("'" + value) : Field(value);

    /// <summary>One field, quoted (with inner quotes doubled) when it holds a comma, a quote or a line break.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
            return value;
        var quoted = new StringBuilder(value.Length + 8).Append('"');
        foreach (var c in value)
            quoted.Append(c == '"' ? "\"\"" : c);
        return quoted.Append('"').ToString();
    }

    public static string Time(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
