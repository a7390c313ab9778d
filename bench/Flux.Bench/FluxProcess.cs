using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Flux.Bench;

/// <summary>
/// The built app (Flux.Dashboard/bin/&lt;configuration&gt;/net10.0/Flux.Dashboard.dll, built with this project) started
/// as its own process on 127.0.0.1 and a free port, so its memory and start-up are its own.
/// </summary>
public sealed class FluxProcess : IAsyncDisposable
{
    private readonly Process process;

    private FluxProcess(Process process, Uri baseAddress, Stopwatch sinceStart)
    {
        this.process = process;
        BaseAddress = baseAddress;
        SinceStart = sinceStart;
    }

    public Uri BaseAddress { get; }

    public int Id => process.Id;

    /// <summary>Started just before the process was.</summary>
    public Stopwatch SinceStart { get; }

    public static FluxProcess Start(string dataFolder, string environment, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var app = AppPath();
        var start = new ProcessStartInfo("dotnet", $"\"{app}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Flux__Data__Folder"] = dataFolder;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var sinceStart = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        // Drain the app's log so its pipe never fills and blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[app] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new FluxProcess(process, new Uri($"http://127.0.0.1:{port}/"), sinceStart);
    }

    /// <summary>Polls <c>/healthz</c> every 10 ms; returns the time from process start to its first 200.</summary>
    public async Task<TimeSpan> WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (SinceStart.Elapsed < timeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"Flux exited with {process.ExitCode} before it answered /healthz.");
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                    return SinceStart.Elapsed;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"Flux did not answer /healthz within {timeout}.");
    }

    /// <summary>Resident memory of the app process (VmRSS), in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private static string AppPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Flux.Dashboard.sln")))
            directory = directory.Parent;
        if (directory is null)
            throw new InvalidOperationException("Run the benchmarks from the Flux repository (Flux.Dashboard.sln not found).");
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var app = Path.Combine(directory.FullName, "Flux.Dashboard", "bin", configuration, "net10.0", "Flux.Dashboard.dll");
        return File.Exists(app) ? app : throw new InvalidOperationException($"{app} is missing: build the bench project first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
