namespace Flux.Dashboard.Tests.Chain.Support;

/// <summary>The Horizon responses under Chain/Fixtures/horizon (see the README there for their origin).</summary>
internal static class HorizonFixtures
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Chain", "Fixtures", "horizon", name));

    /// <summary>Wraps single operation records, unchanged, into a HAL page as <c>/payments</c> returns them.</summary>
    public static string PageOf(params string[] recordFiles) =>
        $$"""
        {
          "_links": { "next": { "href": "https://horizon.example/payments?cursor=next-page&limit=200&order=asc" } },
          "_embedded": { "records": [ {{string.Join(",", recordFiles.Select(Read))}} ] }
        }
        """;
}
