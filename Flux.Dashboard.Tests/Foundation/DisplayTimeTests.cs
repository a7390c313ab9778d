using Bunit;
using Flux.Dashboard.Common;
using Microsoft.AspNetCore.Components;

namespace Flux.Dashboard.Tests.Foundation;

/// <summary>Times as the dashboard shows them: in the merchant's zone, UTC on hover and where no zone is set.</summary>
public sealed class DisplayTimeTests : BunitContext
{
    private static readonly DateTimeOffset SummerMorning = new(2026, 7, 1, 9, 30, 15, TimeSpan.Zero);
    private static readonly DateTimeOffset WinterMorning = new(2026, 1, 15, 9, 30, 15, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = DisplayTime.Zone("Europe/Berlin");

    [Fact]
    public void A_time_reads_in_the_merchants_zone_through_summer_and_winter()
    {
        Assert.Equal("2026-07-01 11:30:15", DisplayTime.Of(SummerMorning, Berlin));
        Assert.Equal("2026-01-15 10:30", DisplayTime.Short(WinterMorning, Berlin));
        Assert.Equal("2026-07-01 05:30", DisplayTime.Short(SummerMorning, DisplayTime.Zone("America/New_York")));
    }

    [Fact]
    public void Without_a_zone_or_with_an_unknown_one_times_are_in_UTC_and_say_so()
    {
        Assert.Equal("2026-07-01 09:30:15 UTC", DisplayTime.Of(SummerMorning, DisplayTime.Zone(null)));
        Assert.Equal("2026-07-01 09:30 UTC", DisplayTime.Short(SummerMorning, DisplayTime.Zone("Mars/Olympus_Mons")));
        Assert.False(DisplayTime.IsKnownZone("Mars/Olympus_Mons"));
        Assert.True(DisplayTime.IsKnownZone("Asia/Tokyo"));
    }

    [Fact]
    public void Late_evening_UTC_is_already_the_next_day_further_east()
    {
        var lateEvening = new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 3, 2), DisplayTime.Day(lateEvening, DisplayTime.Zone("Asia/Tokyo")));
        Assert.Equal("1 Mar 2026", DisplayTime.Date(lateEvening, TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_merchants_day_starts_at_their_midnight_even_on_the_day_the_clocks_change()
    {
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 22, 0, 0, TimeSpan.Zero), DisplayTime.StartOf(new DateOnly(2026, 7, 2), Berlin));
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), DisplayTime.StartOf(new DateOnly(2026, 3, 29), Berlin));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), DisplayTime.StartOf(new DateOnly(2026, 3, 30), Berlin));
    }

    [Fact]
    public void The_time_element_carries_the_instant_and_shows_UTC_on_hover()
    {
        var rendered = Render((RenderFragment)(b => b.AddContent(0, DisplayTime.Tag(SummerMorning, Berlin, DisplayTime.Short))));

        var time = rendered.Find("time");
        Assert.Equal("2026-07-01 11:30", time.TextContent);
        Assert.Equal("2026-07-01T09:30:15Z", time.GetAttribute("datetime"));
        Assert.Equal("2026-07-01 09:30:15 UTC", time.GetAttribute("title"));
    }
}
