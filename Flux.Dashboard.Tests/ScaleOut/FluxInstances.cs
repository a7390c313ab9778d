using System.Net;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Data;
using Flux.Dashboard.Tests.Api;
using System.Net.Http.Headers;
using Flux.Dashboard.Tests.Crash;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.ScaleOut;

/// <summary>
/// Several Flux processes on one PostgreSQL database (the first data folder's) and one Redis server, each with its own
/// port, data folder and home folder: ASP.NET's default key folder is in the home folder, so what they share they
/// share through the database and Redis alone, as on machines of their own. One merchant (<see cref="CrashMerchant"/>)
/// sells through all of them. A failed test keeps the folders and their logs (<c>flux-process.log</c>).
/// </summary>
internal sealed class FluxInstances : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly string[] folders;
    private readonly FluxProcess[] processes;

    private FluxInstances(string[] folders, FluxProcess[] processes, CrashMerchant merchant) =>
        (this.folders, this.processes, Merchant) = (folders, processes, merchant);

    public CrashMerchant Merchant { get; }

    public FluxProcess this[int index] => processes[index];

    /// <summary>Set by a test that passed: the folders are deleted with the processes.</summary>
    public bool Passed { get; set; }

    /// <param name="overrides">Settings of every instance beside the database's and Redis's (by default no rate limit to speak of).</param>
    /// <param name="refill">Sandbox credits the merchant gets on top of the 100 a test ledger starts with.</param>
    /// <param name="environment">
    /// Production, as an operator runs Flux; a browser test needs Development, where the built app serves the dashboard's
    /// scripts and styles from the build output (a published Flux serves them in Production).
    /// </param>
    public static async Task<FluxInstances> StartAsync(int count, string redis, IReadOnlyDictionary<string, string>? overrides = null, int refill = 20,
        string environment = "Production")
    {
        var folders = Enumerable.Range(0, count).Select(_ => NewFolder()).ToArray();
        var merchant = await CrashMerchant.CreateAsync(folders[0], orders: refill);
        var processes = new List<FluxProcess>();
        try
        {
            foreach (var folder in folders)
            {
                var settings = new Dictionary<string, string>
                {
                    ["Flux:Redis:Configuration"] = redis,
                    ["Flux:Api:RateLimits:TestKeyRequests"] = "1000000",
                    ["Flux:Api:RateLimits:SandboxPaymentsPerMerchant"] = "1000000",
                    ["HOME"] = folder,
                };
                foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
                    settings[key] = value;
                var process = FluxProcess.Start(folder, environment, TestDatabaseEngine.With(folders[0], settings), Path.Combine(folder, "flux-process.log"));
                processes.Add(process);
                await process.WaitHealthyAsync(StartLimit);
            }
            return new FluxInstances(folders, [.. processes], merchant);
        }
        catch
        {
            foreach (var process in processes)
                await process.DisposeAsync();
            TestDatabaseEngine.DropFor(folders[0]);
            throw;
        }
    }

    /// <summary>An API client of instance <paramref name="index"/> with the merchant's secret test key.</summary>
    public HttpClient ApiClient(int index)
    {
        var client = new HttpClient { BaseAddress = processes[index].BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Merchant.SecretKey);
        return client;
    }

    /// <summary>A sandbox order of the merchant (amount n + 1.5 Pi) through <paramref name="client"/>; its id.</summary>
    public static async Task<string> CreateOrderAsync(HttpClient client, int n)
    {
        using var response = await client.PostJsonAsync("/v1/orders",
            $$"""{"amount": {{1 + n}}.5, "description": "scale-out {{n}}", "merchant_wallet": "{{SandboxTestWallet.Address}}"}""");
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /v1/orders answered {(int)response.StatusCode}: {body}");
        return body.GetProperty("order_id").GetString()!;
    }

    /// <summary>The order's sandbox payment through <paramref name="client"/>.</summary>
    public static async Task PayAsync(HttpClient client, string orderId)
    {
        using var response = await client.PostJsonAsync("/v1/sandbox/payments", $$"""{"order_id": "{{orderId}}"}""");
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"POST /v1/sandbox/payments answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>What the database holds of the merchant's orders, credits and events now.</summary>
    public Task<CrashState> StateAsync() => CrashState.ReadAsync(folders[0], Merchant.MerchantId, SandboxTestWallet.Address);

    /// <summary>A context of the test's own on the instances' database, to read what they wrote.</summary>
    public FluxDbContext OpenDatabase() => TestDatabaseEngine.ContextFor(folders[0]);

    /// <summary>Where instance <paramref name="index"/> logs, for a failure's message.</summary>
    public string LogOf(int index) => Path.Combine(folders[index], "flux-process.log");

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes)
            await process.DisposeAsync();
        TestDatabaseEngine.DropFor(folders[0]);
        if (!Passed)
            return;
        foreach (var folder in folders)
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* the OS cleans the temp folder */ }
        }
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "flux-scale-out", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
