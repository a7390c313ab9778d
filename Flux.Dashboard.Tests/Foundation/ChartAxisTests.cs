using Flux.Dashboard.Common;

namespace Flux.Dashboard.Tests.Foundation;

public sealed class ChartAxisTests
{
    [Theory]
    [InlineData(new double[] { 0, 4, 1 }, 1, 4)]
    [InlineData(new double[] { 13 }, 5, 15)]
    [InlineData(new double[] { 96, 3 }, 20, 100)]
    [InlineData(new double[] { 100 }, 20, 100)]
    [InlineData(new double[] { 101 }, 50, 150)]
    [InlineData(new double[] { 2400 }, 500, 2500)]
    public void The_axis_ends_on_a_round_step_just_above_the_highest_value(double[] values, int step, int max)
    {
        var axis = ChartAxis.For(values);

        Assert.Equal(new ChartAxis(step, max), axis);
        Assert.InRange(axis.Max / axis.Step, 1, ChartAxis.TargetTicks + 1);
    }

    [Fact]
    public void No_data_still_has_an_axis_from_0_to_1() => Assert.Equal(new ChartAxis(1, 1), ChartAxis.For([0, 0]));

    [Fact]
    public void Day_labels_name_today_and_every_nth_day_before_it()
    {
        var days = Enumerable.Range(0, 7).Select(i => new DateOnly(2026, 2, 26).AddDays(i)).ToList();

        Assert.Equal(["Feb 26", "", "", "Mar 1", "", "", "Mar 4"], ChartAxis.DayLabels(days, every: 3));
        Assert.Equal(["", "Feb 27", "", "Mar 1", "", "Mar 3"], ChartAxis.DayLabels(days.Take(6).ToList(), every: 2));
    }
}
