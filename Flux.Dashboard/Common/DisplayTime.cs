using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Flux.Dashboard.Common;

/// <summary>
/// The one place times are formatted for people: in the merchant's time zone (Settings → Business), with the exact UTC
/// time on hover. Times are stored and sent over the API in UTC; only what a page shows moves into the zone. In UTC
/// the text says so, since "10:14" alone could be anyone's clock.
/// </summary>
public static class DisplayTime
{
    /// <summary>The merchant's zone from its IANA id (<c>Europe/Berlin</c>); UTC when none is set or the id is unknown.</summary>
    public static TimeZoneInfo Zone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>Whether <paramref name="id"/> names a time zone this server knows.</summary>
    public static bool IsKnownZone(string? id) => !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>The wall-clock time in the zone.</summary>
    public static DateTime Local(DateTimeOffset time, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(time, zone).DateTime;

    /// <summary>The merchant's calendar day the time falls on.</summary>
    public static DateOnly Day(DateTimeOffset time, TimeZoneInfo zone) => DateOnly.FromDateTime(Local(time, zone));

    /// <summary>The instant the merchant's <paramref name="day"/> begins.</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A day that starts inside a skipped hour (a spring-forward at midnight) starts at the first valid minute.
        while (zone.IsInvalidTime(midnight))
            midnight = midnight.AddMinutes(15);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary><c>2026-05-01 11:00:00</c>, with <c> UTC</c> when the zone is UTC.</summary>
    public static string Of(DateTimeOffset time, TimeZoneInfo zone) => Format(time, zone, "yyyy-MM-dd HH:mm:ss");

    /// <summary><c>2026-05-01 11:00</c>, with <c> UTC</c> when the zone is UTC.</summary>
    public static string Short(DateTimeOffset time, TimeZoneInfo zone) => Format(time, zone, "yyyy-MM-dd HH:mm");

    /// <summary><c>1 May 2026</c>: a day needs no zone named.</summary>
    public static string Date(DateTimeOffset time, TimeZoneInfo zone) =>
        Local(time, zone).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The exact time in UTC, as the hover text says it: <c>2026-05-01 09:00:00 UTC</c>.</summary>
    public static string Utc(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A <c>&lt;time&gt;</c> element with the formatted text, the machine-readable instant and UTC on hover; markup, not a
    /// component, so a page of times costs an open dashboard nothing more (docs/performance.md).
    /// </summary>
    public static RenderFragment Tag(DateTimeOffset time, TimeZoneInfo zone, Func<DateTimeOffset, TimeZoneInfo, string> format) => builder =>
    {
        builder.OpenElement(0, "time");
        builder.AddAttribute(1, "datetime", time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        builder.AddAttribute(2, "title", Utc(time));
        builder.AddContent(3, format(time, zone));
        builder.CloseElement();
    };

    private static string Format(DateTimeOffset time, TimeZoneInfo zone, string pattern)
    {
        var text = Local(time, zone).ToString(pattern, CultureInfo.InvariantCulture);
        return zone.HasSameRules(TimeZoneInfo.Utc) ? text + " UTC" : text;
    }
}
