using System.Net;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Buttons;

/// <summary>The embeddable button script: small, dependency-free, and served by Flux from the build's copy.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class EmbedScriptTests(FluxAppFactory app)
{
    private const int MaxScriptBytes = 15 * 1024;

    [Fact]
    public void The_button_script_is_at_most_15_KB_unminified()
    {
        var size = new FileInfo(Source("flux-button.js")).Length;

        Assert.True(size <= MaxScriptBytes, $"flux-button.js is {size} bytes; the limit is {MaxScriptBytes}.");
    }

    [Fact]
    public void The_button_script_loads_nothing_but_flux_and_never_writes_markup()
    {
        var script = File.ReadAllText(Source("flux-button.js"));

        Assert.DoesNotContain("import ", script);
        Assert.DoesNotContain("innerHTML", script);
        Assert.DoesNotContain("document.write", script);
        Assert.DoesNotContain("eval(", script);
    }

    [Theory]
    [InlineData("flux-button.js", "text/javascript")]
    [InlineData("flux-button.css", "text/css")]
    public async Task Flux_serves_the_built_copy_of_each_embed_source(string file, string mediaType)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/embed/{file}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(File.ReadAllText(Source(file)), await response.Content.ReadAsStringAsync());
    }

    private static string Source(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Flux.Dashboard.sln")))
            dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "wwwroot-assets", file);
    }
}
