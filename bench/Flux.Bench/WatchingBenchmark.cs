using System.Diagnostics;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Bench;

/// <summary>
/// P6: watching wallets, Flux against the do-it-yourself peer, side by side on one sandbox Horizon (a Flux hosted in this
/// process for the run). Flux is the published app (ReadyToRun) as its own process (Production, its sandbox network pointed at that
/// Horizon), its wallets registered by merchants, ten each; a twin without wallets runs beside it, so the memory that
/// watching costs is the difference of the two. The peer (<see cref="PeerProcess"/>) streams each wallet on its own.
/// Once the peer holds a stream for every wallet, each watched wallet is paid until both have seen a payment to it, to
/// warm both up and to know both listen; then ten payments a watched wallet flow, in ledgers of <c>perLedger</c> payments, one in ten to a watched
/// wallet (each watched wallet once). A payment is seen by the peer when its stream hands it over, by Flux when the
/// watcher hands it to its sink (the payment's <c>RecordedAt</c>); latency is counted from just before its ledger closes.
/// </summary>
public static class WatchingBenchmark
{
    private const int WalletsPerMerchant = 10;
    private static readonly TimeSpan SeenWithin = TimeSpan.FromSeconds(120);

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchSize size)
    {
        var walletCount = size.Pick(1_000, 20);
        var perLedger = size.Pick(50, 20);
        var ledgerEvery = TimeSpan.FromMilliseconds(size.Pick(500, 100));
        var run = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "flux-bench", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            await using var horizon = new InProcessFlux();
            var horizonUri = new Uri(horizon.BaseAddress, "sandbox/horizon");
            var settings = new Dictionary<string, string> { ["Flux:Chain:Networks:sandbox:HorizonUrl"] = horizonUri.AbsoluteUri };
            var watched = Enumerable.Range(0, walletCount).Select(_ => InProcessFlux.RandomAddress()).ToList();
            var others = Enumerable.Range(0, walletCount).Select(_ => InProcessFlux.RandomAddress()).ToList();
            var fluxFolder = Path.Combine(run, "flux");
            await RegisterAsync(fluxFolder, settings, watched);
            var walletsFile = Path.Combine(run, "wallets.txt");
            await File.WriteAllLinesAsync(walletsFile, watched);

            // Both as deployed: published (ReadyToRun), so neither holds code the JIT compiled for the path it ran.
            var published = (await PublishedApp.Flux(size)).Dll;
            await using var flux = FluxProcess.Start(fluxFolder, "Production", settings, Path.Combine(run, "flux.log"), published);
            await using var idle = FluxProcess.Start(Path.Combine(run, "flux-idle"), "Production", settings, Path.Combine(run, "flux-idle.log"), published);
            await using var peer = PeerProcess.Start(horizonUri, walletsFile);
            await Task.WhenAll(flux.WaitHealthyAsync(TimeSpan.FromSeconds(60)), idle.WaitHealthyAsync(TimeSpan.FromSeconds(60)));
            var fluxSeen = new FluxSightings(Path.Combine(fluxFolder, "flux.db"));
            var ledger = horizon.Services.GetRequiredService<SandboxLedger>();
            var port = horizon.BaseAddress.Port;
            var streamsOpen = await StreamsOpenAsync(peer, walletCount, port);

            await WarmUpAsync(ledger, watched, perLedger, ledgerEvery, fluxSeen, peer);

            var flow = others.SelectMany(w => Enumerable.Repeat(w, 9)).Concat(watched).OrderBy(_ => Random.Shared.Next()).ToList();
            var cpuBefore = (Flux: CpuSeconds(flux.Id), Peer: CpuSeconds(peer.Id));
            using var sampling = new CancellationTokenSource();
            var connections = SampleConnectionsAsync([flux.Id, idle.Id, peer.Id], port, sampling.Token);
            var clock = Stopwatch.StartNew();
            var sent = await PayAsync(ledger, flow, perLedger, ledgerEvery);
            var expected = sent.Where(p => p.Value.To is { } to && watched.Contains(to)).ToDictionary();
            var incomplete = await SeenAsync(expected.Keys, fluxSeen, peer);
            var flowSeconds = clock.Elapsed.TotalSeconds;
            var cpu = (Flux: CpuSeconds(flux.Id) - cpuBefore.Flux, Peer: CpuSeconds(peer.Id) - cpuBefore.Peer);
            await sampling.CancelAsync();
            var most = await connections;

            var fluxMemory = flux.ResidentBytes();
            var gcHeaps = (Flux: await AppMemory.ForceFullGcAsync(flux.Id), Idle: await AppMemory.ForceFullGcAsync(idle.Id));
            var watching = flux.ResidentBytes() - idle.ResidentBytes();
            var (fluxParts, idleParts) = (MemorySample.ResidentOf(flux.Id), MemorySample.ResidentOf(idle.Id));
            var peerMemory = await peer.ResidentAfterGcAsync();
            var peerBaseline = await peer.Baseline;

            var fluxSightings = await fluxSeen.ReadAsync();
            var fluxLatency = Latencies(expected, id => fluxSightings.TryGetValue(id, out var at) ? [at] : []);
            var peerLatency = Latencies(expected, id => peer.Seen.TryGetValue(id, out var at) ? at.ToList() : []);
            var setting = $"{walletCount:N0} wallets, {flow.Count:N0} payments in {flowSeconds:N0} s, {perLedger} a ledger every {ledgerEvery.TotalMilliseconds:N0} ms";
            return
            [
                Figure.Info("P6 peer: connections to Horizon (most at once)", most[peer.Id], "conns",
                    $"{setting}; all its streams open {streamsOpen.TotalSeconds:N1} s after its start (the apps' start-up included)"),
                Figure.Info("P6 Flux: connections to Horizon (most at once)", most[flux.Id], "conns", $"its twin without wallets: {most[idle.Id]}"),
                Figure.AtLeast("P6 connections, peer ÷ Flux", most[peer.Id] / (double)Math.Max(1, most[flux.Id]), "×", 100),
                Figure.Info("P6 peer: memory (node RSS after GC)", Mb(peerMemory), "MB", $"{Mb(peerBaseline):N0} MB before it opened its streams"),
                Figure.Info("P6 Flux: memory watching costs", Mb(watching), "MB",
                    $"RSS after GC {Mb(flux.ResidentBytes()):N0} MB against {Mb(idle.ResidentBytes()):N0} MB without wallets; {Mb(fluxMemory):N0} MB before the GC; " +
                    $"of the difference {Mb(fluxParts.Anonymous - idleParts.Anonymous):N1} MB anonymous ({Mb(fluxParts.Anonymous):N0} against {Mb(idleParts.Anonymous):N0} MB; " +
                    $"GC heap {Mb(gcHeaps.Flux):N1} against {Mb(gcHeaps.Idle):N1} MB; threads {Threads(flux.Id)} against {Threads(idle.Id)}), " +
                    $"{Mb(fluxParts.File - idleParts.File):N1} MB file-backed (mapped code), {Mb(fluxParts.Shared - idleParts.Shared):N1} MB shared"),
                Figure.AtLeast("P6 memory, peer ÷ Flux", peerMemory / (double)Math.Max(1, watching), "×", 10),
                Figure.Info("P6 peer: CPU during the flow", cpu.Peer, "CPU-s"),
                Figure.Info("P6 Flux: CPU during the flow", cpu.Flux, "CPU-s"),
                Figure.Info("P6 peer: payments seen", peerLatency.Seen, "payments",
                    $"of {expected.Count:N0}; {peerLatency.Twice} seen twice; {PeerErrors(peer)}"),
                Figure.AtLeast("P6 Flux: payments seen", fluxLatency.Seen, "payments", expected.Count, incomplete),
                Figure.AtMost("P6 Flux: payments seen twice", fluxLatency.Twice, "payments", 0),
                Figure.Info("P6 peer: seen latency p50", Percentiles.Of(peerLatency.Ms, 50), "ms", $"p99 {Percentiles.Of(peerLatency.Ms, 99):N1} ms"),
                Figure.Info("P6 Flux: seen latency p50", Percentiles.Of(fluxLatency.Ms, 50), "ms", $"p99 {Percentiles.Of(fluxLatency.Ms, 99):N1} ms"),
                Figure.AtMost("P6 seen latency p99, Flux ÷ peer", Percentiles.Of(fluxLatency.Ms, 99) / Percentiles.Of(peerLatency.Ms, 99), "×", 1),
            ];
        }
        finally
        {
            try { Directory.Delete(run, recursive: true); }
            catch (IOException) { /* an app may still be closing its files */ }
        }
    }

    /// <summary>Merchants with <see cref="WalletsPerMerchant"/> wallets each, registered in Flux's data folder (watched from its start).</summary>
    private static async Task RegisterAsync(string folder, Dictionary<string, string> settings, IReadOnlyList<string> wallets)
    {
        await using var flux = new InProcessFlux(settings.ToDictionary(s => s.Key, s => (string?)s.Value), folder);
        foreach (var chunk in wallets.Chunk(WalletsPerMerchant))
            await flux.NewMerchantAsync(credits: 100, chunk);
    }

    /// <summary>Pays 1 test Pi to each address from the sandbox's test wallet, <paramref name="perLedger"/> to a ledger.</summary>
    /// <returns>Each payment's id, its destination and the time (epoch ms) just before its ledger closed.</returns>
    private static async Task<Dictionary<string, (string? To, double SentAt)>> PayAsync(SandboxLedger ledger, IReadOnlyList<string> destinations,
        int perLedger, TimeSpan ledgerEvery)
    {
        var sent = new Dictionary<string, (string? To, double SentAt)>();
        var next = Stopwatch.GetTimestamp();
        foreach (var chunk in destinations.Chunk(perLedger))
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait);
            next += (long)(ledgerEvery.TotalSeconds * Stopwatch.Frequency);
            var sentAt = EpochMs(DateTimeOffset.UtcNow);
            var closed = await ledger.SimulatePaymentsAsync(chunk.Select(to => new SimulatedPayment(SandboxTestWallet.Address, to, 1m, "p6")).ToList());
            if (!closed.Succeeded)
                throw new InvalidOperationException($"The sandbox refused a ledger: {closed.Error}");
            foreach (var (_, payment) in closed.Closed)
                sent[payment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = (payment.To, sentAt);
        }
        return sent;
    }

    /// <summary>
    /// Waits until the peer holds a stream to Horizon for every wallet: its streams start from 'now', so a payment made
    /// before a wallet's stream is open is one it never sees (node opens a thousand of them in some seconds).
    /// </summary>
    /// <returns>How long after the peer's start its streams were all open.</returns>
    private static async Task<TimeSpan> StreamsOpenAsync(PeerProcess peer, int wallets, int port)
    {
        var started = Process.GetProcessById(peer.Id).StartTime.ToUniversalTime();
        var deadline = Stopwatch.StartNew();
        while (HorizonConnections.Count(peer.Id, port) < wallets)
        {
            if (deadline.Elapsed > SeenWithin)
                throw new InvalidOperationException(
                    $"The peer opened {HorizonConnections.Count(peer.Id, port)} of {wallets} streams in {SeenWithin.TotalSeconds:N0} s; {PeerErrors(peer)}");
            await Task.Delay(100);
        }
        return DateTime.UtcNow - started;
    }

    private static string PeerErrors(PeerProcess peer) =>
        $"{peer.Errors.Values.Sum()} peer stream errors" +
        (peer.Errors.Count == 0 ? "" : $" ({string.Join("; ", peer.Errors.Take(3).Select(e => $"{e.Value} × {e.Key}"))})");

    /// <summary>
    /// Pays each watched wallet until Flux and the peer have both seen a payment to it, in rounds: a peer stream whose
    /// connection is open may not have been served yet on a busy machine, and its 'now' is only fixed when it is, so a
    /// payment before then is one it never sees (a full run on a loaded machine found 587 of 1,000 so).
    /// </summary>
    private static async Task WarmUpAsync(SandboxLedger ledger, IReadOnlyList<string> watched, int perLedger, TimeSpan ledgerEvery,
        FluxSightings flux, PeerProcess peer)
    {
        var deadline = Stopwatch.StartNew();
        var pending = watched;
        for (var round = 1; pending.Count > 0; round++)
        {
            if (deadline.Elapsed > SeenWithin)
                throw new InvalidOperationException(
                    $"Not listening after {round - 1} warm-up rounds in {SeenWithin.TotalSeconds:N0} s: {pending.Count} wallets unseen; {PeerErrors(peer)}");
            var paid = await PayAsync(ledger, pending, perLedger, ledgerEvery);
            var roundEnds = Stopwatch.StartNew();
            List<string> unseen;
            do
            {
                await Task.Delay(500);
                var fluxSeen = await flux.ReadAsync();
                unseen = paid.Where(p => !fluxSeen.ContainsKey(p.Key) || !peer.Seen.ContainsKey(p.Key)).Select(p => p.Value.To!).Distinct().ToList();
            }
            while (unseen.Count > 0 && roundEnds.Elapsed < TimeSpan.FromSeconds(15));
            if (unseen.Count > 0)
                Console.WriteLine($"  warm-up round {round}: {unseen.Count} of {pending.Count} wallets not seen yet, paid again");
            pending = unseen;
        }
    }

    /// <returns>Null when Flux and the peer have both seen every payment within <see cref="SeenWithin"/>; else what is missing.</returns>
    private static async Task<string?> SeenAsync(IEnumerable<string> payments, FluxSightings flux, PeerProcess peer)
    {
        var ids = payments.ToList();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var fluxSeen = await flux.ReadAsync();
            var fluxMissing = ids.Count(id => !fluxSeen.ContainsKey(id));
            var peerMissing = ids.Count(id => !peer.Seen.ContainsKey(id));
            if (fluxMissing == 0 && peerMissing == 0)
                return null;
            if (deadline.Elapsed > SeenWithin)
                return $"after {SeenWithin.TotalSeconds:N0} s Flux missed {fluxMissing}, the peer {peerMissing} of {ids.Count}";
            await Task.Delay(200);
        }
    }

    private static (List<double> Ms, int Seen, int Twice) Latencies(Dictionary<string, (string? To, double SentAt)> expected,
        Func<string, IReadOnlyList<double>> sightings)
    {
        var ms = new List<double>();
        var twice = 0;
        foreach (var (id, (_, sentAt)) in expected)
        {
            var seen = sightings(id);
            if (seen.Count > 0)
                ms.Add(seen.Min() - sentAt);
            if (seen.Count > 1)
                twice++;
        }
        return (ms.Count > 0 ? ms : [double.NaN], ms.Count, twice);
    }

    /// <summary>The most connections each process held to the port at once, sampled every 250 ms until cancelled.</summary>
    private static async Task<Dictionary<int, int>> SampleConnectionsAsync(IReadOnlyList<int> pids, int port, CancellationToken stop)
    {
        var most = pids.ToDictionary(pid => pid, _ => 0);
        while (!stop.IsCancellationRequested)
        {
            foreach (var pid in pids)
                most[pid] = Math.Max(most[pid], HorizonConnections.Count(pid, port));
            try { await Task.Delay(250, stop); }
            catch (OperationCanceledException) { /* sampling is over */ }
        }
        return most;
    }

    private static double CpuSeconds(int pid) => Process.GetProcessById(pid).TotalProcessorTime.TotalSeconds;

    private static int Threads(int pid) => Process.GetProcessById(pid).Threads.Count;

    private static double EpochMs(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).TotalMilliseconds;

    private static double Mb(long bytes) => bytes / 1048576.0;

    /// <summary>The payments Flux's watcher has handed to its sink, read from its database: operation id → when (epoch ms).</summary>
    private sealed class FluxSightings(string database)
    {
        private readonly DbContextOptions<FluxDbContext> options =
            new DbContextOptionsBuilder<FluxDbContext>().UseSqlite($"Data Source={database};Mode=ReadOnly").Options;

        public async Task<Dictionary<string, double>> ReadAsync()
        {
            await using var db = new FluxDbContext(options);
            var rows = await db.Set<ChainPayment>().AsNoTracking().Where(p => p.Network == ChainNetworkNames.Sandbox)
                .Select(p => new { p.OperationId, p.RecordedAt }).ToListAsync();
            return rows.ToDictionary(r => r.OperationId, r => EpochMs(r.RecordedAt));
        }
    }
}
