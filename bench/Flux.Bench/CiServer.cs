using System.Diagnostics;
using System.Globalization;
using Flux.Dashboard.Tests.Support;

namespace Flux.Bench;

/// <summary>
/// A throwaway server of the tests' own scripts, <c>.ci/postgres</c> or <c>.ci/redis</c>, run in a state folder of the
/// benchmark's own (their <c>FLUX_&lt;NAME&gt;_STATE</c>), so a test run's servers are left alone; stopped and its folder
/// deleted when disposed or when the run ends (Ctrl+C, a signal). The server runs on its own, not as this process's
/// descendant, so it is counted as the run's own CPU by <see cref="MachineLoad"/>.
/// </summary>
public sealed class CiServer : IAsyncDisposable
{
    private readonly string name;
    private readonly string state;
    private int stopped;

    private CiServer(string name, string state, string address)
    {
        this.name = name;
        this.state = state;
        Address = address;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    /// <summary>What <c>start</c> printed: PostgreSQL's connection string, Redis's <c>127.0.0.1:&lt;port&gt;</c>.</summary>
    public string Address { get; }

    /// <param name="name">The script: <c>postgres</c> or <c>redis</c>.</param>
    /// <param name="package">The Debian package it needs, for the error when it fails.</param>
    /// <param name="pidFile">Where in the state folder the server writes its process id (the first line).</param>
    public static async Task<CiServer> StartAsync(string name, string package, string pidFile)
    {
        var state = Path.Combine(Path.GetTempPath(), $"flux-bench-{name}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        using var script = Script(name, "start", state);
        var output = script.StandardOutput.ReadToEndAsync();
        var error = script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync();
        if (script.ExitCode != 0)
            throw new InvalidOperationException($".ci/{name} start failed ({script.ExitCode}): {await error}{await output}"
                + $"It needs Debian's {package} package: apt-get install -y {package} (./test.sh installs it).");
        var server = new CiServer(name, state, (await output).Trim());
        MachineLoad.CountAsOwn(int.Parse(File.ReadLines(Path.Combine(state, pidFile)).First().Trim(), CultureInfo.InvariantCulture));
        return server;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    /// <summary>Synchronous: a ProcessExit handler cannot wait for a task.</summary>
    private void Stop()
    {
        if (Interlocked.Exchange(ref stopped, 1) != 0)
            return;
        using var script = Script(name, "stop", state);
        script.WaitForExit();
    }

    private static Process Script(string name, string command, string state) =>
        Process.Start(new ProcessStartInfo(RepositoryFolder.Path(".ci", name), command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { [$"FLUX_{name.ToUpperInvariant()}_STATE"] = state },
        })!;
}
