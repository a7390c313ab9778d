using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Horizon;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flux.Bench;

/// <summary>
/// P1a: Horizon's payment stream, as the watcher reads it — SSE framing, the watched-wallet peek, the record reader,
/// and the intake filter (native-payment rules + the watched-wallet set of the hosted app) — for payments to wallets
/// nobody watches.
/// BenchmarkDotNet runs it in-process (the emit toolchain), so the hosted app's services can be used as they are.
/// </summary>
public static class IngestBenchmark
{
    public static Task<IReadOnlyList<Figure>> RunAsync(BenchSize size) =>
        size == BenchSize.Full ? Task.FromResult(Measure()) : SmokeAsync();

    private static IReadOnlyList<Figure> Measure()
    {
        var job = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig.CreateEmpty().AddJob(job).AddLogger(ConsoleLogger.Default).AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "flux-bench-artifacts"));
        var summary = BenchmarkRunner.Run<IngestStream>(config);
        return summary.Reports.Select(r => Figure(r.BenchmarkCase.Descriptor.WorkloadMethod.Name, 1e9 / r.ResultStatistics!.Mean,
            $"{r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) / 1024.0:N1} KB allocated a record")).ToList();
    }

    /// <summary>
    /// The smoke size: the same setup and one pass over the stream, timed with a Stopwatch; BenchmarkDotNet's machinery
    /// (its environment probes, its engine, its validators of the build) is more than a check that the path runs needs.
    /// </summary>
    private static async Task<IReadOnlyList<Figure>> SmokeAsync()
    {
        var stream = new IngestStream();
        stream.Setup();
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await stream.StreamToIntake();
            return [Figure(nameof(IngestStream.StreamToIntake), IngestStream.Records / clock.Elapsed.TotalSeconds, "one pass after one warm-up pass, no BenchmarkDotNet")];
        }
        finally
        {
            stream.Cleanup();
        }
    }

    private static Figure Figure(string method, double recordsPerSecond, string note) =>
        Flux.Bench.Figure.AtLeast($"P1a ingest, unwatched ({method})", recordsPerSecond, "records/s", 100_000,
            $"{IngestStream.Records:N0} records a run, {IngestStream.WatchedCount:N0} wallets watched, {note}");
}

public class IngestStream
{
    public const int Records = 20_000;
    public const int WatchedCount = 1_000;
    private const string Network = ChainNetworkNames.PiMainnet;

    private InProcessFlux app = null!;
    private PaymentIntake intake = null!;
    private WatchedWallets watched = null!;
    private HorizonClient horizon = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The whole path: bytes of an event stream → records → intake, which drops every one of them.</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    public async Task<int> StreamToIntake()
    {
        var (seen, taken) = await ReadAllAsync();
        return seen + taken;
    }

    private async Task<(int Seen, int Taken)> ReadAllAsync()
    {
        var seen = 0;
        var taken = 0;
        await foreach (var (_, record) in horizon.FollowPaymentsAsync(null, "now", wallet => watched.IsWatched(Network, wallet)))
        {
            if (record is not null && await intake.TakeAsync(Network, horizon, [record], CancellationToken.None) > 0)
                taken++;
            if (++seen == Records)
                break;
        }
        return (seen, taken);
    }

    private async Task SetupAsync()
    {
        app = new InProcessFlux(new Dictionary<string, string?> { ["Flux:Chain:StreamPayments"] = "false" });
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync())
        {
            for (var i = 0; i < WatchedCount; i++)
                db.Add(new WatchedWallet { Network = Network, Address = InProcessFlux.RandomAddress(), WatchedSince = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        watched = app.Services.GetRequiredService<WatchedWallets>();
        await watched.LoadAsync(CancellationToken.None);
        intake = app.Services.GetRequiredService<PaymentIntake>();

        var body = EventStream();
        var handler = new RecordedStreamHandler(body);
        var baseUri = new Uri("http://horizon.recorded/");
        horizon = new HorizonClient(new HttpClient(handler) { BaseAddress = baseUri }, new HttpClient(handler) { BaseAddress = baseUri },
            NullLogger<HorizonClient>.Instance, TimeProvider.System);

        var (seen, taken) = await ReadAllAsync();
        if (seen != Records || taken != 0)
            throw new InvalidOperationException($"Expected {Records} records and none taken; saw {seen}, took {taken}.");
    }

    /// <summary>
    /// Horizon's SSE framing around recorded-shape records: the shared fixture's payment made native, with the fixture
    /// transaction joined (as <c>join=transactions</c> sends it), each to one of 1,000 wallets that nobody watches.
    /// </summary>
    private static byte[] EventStream()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var payment = JsonNode.Parse(File.ReadAllText(Path.Combine(fixtures, "operations_payment.json")))!.AsObject();
        var transaction = JsonNode.Parse(File.ReadAllText(Path.Combine(fixtures, "transaction.json")))!.AsObject();
        payment["asset_type"] = "native";
        payment.Remove("asset_code");
        payment.Remove("asset_issuer");
        payment["transaction"] = transaction;
        var destinations = Enumerable.Range(0, 1_000).Select(_ => InProcessFlux.RandomAddress()).ToArray();

        var text = new StringBuilder("retry: 1000\nevent: open\ndata: \"hello\"\n\n");
        var id = 225257527003537409L;
        for (var i = 0; i < Records; i++, id++)
        {
            var token = id.ToString(CultureInfo.InvariantCulture);
            payment["id"] = token;
            payment["paging_token"] = token;
            payment["to"] = destinations[i % destinations.Length];
            payment["amount"] = (1 + i % 500 / 7m).ToString("0.0000000", CultureInfo.InvariantCulture);
            transaction["memo"] = $"ord_{i:x12}";
            text.Append("id: ").Append(token).Append("\ndata: ").Append(payment.ToJsonString()).Append("\n\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Answers every request with the recorded event stream, from memory.</summary>
    private sealed class RecordedStreamHandler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("text/event-stream");
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content });
        }
    }
}
