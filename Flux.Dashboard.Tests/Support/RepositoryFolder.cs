namespace Flux.Dashboard.Tests.Support;

/// <summary>
/// The Flux repository's root (where Flux.Dashboard.sln is), found above the running tests or benchmark, for the files
/// they read or run from it. Shared with Flux.E2E and bench/Flux.Bench, which compile this file too.
/// </summary>
public static class RepositoryFolder
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>A path inside the repository, e.g. <c>Path("sdk", "cases.json")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Flux.Dashboard.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"Run this from the Flux repository: no Flux.Dashboard.sln above {AppContext.BaseDirectory}.");
    }
}
