using System.Diagnostics;
using Flux.Dashboard.Tests.Support;

namespace Flux.Bench;

/// <summary>
/// An app published for this run into a temporary folder, in the configuration the benchmarks were built in (Release for
/// real figures): Flux itself, or the framework's floor that a Flux figure is compared with — an app generated at run
/// time from one of the SDK's own templates (<c>dotnet new web</c>, <c>dotnet new blazor …</c>) and published with Flux's
/// GC setting (workstation), so the comparison is of the apps, not of GC modes. A template's restore gets an empty package
/// source: the templates need nothing beyond the SDK and the local NuGet cache, so no network is used. Nothing is kept:
/// each run generates and publishes its own.
/// </summary>
public sealed class PublishedApp : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly Lazy<Task<PublishedApp>> FluxApp = new(() => PublishFluxAsync(BenchSize.Full));
    private static readonly Lazy<Task<PublishedApp>> FluxAsBuiltApp = new(() => PublishFluxAsync(BenchSize.Smoke));
    private static readonly Lazy<Task<PublishedApp>> EmptyWebApp = new(() => PublishTemplateAsync("EmptyWeb", "web"));
    private static readonly Lazy<Task<PublishedApp>> EmptyBlazorApp =
        new(() => PublishTemplateAsync("EmptyBlazor", "blazor", "--interactivity", "Server", "--all-interactive", "--empty"));

    private readonly string folder;

    private PublishedApp(string folder, string dll)
    {
        this.folder = folder;
        Dll = dll;
    }

    /// <summary>The published app's dll, to start with <c>dotnet</c>.</summary>
    public string Dll { get; }

    /// <summary>
    /// Flux.Dashboard published as its project publishes (ReadyToRun); for a smoke run, the build the benchmarks were made
    /// with, published as it is (<c>--no-build</c>, no ReadyToRun: seconds instead of minutes).
    /// </summary>
    public static Task<PublishedApp> Flux(BenchSize size) => size.Pick(FluxApp, FluxAsBuiltApp).Value;

    /// <summary><c>dotnet new web</c>: one endpoint, <c>GET /</c> answers "Hello World!".</summary>
    public static Task<PublishedApp> EmptyWeb => EmptyWebApp.Value;

    /// <summary>
    /// <c>dotnet new blazor --interactivity Server --all-interactive --empty</c>: every page a Blazor Server circuit, as
    /// Flux's dashboard is; <c>/</c> is the template's empty home page.
    /// </summary>
    public static Task<PublishedApp> EmptyBlazor => EmptyBlazorApp.Value;

    /// <summary>Starts publishing every app in the background (a smoke run, whose figures are not judged).</summary>
    public static void PrepareInBackground()
    {
        _ = Flux(BenchSize.Smoke);
        _ = EmptyWeb;
        _ = EmptyBlazor;
    }

    /// <summary>Deletes the apps published by this run.</summary>
    public static async Task DeleteAllAsync()
    {
        foreach (var app in new[] { FluxApp, FluxAsBuiltApp, EmptyWebApp, EmptyBlazorApp }.Where(a => a.IsValueCreated))
        {
            var published = await app.Value.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default);
            published?.Dispose();
        }
    }

    private static Task<PublishedApp> PublishFluxAsync(BenchSize size)
    {
        var project = RepositoryFolder.Path("Flux.Dashboard", "Flux.Dashboard.csproj");
        string[] asBuilt = size.Pick<string[]>([], ["--no-build", "-p:PublishReadyToRun=false"]);
        return PublishAsync("Flux.Dashboard", (_, output) =>
            DotnetAsync(["publish", project, "-c", Configuration, .. asBuilt, "-o", output, "-v", "quiet", "--nologo"]));
    }

    private static Task<PublishedApp> PublishTemplateAsync(string name, params string[] template) =>
        PublishAsync(name, async (folder, output) =>
        {
            var source = Path.Combine(folder, "src");
            var noPackageSource = Directory.CreateDirectory(Path.Combine(folder, "no-package-source")).FullName;
            await DotnetAsync(["new", .. template, "--name", name, "--output", source, "--no-restore"]);
            await DotnetAsync(["publish", source, "-c", Configuration, "-o", output, "--source", noPackageSource,
                "-p:ServerGarbageCollection=false", "--disable-build-servers", "-nodeReuse:false", "-v", "quiet", "--nologo"]);
        });

    private static async Task<PublishedApp> PublishAsync(string name, Func<string, string, Task> publish)
    {
        var folder = Path.Combine(Path.GetTempPath(), "flux-bench", $"{name}-{Guid.NewGuid():N}");
        var output = Path.Combine(folder, "app");
        var app = new PublishedApp(folder, Path.Combine(output, $"{name}.dll"));
        try
        {
            Directory.CreateDirectory(folder);
            await publish(folder, output);
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    private static async Task DotnetAsync(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (DirectoryNotFoundException) { /* nothing was made */ }
        catch (IOException) { /* the temp folder is the OS's to clean */ }
    }
}
