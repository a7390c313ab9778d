using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// Which event types a reader wants: exact types (<c>order.confirmed</c>) or a family by prefix (<c>order.*</c>);
/// empty means every type. The events API, the SDK stream and the dashboard's Events tab all filter this way.
/// </summary>
public sealed partial record EventTypeFilter(IReadOnlyList<string> Patterns)
{
    public static readonly EventTypeFilter Any = new([]);

    /// <summary>Parses a comma-separated list of patterns; null when one is not a type or a <c>family.*</c> prefix.</summary>
    public static EventTypeFilter? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Any;
        var patterns = text.Split(',', StringSplitOptions.TrimEntries);
        return patterns.All(p => Pattern().IsMatch(p)) ? new(patterns.Distinct().ToList()) : null;
    }

    public const string SyntaxHelp = "an event type such as order.confirmed, or a family such as order.*";

    /// <summary>The patterns that match no type Flux sends: a typo that would otherwise filter out every event, silently.</summary>
    public IReadOnlyList<string> Unknown => Patterns.Where(p => !EventCatalog.TypeNames.Any(type => Match(p, type))).ToList();

    public bool Matches(string type) => Patterns.Count == 0 || Patterns.Any(p => Match(p, type));

    private static bool Match(string pattern, string type) =>
        pattern.EndsWith(".*", StringComparison.Ordinal) ? type.StartsWith(pattern[..^1], StringComparison.Ordinal) : type == pattern;

    /// <summary>The filter in SQL: the patterns joined by OR.</summary>
    public IQueryable<OutboxEvent> Apply(IQueryable<OutboxEvent> events)
    {
        if (Patterns.Count == 0)
            return events;
        var e = Expression.Parameter(typeof(OutboxEvent), "e");
        var type = Expression.Property(e, nameof(OutboxEvent.Type));
        var test = Patterns
            .Select(p => p.EndsWith(".*", StringComparison.Ordinal)
                ? (Expression)Expression.Call(type, StartsWith, Expression.Constant(p[..^1]))
                : Expression.Equal(type, Expression.Constant(p)))
            .Aggregate(Expression.OrElse);
        return events.Where(Expression.Lambda<Func<OutboxEvent, bool>>(test, e));
    }

    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;

    [GeneratedRegex(@"^[a-z][a-z_]*(\.[a-z][a-z_]*)*(\.\*)?$")]
    private static partial Regex Pattern();
}
