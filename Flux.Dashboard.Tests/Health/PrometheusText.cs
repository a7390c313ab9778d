using System.Globalization;

namespace Flux.Dashboard.Tests.Health;

/// <summary>A scrape of <c>/metrics</c> (Prometheus text format), read the way a query would pick a series.</summary>
internal sealed class PrometheusText(string text)
{
    public string Text => text;

    /// <summary>
    /// The sum of the samples named <paramref name="name"/> whose labels include every one of <paramref name="labels"/>
    /// (<c>key="value"</c>), or null when there is none.
    /// </summary>
    public double? Value(string name, params string[] labels)
    {
        var samples = text.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(line => labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .Select(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
            .ToList();
        return samples.Count == 0 ? null : samples.Sum();
    }

    public static async Task<PrometheusText> ScrapeAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return new(await http.GetStringAsync($"http://127.0.0.1:{port}/metrics"));
    }
}
