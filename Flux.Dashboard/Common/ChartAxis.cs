using System.Globalization;
using MudBlazor;

namespace Flux.Dashboard.Common;

/// <summary>
/// A chart's vertical axis fitted to its data: about <see cref="TargetTicks"/> ticks at a round step (1, 2, 5, 10, 20,
/// 50, …) and the top on the first tick at or above the highest value, so four orders do not sit under an axis to 20.
/// Counts only: the steps are whole numbers.
/// </summary>
public sealed record ChartAxis(int Step, int Max)
{
    public const int TargetTicks = 5;

    public static ChartAxis For(IEnumerable<double> values)
    {
        var highest = Math.Max(1, (int)Math.Ceiling(values.DefaultIfEmpty(0).Max()));
        var step = 1;
        for (var magnitude = 1; step * TargetTicks < highest; magnitude *= 10)
        {
            foreach (var factor in new[] { 1, 2, 5 })
            {
                step = factor * magnitude;
                if (step * TargetTicks >= highest)
                    break;
            }
        }
        return new(step, (highest + step - 1) / step * step);
    }

    /// <summary>
    /// The labels under a chart of consecutive days: the last day (today) and every <paramref name="every"/>th day
    /// before it (<c>May 3</c>), the others empty, so the newest point is always named.
    /// </summary>
    public static string[] DayLabels(IReadOnlyList<DateOnly> days, int every) =>
        days.Select((day, i) => (days.Count - 1 - i) % every == 0 ? day.ToString("MMM d", CultureInfo.InvariantCulture) : "").ToArray();

    public BarChartOptions ForBars() => new() { YAxisTicks = Step, YAxisSuggestedMax = Max, MaxNumYAxisTicks = TargetTicks * 2, YAxisFormat = "0" };

    public LineChartOptions ForLines() =>
        new() { YAxisTicks = Step, YAxisSuggestedMax = Max, MaxNumYAxisTicks = TargetTicks * 2, YAxisFormat = "0", YAxisRequireZeroPoint = true };
}
