using System.Net;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Buttons;

/// <summary>The embeddable scripts (order button, reviews widget): small, dependency-free, and served by Flux from the build's copy.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class EmbedScriptTests(FluxAppFactory app)
{
    private const int MaxScriptBytes = 15 * 1024;

    [Theory]
    [InlineData("flux-button.js")]
    [InlineData("flux-reviews.js")]
    public void Each_embed_script_is_at_most_15_KB_unminified(string file)
    {
        var size = new FileInfo(Source(file)).Length;

        Assert.True(size <= MaxScriptBytes, $"{file} is {size} bytes; the limit is {MaxScriptBytes}.");
    }

    [Theory]
    [InlineData("flux-button.js")]
    [InlineData("flux-reviews.js")]
    public void Each_embed_script_loads_nothing_but_flux_and_never_writes_markup(string file)
    {
        var script = File.ReadAllText(Source(file));

        Assert.DoesNotContain("import ", script);
        Assert.DoesNotContain("innerHTML", script);
        Assert.DoesNotContain("document.write", script);
        Assert.DoesNotContain("eval(", script);
    }

    [Theory]
    [InlineData("flux-button.js")]
    [InlineData("flux-button.css")]
    [InlineData("flux-reviews.js")]
    [InlineData("flux-reviews.css")]
    public void Each_embed_source_is_ascii_so_a_shop_page_without_a_utf8_charset_shows_it_ungarbled(string file)
    {
        var text = File.ReadAllText(Source(file));

        var line = text.Split('\n').Select((l, i) => (Text: l, Number: i + 1)).FirstOrDefault(l => l.Text.Any(c => c > 127));
        Assert.True(line.Text is null, $"{file} line {line.Number} has a non-ASCII character (write it as \\uXXXX): {line.Text}");
    }

    [Theory]
    [InlineData("flux-button.js", "text/javascript")]
    [InlineData("flux-button.css", "text/css")]
    [InlineData("flux-reviews.js", "text/javascript")]
    [InlineData("flux-reviews.css", "text/css")]
    public async Task Flux_serves_the_built_copy_of_each_embed_source(string file, string mediaType)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/embed/{file}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(File.ReadAllText(Source(file)), await response.Content.ReadAsStringAsync());
    }

    private static string Source(string file) => RepositoryFolder.Path("wwwroot-assets", file);
}
