using System.Globalization;

namespace Flux.Bench;

/// <summary>
/// One measured figure with its target: "at least" for rates and ratios of gain, "at most" for times and sizes. A figure
/// without a target (<see cref="Info"/>) is printed for reference and always passes.
/// </summary>
public sealed record Figure(string Name, double Value, string Unit, double? Target, bool HigherIsBetter, string? Note = null)
{
    public bool Passed => Target is not { } target || (HigherIsBetter ? Value >= target : Value <= target);

    public static Figure AtLeast(string name, double value, string unit, double target, string? note = null) =>
        new(name, value, unit, target, true, note);

    public static Figure AtMost(string name, double value, string unit, double target, string? note = null) =>
        new(name, value, unit, target, false, note);

    public static Figure Info(string name, double value, string unit, string? note = null) =>
        new(name, value, unit, null, false, note);

    public override string ToString() => Describe(judged: true);

    /// <param name="judged">False for a smoke run: its small sizes say nothing about the targets.</param>
    public string Describe(bool judged)
    {
        var value = string.Create(CultureInfo.InvariantCulture, $"{Name,-56} {Value,12:N1} {Unit,-8}");
        var target = Target is { } t
            ? string.Create(CultureInfo.InvariantCulture, $" target {(HigherIsBetter ? ">=" : "<=")} {t:N1} {Unit,-8} {(judged ? Passed ? "PASS" : "MISS" : "(smoke)")}")
            : "";
        var line = value + target;
        return Note is null ? line : $"{line}  ({Note})";
    }
}
