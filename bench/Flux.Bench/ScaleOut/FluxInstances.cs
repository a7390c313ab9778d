using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Tests.Support;

namespace Flux.Bench.ScaleOut;

/// <summary>
/// Several Flux processes (the built app, Production) on one PostgreSQL database of the run's cluster and one Redis server
/// of their own, as docs/scale-out.md deploys them: each with its own port, data folder and home folder, so what they
/// share they share through PostgreSQL and Redis alone. One test-mode merchant with a watched wallet and credits, prepared
/// in the database before they start, sells through all of them; rate limits never throttle
/// (<see cref="InProcessFlux.Unthrottled"/>).
/// </summary>
public sealed class FluxInstances : IAsyncDisposable
{
    /// <summary>The sandbox watcher's lease, which <c>/healthz</c> lists on the instance that holds it.</summary>
    public static readonly string WatcherLease = PaymentWatcher.LeaseName(ChainNetworkNames.Sandbox);

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    private readonly string folder;
    private readonly BenchRedis redis;
    private readonly List<FluxProcess> processes = [];
    private bool keepLogs;

    private FluxInstances(string folder, BenchRedis redis, BenchMerchant merchant) =>
        (this.folder, this.redis, Merchant) = (folder, redis, merchant);

    public BenchMerchant Merchant { get; }

    public FluxProcess this[int index] => processes[index];

    /// <param name="database">PostgreSQL: a fresh database of its cluster for these instances.</param>
    public static async Task<FluxInstances> StartAsync(int count, BenchDatabase database, int credits)
    {
        if (!database.IsPostgres)
            throw new InvalidOperationException("Flux instances share a PostgreSQL database: run with --database postgres.");
        var folder = Path.Combine(Path.GetTempPath(), "flux-bench", $"instances-{Guid.NewGuid():N}");
        var settings = await database.SettingsForNewInstanceAsync();
        BenchMerchant merchant;
        await using (var seed = new InProcessFlux(settings, Path.Combine(folder, "seed")))
            merchant = await seed.NewMerchantAsync(credits);

        var instances = new FluxInstances(folder, await BenchRedis.StartAsync(), merchant);
        try
        {
            var shared = new Dictionary<string, string>(InProcessFlux.Unthrottled)
            {
                ["Flux:Redis:Configuration"] = instances.redis.Configuration,
            };
            foreach (var (key, value) in settings)
                shared[key] = value!;
            for (var i = 0; i < count; i++)
            {
                var home = Directory.CreateDirectory(Path.Combine(folder, $"instance-{i}")).FullName;
                instances.processes.Add(FluxProcess.Start(home, "Production", new Dictionary<string, string>(shared) { ["HOME"] = home },
                    Path.Combine(home, "flux-process.log")));
            }
            await Task.WhenAll(instances.processes.Select(p => p.WaitHealthyAsync(StartLimit)));
            return instances;
        }
        catch (Exception ex)
        {
            instances.keepLogs = true;
            await instances.DisposeAsync();
            throw new InvalidOperationException($"The instances did not all start; their logs are in {folder}.", ex);
        }
    }

    public int Count => processes.Count;

    /// <summary>An API client of instance <paramref name="index"/> with the merchant's secret test key.</summary>
    public HttpClient ApiClient(int index)
    {
        var client = new HttpClient { BaseAddress = processes[index].BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Merchant.SecretKey);
        return client;
    }

    /// <summary>A folder of these instances' own, deleted with them.</summary>
    public string Folder => folder;

    /// <summary>A sandbox order of <paramref name="amount"/> Pi through <paramref name="api"/>; its id.</summary>
    public static async Task<string> CreateOrderAsync(HttpClient api, decimal amount)
    {
        using var created = await api.PostAsJsonAsync("/v1/orders", new { amount });
        await ExpectAsync(created, "POST /v1/orders");
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("order_id").GetString()!;
    }

    /// <summary>The order's sandbox payment (its amount, wallet and memo) through <paramref name="api"/>.</summary>
    public static async Task PayAsync(HttpClient api, string orderId)
    {
        using var paid = await api.PostAsJsonAsync("/v1/sandbox/payments", new { order_id = orderId });
        await ExpectAsync(paid, "POST /v1/sandbox/payments");
    }

    private static async Task ExpectAsync(HttpResponseMessage response, string request)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{request} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Which of <paramref name="candidates"/> holds the sandbox watcher's lease, once exactly one does.</summary>
    public async Task<int> LeaseHolderAsync(IReadOnlyList<int> candidates, TimeSpan limit)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var holders = new List<int>();
            foreach (var index in candidates)
            {
                if (await HoldsWatcherLeaseAsync(index))
                    holders.Add(index);
            }
            if (holders.Count == 1)
                return holders[0];
            if (waited.Elapsed > limit)
                throw new TimeoutException($"No single holder of {WatcherLease} among instances {string.Join(", ", candidates)} within {limit.TotalSeconds:N0} s ({holders.Count} held it).");
            await Task.Delay(20);
        }
    }

    /// <summary>Where instance <paramref name="index"/> logs, for a failure's message.</summary>
    public string LogOf(int index) => Path.Combine(folder, $"instance-{index}", "flux-process.log");

    private async Task<bool> HoldsWatcherLeaseAsync(int index)
    {
        using var http = new HttpClient { BaseAddress = processes[index].BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var health = await http.GetFromJsonAsync<JsonElement>("/healthz");
        return health.GetProperty("leases").EnumerateArray().Any(l => l.GetString() == WatcherLease);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes)
            await process.DisposeAsync();
        await redis.DisposeAsync();
        if (keepLogs)
            return;
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* the OS cleans the temp folder */ }
    }
}
