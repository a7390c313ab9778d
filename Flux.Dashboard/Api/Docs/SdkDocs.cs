using Markdig;

namespace Flux.Dashboard.Api.Docs;

/// <summary>
/// One official SDK as <c>/docs/sdks</c> shows it: the product docs' install line and its README (sdk/&lt;key&gt;/README.md,
/// built in, so the page never depends on the working folder).
/// </summary>
public sealed record SdkDoc(string Key, string Language, string Description, string InstallLine, string ReadmeResource)
{
    private readonly Lazy<string> readmeHtml = new(() => SdkDocs.ReadmeHtml(ReadmeResource));

    /// <summary>The README as HTML; raw HTML in the Markdown is escaped, not passed through.</summary>
    public string ReadmeHtml => readmeHtml.Value;
}

/// <summary>What <c>/docs/sdks</c> shows: the three SDKs the product docs promise, with the product docs' install lines.</summary>
public static class SdkDocs
{
    public const string Path = "/docs/sdks";

    public static readonly IReadOnlyList<SdkDoc> All =
    [
        new("node", "JavaScript/Node.js",
            "Our official Node.js SDK for server-side applications (Node 20 or later, no dependencies, TypeScript types included).",
            "npm install flux-pi-sdk", "Flux.Dashboard.Sdks.NodeReadme.md"),
        new("ruby", "Ruby",
            "Ruby SDK for server-side applications and Rails integration (Ruby 3.1 or later, no other gem, amounts as BigDecimal).",
            "gem install flux-pi-sdk", "Flux.Dashboard.Sdks.RubyReadme.md"),
        new("go", "Go",
            "Go SDK for integrating Pi Network payments in Go applications (Go 1.19 or later, standard library only, exact amounts).",
            "go get github.com/flux/flux-pi-sdk", "Flux.Dashboard.Sdks.GoReadme.md"),
    ];

    internal static string ReadmeHtml(string resource) =>
        Markdown.ToHtml(ReadResource(resource), new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build());

    private static string ReadResource(string name)
    {
        using var stream = typeof(SdkDocs).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is not built into Flux.Dashboard.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
