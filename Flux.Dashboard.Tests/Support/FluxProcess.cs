using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Flux.Dashboard.Tests.Support;

/// <summary>
/// The built app (Flux.Dashboard/bin/&lt;configuration&gt;/net10.0/Flux.Dashboard.dll, built with the project that runs
/// this) started as its own process on 127.0.0.1 and a free port, so its memory, start-up and crashes are its own.
/// Shared with bench/Flux.Bench, which compiles this file too and starts other built apps with it (the framework's
/// empty templates it compares Flux with).
/// </summary>
public sealed class FluxProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter? log;

    private FluxProcess(Process process, StreamWriter? log, Uri baseAddress, Stopwatch sinceStart)
    {
        this.process = process;
        this.log = log;
        BaseAddress = baseAddress;
        SinceStart = sinceStart;
    }

    public Uri BaseAddress { get; }

    public int Id => process.Id;

    /// <summary>Started just before the process was.</summary>
    public Stopwatch SinceStart { get; }

    /// <summary>
    /// Starts the app serving on a free port. Its log goes to <paramref name="logFile"/> (appended, so restarts on one data
    /// folder share one file) or, without one, its standard error to this process's. <paramref name="app"/> is the app's
    /// dll when it is not the built Flux.Dashboard.dll.
    /// </summary>
    public static FluxProcess Start(string dataFolder, string environment, IReadOnlyDictionary<string, string>? settings = null,
        string? logFile = null, string? app = null)
    {
        var port = FreePort();
        var start = StartInfo(app ?? AppPath(), dataFolder, environment, settings, []);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var log = logFile is null ? null : new StreamWriter(logFile, append: true) { AutoFlush = true };
        var sinceStart = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        Write(log, $"=== Flux started: pid {process.Id}, port {port}, {DateTimeOffset.UtcNow:O}", toConsole: false);
        // Drain the app's output so its pipes never fill and block it.
        process.OutputDataReceived += (_, e) => Write(log, e.Data, toConsole: false);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data, toConsole: true);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new FluxProcess(process, log, new Uri($"http://127.0.0.1:{port}/"), sinceStart);
    }

    /// <summary>Runs the app with command-line arguments (such as <c>keys create …</c>) to its end; its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunCommandAsync(string dataFolder, string environment,
        IReadOnlyDictionary<string, string> settings, IReadOnlyList<string> arguments, TimeSpan timeout)
        => RunToEndAsync(StartInfo(AppPath(), dataFolder, environment, settings, arguments), timeout);

    /// <summary>
    /// Runs a program (its output redirected) to its end: its exit code and output, or -1 and what it wrote once
    /// <paramref name="timeout"/> has passed and it was killed.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunToEndAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"Timed out after {timeout}.\n{await output}\n{await error}");
        }
        return (process.ExitCode, $"{await output}\n{await error}");
    }

    /// <summary>Polls <paramref name="path"/> every 10 ms; returns the time from process start to its first 200.</summary>
    public async Task<TimeSpan> WaitHealthyAsync(TimeSpan timeout, string path = "/healthz")
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (SinceStart.Elapsed < timeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"Flux exited with {process.ExitCode} before it answered {path}.");
            try
            {
                using var response = await http.GetAsync(path);
                if (response.StatusCode == HttpStatusCode.OK)
                    return SinceStart.Elapsed;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the request's timeout.
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"Flux did not answer {path} within {timeout}.");
    }

    /// <summary>Resident memory of the app process (VmRSS), in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Kills the app as a crash would (SIGKILL: no shutdown, nothing flushed) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (process.HasExited)
            return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        Write(log, $"=== Flux killed (SIGKILL): pid {process.Id}, {DateTimeOffset.UtcNow:O}", toConsole: false);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        if (log is not null)
            await log.DisposeAsync();
    }

    private static ProcessStartInfo StartInfo(string app, string dataFolder, string environment, IReadOnlyDictionary<string, string>? settings,
        IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet", [app, .. arguments])
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        // A command never serves; were it to start the server anyway, it must not take port 5000.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Flux__Data__Folder"] = dataFolder;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return start;
    }

    private static void Write(StreamWriter? log, string? line, bool toConsole)
    {
        if (line is null)
            return;
        if (log is not null)
        {
            // Standard output and error arrive on two threads of their own.
            lock (log)
                log.WriteLine(line);
        }
        else if (toConsole)
        {
            Console.Error.WriteLine($"[app] {line}");
        }
    }

    private static string AppPath()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var app = RepositoryFolder.Path("Flux.Dashboard", "bin", configuration, "net10.0", "Flux.Dashboard.dll");
        return File.Exists(app) ? app : throw new InvalidOperationException($"{app} is missing: build the solution ({configuration}) first.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
