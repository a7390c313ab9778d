using System.Globalization;
using System.Text.Json;

namespace Flux.Dashboard.Features.Rates;

/// <summary>
/// The small JSON path a rate provider is configured with: property names separated by dots, array indexes in brackets,
/// an optional leading <c>$</c> (<c>$.data[0].price</c>, <c>pi-network.usd</c>). Names may hold any character but
/// <c>.</c> and <c>[</c>, so price APIs' ids such as <c>pi-network</c> need no quoting.
/// </summary>
public static class RateJsonPath
{
    /// <summary>The number (or numeric string) at <paramref name="path"/>, exactly as a decimal; null when there is none.</summary>
    public static decimal? Read(JsonElement root, string path)
    {
        var node = root;
        foreach (var step in Steps(path))
        {
            if (step.Index is { } index)
            {
                if (node.ValueKind != JsonValueKind.Array || index >= node.GetArrayLength())
                    return null;
                node = node[index];
            }
            else if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(step.Name!, out node))
                return null;
        }
        return node.ValueKind switch
        {
            JsonValueKind.Number when node.TryGetDecimal(out var number) => number,
            JsonValueKind.String when decimal.TryParse(node.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var text) => text,
            _ => null,
        };
    }

    private static IEnumerable<(string? Name, int? Index)> Steps(string path)
    {
        var trimmed = path.Trim();
        if (trimmed.StartsWith('$'))
            trimmed = trimmed[1..];
        foreach (var segment in trimmed.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = segment.IndexOf('[');
            if (bracket != 0)
                yield return (bracket < 0 ? segment : segment[..bracket], null);
            if (bracket < 0)
                continue;
            foreach (var index in segment[bracket..].Split(['[', ']'], StringSplitOptions.RemoveEmptyEntries))
                yield return (null, int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue);
        }
    }
}
