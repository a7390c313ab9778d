using System.Globalization;

namespace Flux.Dashboard.Features.Credits;

/// <summary>
/// How long the balance lasts at the recent rate of spending. Pure: the caller counts the credits spent in the window.
/// </summary>
public sealed record CreditForecast(decimal DailyRate, int? DaysLeft, string Text)
{
    public const int WindowDays = 14;

    public static CreditForecast Of(int balance, int spentInWindow, int windowDays = WindowDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowDays);
        ArgumentOutOfRangeException.ThrowIfNegative(balance);
        ArgumentOutOfRangeException.ThrowIfNegative(spentInWindow);
        var window = windowDays == 1 ? "day's" : $"{windowDays} days'";
        if (spentInWindow == 0)
            return new(0, null, $"No credits used in the last {(windowDays == 1 ? "day" : $"{windowDays} days")}, so there is no rate to forecast from.");

        var rate = (decimal)spentInWindow / windowDays;
        var perDay = rate.ToString("0.#", CultureInfo.InvariantCulture);
        if (balance == 0)
            return new(rate, 0, $"At the last {window} rate ({perDay} a day) you are out of credits: new paid orders wait for credit.");

        var days = (int)Math.Floor(balance / rate);
        var last = days switch
        {
            0 => "less than a day",
            1 => "about 1 day",
            _ => $"about {days.ToString("N0", CultureInfo.InvariantCulture)} days",
        };
        return new(rate, days, $"At the last {window} rate ({perDay} a day), your credits last {last}.");
    }
}
