using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Tests.Support;
using Xunit.Abstractions;

namespace Flux.Dashboard.Tests.Crash;

/// <summary>
/// Flux run as a crash would run it: the built app as its own process on one data folder, in Production (what merchants
/// run), streaming the orders and payments of <see cref="Flows"/> through its API <see cref="InFlight"/> at a time. After
/// a random number of flows have settled — so every kill lands mid-stream however fast the machine is — it is killed with
/// SIGKILL while requests are in flight, then started again on the same folder, where the flows cut off go on first.
/// After the last start every flow runs to its end, every answered post is sent once more (it must replay), and the
/// watcher and the outbox dispatcher get time to catch up before Flux is stopped and its database read.
/// </summary>
internal sealed class CrashRun
{
    private const int InFlight = 8;
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(250);

    private static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        // The check calls the API as fast as Flux answers; the test key's limit and the merchant's sandbox payments limit (25/s each) would answer 429.
        ["Flux:Api:RateLimits:TestKeyRequests"] = "1000000",
        ["Flux:Api:RateLimits:SandboxPaymentsPerMerchant"] = "1000000",
    };

    private readonly string dataFolder;
    private readonly CrashMerchant merchant;
    private readonly CrashCheckSize size;
    private readonly ITestOutputHelper output;
    private readonly Random random;
    private readonly ConcurrentBag<string> replayFaults = [];
    private int settledFlows;

    public CrashRun(string dataFolder, CrashMerchant merchant, CrashCheckSize size, ITestOutputHelper output)
    {
        this.dataFolder = dataFolder;
        this.merchant = merchant;
        this.size = size;
        this.output = output;
        random = new Random(size.Seed);
        // 1 to 10 Pi each: the sandbox test wallet's 1,000,000 test Pi pay for 100,000 orders.
        Flows = [.. Enumerable.Range(1, size.Orders).Select(n => new OrderFlow(n, random.Next(100, 1_000) / 100m))];
    }

    public IReadOnlyList<OrderFlow> Flows { get; }

    /// <summary>Posts that did not replay their first result when sent once more at the end.</summary>
    public IReadOnlyCollection<string> ReplayFaults => replayFaults;

    /// <summary>Flux's log across all its starts (each start and kill marked).</summary>
    public string LogFile => Path.Combine(dataFolder, "flux-process.log");

    /// <summary>Kills Flux after each stretch and restarts it; returns the database as the last, stopped Flux left it.</summary>
    public async Task<CrashState> RunAsync()
    {
        var stretches = Stretches();
        for (var kill = 1; kill <= stretches.Count; kill++)
        {
            await using var app = await StartAsync();
            using var client = ApiClient(app);
            var inFlight = await StreamAsync(client, app, killAfter: stretches[kill - 1]);
            output.WriteLine($"Kill {kill}: Flux up {app.SinceStart.Elapsed.TotalSeconds:N1} s, killed with {inFlight} flows in flight, {Volatile.Read(ref settledFlows)} settled in all");
        }

        await using (var app = await StartAsync())
        {
            using var client = ApiClient(app);
            await StreamAsync(client, app, killAfter: null);
            await Parallel.ForEachAsync(Flows.SelectMany(f => f.Posts), new ParallelOptions { MaxDegreeOfParallelism = InFlight },
                async (post, _) => { if (await post.CheckReplayAsync(client) is { } fault) replayFaults.Add(fault); });
            await SettleAsync();
            output.WriteLine($"Last start: {Volatile.Read(ref settledFlows)} of {Flows.Count} flows settled, Flux up {app.SinceStart.Elapsed.TotalSeconds:N1} s");
        }
        return await ReadStateAsync();
    }

    /// <summary>
    /// How many flows settle between one start and its kill: the orders cut at random points into one stretch per kill
    /// and a last one, each at least one flow long, so every kill comes while flows are streaming.
    /// </summary>
    private List<int> Stretches()
    {
        var cuts = Enumerable.Range(1, size.Orders - 1).OrderBy(_ => random.Next()).Take(size.Kills).Order().ToList();
        return [.. cuts.Select((cut, i) => cut - (i == 0 ? 0 : cuts[i - 1]))];
    }

    private async Task<FluxProcess> StartAsync()
    {
        var app = FluxProcess.Start(dataFolder, "Production", TestDatabaseEngine.With(dataFolder, Settings), LogFile);
        try
        {
            await app.WaitHealthyAsync(StartLimit);
            return app;
        }
        catch (Exception ex)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"Flux did not start on {dataFolder}; its log: {LogFile}", ex);
        }
    }

    private HttpClient ApiClient(FluxProcess app)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", merchant.SecretKey);
        return client;
    }

    /// <summary>
    /// Advances the unsettled flows (in number order, so those cut off by the last kill go first) until all are settled,
    /// or until <paramref name="killAfter"/> more have settled and Flux is killed; returns how many flows had a request in
    /// flight at the kill.
    /// </summary>
    private async Task<int> StreamAsync(HttpClient client, FluxProcess app, int? killAfter)
    {
        var queue = new ConcurrentQueue<OrderFlow>(Flows.Where(f => !f.IsSettled));
        using var killing = new CancellationTokenSource();
        var killPoint = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var settledHere = 0;
        var inFlight = 0;
        var workers = Task.WhenAll(Enumerable.Range(0, InFlight).Select(_ => Task.Run(async () =>
        {
            while (!killing.IsCancellationRequested && queue.TryDequeue(out var flow))
            {
                Interlocked.Increment(ref inFlight);
                var settled = await flow.AdvanceAsync(client);
                Interlocked.Decrement(ref inFlight);
                if (!settled)
                    continue;
                Interlocked.Increment(ref settledFlows);
                if (Interlocked.Increment(ref settledHere) >= killAfter)
                    killPoint.TrySetResult();
            }
        })));
        if (killAfter is null)
        {
            await workers;
            return 0;
        }

        await Task.WhenAny(killPoint.Task, workers);
        var cutOff = Volatile.Read(ref inFlight);
        // Once the kill is decided no new flow starts: those not yet started wait for the restart instead of each failing
        // against a dead port.
        await killing.CancelAsync();
        await app.KillAsync();
        await workers;
        return cutOff;
    }

    /// <summary>Gives the watcher and the dispatcher time to catch up with the requests, up to a limit.</summary>
    private async Task SettleAsync()
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < SettleLimit && !CrashInvariants.CaughtUp(await ReadStateAsync()))
            await Task.Delay(SettlePoll);
    }

    private Task<CrashState> ReadStateAsync() => CrashState.ReadAsync(dataFolder, merchant.MerchantId, SandboxTestWallet.Address);
}
