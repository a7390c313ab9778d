using System.Globalization;

namespace Flux.Bench;

/// <summary>One measured figure with its target: "at least" for rates, "at most" for times and sizes.</summary>
public sealed record Figure(string Name, double Value, string Unit, double Target, bool HigherIsBetter, string? Note = null)
{
    public bool Passed => HigherIsBetter ? Value >= Target : Value <= Target;

    public static Figure AtLeast(string name, double value, string unit, double target, string? note = null) =>
        new(name, value, unit, target, true, note);

    public static Figure AtMost(string name, double value, string unit, double target, string? note = null) =>
        new(name, value, unit, target, false, note);

    public override string ToString()
    {
        var comparison = HigherIsBetter ? ">=" : "<=";
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{Name,-44} {Value,12:N1} {Unit,-8} target {comparison} {Target:N1} {Unit,-8} {(Passed ? "PASS" : "MISS")}");
        return Note is null ? line : $"{line}  ({Note})";
    }
}
