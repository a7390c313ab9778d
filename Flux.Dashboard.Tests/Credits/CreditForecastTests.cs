using Flux.Dashboard.Features.Credits;

namespace Flux.Dashboard.Tests.Credits;

public sealed class CreditForecastTests
{
    [Theory]
    [InlineData(100, 14, 14, 1.0, 100)]
    [InlineData(100, 28, 14, 2.0, 50)]
    [InlineData(99, 28, 14, 2.0, 49)]
    [InlineData(10, 7, 14, 0.5, 20)]
    [InlineData(1, 28, 14, 2.0, 0)]
    [InlineData(30, 3, 1, 3.0, 10)]
    public void Days_left_are_the_balance_over_the_daily_rate_rounded_down(int balance, int spent, int window, double rate, int daysLeft)
    {
        var forecast = CreditForecast.Of(balance, spent, window);

        Assert.Equal((decimal)rate, forecast.DailyRate);
        Assert.Equal(daysLeft, forecast.DaysLeft);
    }

    [Theory]
    [InlineData(100, 14, "At the last 14 days' rate (1 a day), your credits last about 100 days.")]
    [InlineData(2000, 14, "At the last 14 days' rate (1 a day), your credits last about 2,000 days.")]
    [InlineData(10, 7, "At the last 14 days' rate (0.5 a day), your credits last about 20 days.")]
    [InlineData(2, 28, "At the last 14 days' rate (2 a day), your credits last about 1 day.")]
    [InlineData(1, 28, "At the last 14 days' rate (2 a day), your credits last less than a day.")]
    [InlineData(0, 28, "At the last 14 days' rate (2 a day) you are out of credits: new paid orders wait for credit.")]
    [InlineData(50, 0, "No credits used in the last 14 days, so there is no rate to forecast from.")]
    [InlineData(0, 0, "No credits used in the last 14 days, so there is no rate to forecast from.")]
    public void The_text_says_how_long_the_credits_last(int balance, int spent, string text) =>
        Assert.Equal(text, CreditForecast.Of(balance, spent).Text);

    [Fact]
    public void Zero_usage_has_no_days_left_to_forecast()
    {
        var forecast = CreditForecast.Of(50, 0);

        Assert.Equal(0m, forecast.DailyRate);
        Assert.Null(forecast.DaysLeft);
    }

    [Fact]
    public void Negative_figures_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CreditForecast.Of(-1, 3));
}
