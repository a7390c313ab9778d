using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Flux.Dashboard.Tests.Support;

namespace Flux.Bench;

/// <summary>
/// P6's do-it-yourself peer as a node process (bench/peer/watch-payments.js: one @stellar/stellar-sdk payment stream
/// per wallet): what it has seen, when, and its memory on request.
/// </summary>
public sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> seen = new();
    private readonly ConcurrentDictionary<string, int> errors = new();
    private readonly TaskCompletionSource<long> baseline = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<long> memory = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PeerProcess(Process process) => this.process = process;

    public int Id => process.Id;

    /// <summary>Each payment id seen, with the time (epoch ms) of every sighting.</summary>
    public IReadOnlyDictionary<string, ConcurrentBag<double>> Seen => seen;

    public IReadOnlyDictionary<string, int> Errors => errors;

    /// <summary>The node process's resident memory after a full GC, before it opened any stream.</summary>
    public Task<long> Baseline => baseline.Task;

    public static PeerProcess Start(Uri horizon, string walletsFile)
    {
        var script = Path.Combine(PeerFolder(), "watch-payments.js");
        var start = new ProcessStartInfo("node", ["--expose-gc", script, horizon.AbsoluteUri, walletsFile])
        {
            WorkingDirectory = PeerFolder(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var peer = new PeerProcess(Process.Start(start)!);
        peer.process.OutputDataReceived += (_, e) => peer.Read(e.Data);
        peer.process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                Console.Error.WriteLine($"[peer] {e.Data}");
        };
        peer.process.BeginOutputReadLine();
        peer.process.BeginErrorReadLine();
        return peer;
    }

    /// <summary>The node process's resident memory after a full GC it forces now.</summary>
    public async Task<long> ResidentAfterGcAsync()
    {
        memory = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await process.StandardInput.WriteLineAsync("memory");
        await process.StandardInput.FlushAsync();
        return await memory.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private void Read(string? line)
    {
        var fields = line?.Split(' ', 4);
        switch (fields)
        {
            case ["seen", var id, _, var at]:
                seen.GetOrAdd(id, _ => []).Add(double.Parse(at, CultureInfo.InvariantCulture));
                break;
            case ["error", _, ..]:
                errors.AddOrUpdate(string.Join(' ', fields[2..]), 1, (_, n) => n + 1);
                break;
            case ["baseline", var rss]:
                baseline.TrySetResult(long.Parse(rss, CultureInfo.InvariantCulture));
                break;
            case ["memory", var rss]:
                memory.TrySetResult(long.Parse(rss, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string PeerFolder()
    {
        var folder = RepositoryFolder.Path("bench", "peer");
        return Directory.Exists(Path.Combine(folder, "node_modules"))
            ? folder
            : throw new InvalidOperationException($"Run `npm ci` in {folder} first.");
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
}
