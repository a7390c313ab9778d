using Markdig;

namespace Flux.Dashboard.Api.Docs;

/// <summary>What <c>/docs/sdks</c> shows: the Node SDK's install line and its README (sdk/node/README.md, built in).</summary>
public static class SdkDocs
{
    public const string Path = "/docs/sdks";
    public const string NodeInstallLine = "npm install flux-pi-sdk";

    private const string NodeReadmeResource = "Flux.Dashboard.Sdks.NodeReadme.md";

    private static readonly Lazy<string> NodeReadme = new(() => ToHtml(ReadResource(NodeReadmeResource)));

    /// <summary>The README as HTML; raw HTML in the Markdown is escaped, not passed through.</summary>
    public static string NodeReadmeHtml => NodeReadme.Value;

    private static string ToHtml(string markdown) =>
        Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build());

    private static string ReadResource(string name)
    {
        using var stream = typeof(SdkDocs).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is not built into Flux.Dashboard.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
