using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Webhooks;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Crash;
using Flux.Dashboard.Tests.Support;
using Flux.Dashboard.Tests.Webhooks;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Flux.Dashboard.Tests.MultiProcess;

/// <summary>
/// Issue #23's "safe if two processes point at one database": two Flux processes, each with its own port and data folder
/// (its mails) but one PostgreSQL database, both running their outbox dispatcher and Hangfire server, one of them the
/// payment watcher (the lease's holder). Orders and sandbox payments alternate between their APIs, some payments sent to
/// both at once under one <c>Idempotency-Key</c>; the catch-up job, on either process, may see a payment again. Nothing
/// may be confirmed, spent or delivered twice, nothing
/// lost, and neither process may log an error or answer one.
/// </summary>
[Collection(CrashCheckCollection.Name)]
[Trait(TestDatabaseEngine.Trait, TestDatabaseEngine.PostgresOnly)]
public sealed class TwoProcessesTests(ITestOutputHelper output) : IDisposable
{
    private const int Orders = 100;
    private const int InFlight = 8;

    /// <summary>Every tenth payment goes to both processes at once, under one key: one of them pays, the other replays.</summary>
    private const int RacedEvery = 10;

    /// <summary>
    /// On top of the 100 sandbox credits a test ledger starts with: the orders take the balance from 110 to 10, across the
    /// low-balance threshold (20) once, so exactly one low-credit mail is due.
    /// </summary>
    private const int Refill = 10;

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(60);

    private static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Flux:Api:RateLimits:TestKeyRequests"] = "1000000",
        ["Flux:Api:RateLimits:SandboxPaymentsPerMerchant"] = "1000000",
        // The receiver listens on 127.0.0.1.
        ["Flux:Webhooks:AllowLoopback"] = "true",
    };

    private readonly string first = NewFolder();
    private readonly string second = NewFolder();
    private bool passed;

    [Fact]
    public async Task Two_processes_on_one_database_confirm_spend_and_deliver_each_order_exactly_once()
    {
        // The database is the first folder's; each process keeps its log and mails in its own folder.
        var merchant = await CrashMerchant.CreateAsync(first, Refill);
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var one = await StartAsync(first);
        using var clientOne = ApiClient(one, merchant);
        using (var endpoint = await clientOne.PostJsonAsync("/v1/webhook_endpoints",
                   JsonSerializer.Serialize(new { url = receiver.Url, enabled_events = new[] { OrderConfirmed.Type, CreditUsed.Type } })))
            Assert.Equal(HttpStatusCode.Created, endpoint.StatusCode);
        // The first order registers the sandbox test wallet; the second process, started after, watches it from the start.
        var orderIds = new string[Orders];
        orderIds[0] = await CreateOrderAsync(clientOne, 0);
        await using var two = await StartAsync(second);
        using var clientTwo = ApiClient(two, merchant);
        HttpClient[] clients = [clientOne, clientTwo];
        var run = Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(1, Orders - 1), new ParallelOptions { MaxDegreeOfParallelism = InFlight },
            async (n, _) => orderIds[n] = await CreateOrderAsync(clients[n % 2], n));
        await Parallel.ForEachAsync(Enumerable.Range(0, Orders), new ParallelOptions { MaxDegreeOfParallelism = InFlight },
            async (n, _) =>
            {
                if (n % RacedEvery == 0)
                    await Task.WhenAll(clients.Select(client => PayAsync(client, orderIds[n], $"pay-{n}")));
                else
                    await PayAsync(clients[(n + 1) % 2], orderIds[n], $"pay-{n}");
            });
        output.WriteLine($"{Orders} orders made and paid through two processes in {run.Elapsed.TotalSeconds:N1} s");

        var settled = await SettleAsync(merchant, receiver);
        output.WriteLine($"Settled: {settled}, {run.Elapsed.TotalSeconds:N1} s after the first order");
        // Late doubles (a second dispatcher, a second job) would come after everything was due once.
        await Task.Delay(TimeSpan.FromSeconds(3));

        List<string> faults = [.. await FaultsAsync(merchant, receiver, orderIds), .. Errors(one, first), .. Errors(two, second)];
        foreach (var warning in Logged(one, first, ["warn:"]).Concat(Logged(two, second, ["warn:"])))
            output.WriteLine($"Not a fault: {warning}");
        Assert.True(faults.Count == 0,
            $"""
            {faults.Count} faults with two Flux processes on one database ({Orders} orders). Logs: {LogOf(first)}, {LogOf(second)}
            {string.Join("\n", faults.Take(50).Select(f => $"- {f}"))}
            """);
        passed = true;
    }

    public void Dispose()
    {
        TestDatabaseEngine.DropFor(first);
        // A failure keeps both folders: the processes' logs and mails.
        if (!passed)
            return;
        foreach (var folder in new[] { first, second })
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* the OS cleans the temp folder */ }
        }
    }

    private async Task<FluxProcess> StartAsync(string dataFolder)
    {
        var app = FluxProcess.Start(dataFolder, "Production", TestDatabaseEngine.With(first, Settings), LogOf(dataFolder));
        try
        {
            await app.WaitHealthyAsync(StartLimit);
            return app;
        }
        catch (Exception ex)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"Flux did not start; its log: {LogOf(dataFolder)}", ex);
        }
    }

    private static HttpClient ApiClient(FluxProcess app, CrashMerchant merchant)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", merchant.SecretKey);
        return client;
    }

    private static async Task<string> CreateOrderAsync(HttpClient client, int n)
    {
        using var response = await client.PostJsonAsync("/v1/orders",
            $$"""{"amount": {{1 + n % 9}}.5, "description": "order-{{n}}", "merchant_wallet": "{{SandboxTestWallet.Address}}"}""");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /v1/orders (order-{n}) to {client.BaseAddress} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("order_id").GetString()!;
    }

    /// <summary>Pays under an <c>Idempotency-Key</c>; a 409 (the same key running on the other process) is asked again.</summary>
    private static async Task PayAsync(HttpClient client, string orderId, string key)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/sandbox/payments")
            {
                Content = new StringContent($$"""{"order_id": "{{orderId}}"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Conflict && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
                continue;
            }
            Assert.True(response.StatusCode == HttpStatusCode.Created,
                $"POST /v1/sandbox/payments ({key}, {orderId}) to {client.BaseAddress} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return;
        }
    }

    /// <summary>Waits until every order is confirmed, every event dispatched and every delivery answered, up to a limit.</summary>
    private async Task<string> SettleAsync(CrashMerchant merchant, WebhookReceiver receiver)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < SettleLimit)
        {
            var state = await CrashState.ReadAsync(first, merchant.MerchantId, SandboxTestWallet.Address);
            if (CrashInvariants.CaughtUp(state) && state.Orders.All(o => o.Status == OrderStatus.Confirmed)
                && receiver.Received.Count >= 2 * Orders)
                return $"caught up after {waited.Elapsed.TotalSeconds:N1} s";
            await Task.Delay(250);
        }
        return $"not caught up within {SettleLimit.TotalSeconds:N0} s";
    }

    private async Task<List<string>> FaultsAsync(CrashMerchant merchant, WebhookReceiver receiver, IReadOnlyList<string> orderIds)
    {
        var state = await CrashState.ReadAsync(first, merchant.MerchantId, SandboxTestWallet.Address);
        // Confirmed once per paid order, one -1 line each, every sandbox payment recorded once, no undispatched event.
        List<string> faults = [.. CrashInvariants.Broken(state, [])];

        var paidPerOrder = state.SandboxPayments.CountBy(p => p.Memo ?? "").ToDictionary();
        faults.AddRange(orderIds.Where(id => paidPerOrder.GetValueOrDefault(id) != 1)
            .Select(id => $"Order {id} was paid {paidPerOrder.GetValueOrDefault(id)} times in the sandbox; one key, one payment."));
        faults.AddRange(state.Orders.Where(o => o.Status != OrderStatus.Confirmed).Select(o => $"Order {o.Id} ({o.Description}) is {o.Status.ApiName()}."));
        var balance = state.CreditLines.LastOrDefault()?.BalanceAfter;
        if (balance != CreditBook.SandboxStartingCredits + Refill - Orders)
            faults.Add($"Credits: balance {balance}, expected {CreditBook.SandboxStartingCredits} + {Refill} − {Orders} orders.");

        await using var db = TestDatabaseEngine.ContextFor(first);
        var events = await db.Set<OutboxEvent>().AsNoTracking()
            .Where(e => e.MerchantId == merchant.MerchantId && (e.Type == OrderConfirmed.Type || e.Type == CreditUsed.Type)).ToListAsync();
        var creditUsed = events.Where(e => e.Type == CreditUsed.Type).CountBy(e => EventNotification.Of(e).OrderId ?? "").ToDictionary();
        faults.AddRange(orderIds.Where(id => creditUsed.GetValueOrDefault(id) != 1)
            .Select(id => $"Order {id} has {creditUsed.GetValueOrDefault(id)} credit.used events."));

        var deliveries = await db.Set<WebhookDelivery>().AsNoTracking().ToListAsync();
        var deliveredPerEvent = deliveries.CountBy(d => (d.EndpointId, d.EventId)).ToDictionary();
        faults.AddRange(events.Where(e => deliveries.All(d => d.EventId != e.Id)).Select(e => $"Event {e.Id} ({e.Type}) has no webhook delivery."));
        faults.AddRange(deliveredPerEvent.Where(d => d.Value > 1).Select(d => $"Event {d.Key.EventId} has {d.Value} deliveries to {d.Key.EndpointId}."));
        faults.AddRange(deliveries.Where(d => d.State != WebhookDeliveryState.Succeeded)
            .Select(d => $"Delivery {d.Id} of {d.EventId} is {d.State} after {d.Attempts} attempts."));

        var received = receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetString()!).CountBy(id => id).ToDictionary();
        faults.AddRange(events.Where(e => received.GetValueOrDefault(e.Id) != 1)
            .Select(e => $"The receiver got event {e.Id} ({e.Type}) {received.GetValueOrDefault(e.Id)} times."));
        faults.AddRange(received.Keys.Where(id => events.All(e => e.Id != id)).Select(id => $"The receiver got event {id}, which is not in the outbox."));

        var lowCreditMails = new[] { first, second }.Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.eml", SearchOption.AllDirectories))
            .Count(mail => File.ReadAllText(mail).Contains("credits are running low", StringComparison.Ordinal));
        if (lowCreditMails != 1)
            faults.Add($"Low-credit mails: {lowCreditMails} for one crossing of the threshold.");
        return faults;
    }

    /// <summary>
    /// What a process logged at error level or worse ("fail:", "crit:" from the console logger), counted by category and
    /// exception. Left out by design: one of two requests racing under one <c>Idempotency-Key</c> on two processes loses on
    /// the record's primary key, and EF logs the failed insert before the request replays the winner's answer.
    /// </summary>
    private static List<string> Errors(FluxProcess app, string dataFolder) =>
        Logged(app, dataFolder, ["fail:", "crit:"], designed: entry => entry.Any(line => line.Contains("PK_IdempotencyRecords", StringComparison.Ordinal)
            || line.StartsWith("INSERT INTO \"IdempotencyRecords\"", StringComparison.Ordinal)));

    /// <summary>A process's log entries at the levels named, less the <paramref name="designed"/> ones, counted by category and exception.</summary>
    private static List<string> Logged(FluxProcess app, string dataFolder, string[] levels, Func<List<string>, bool>? designed = null)
    {
        // The log is still open for writing: read it as a reader beside that writer.
        using var stream = new FileStream(LogOf(dataFolder), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var lines = new StreamReader(stream).ReadToEnd().Split('\n');
        return lines.Index()
            .Where(l => levels.Any(level => l.Item.StartsWith(level, StringComparison.Ordinal)))
            .Select(l => lines.Skip(l.Index).Take(5).Select(line => line.Trim()).ToList())
            .Where(entry => designed?.Invoke(entry) != true)
            .Select(entry => $"{entry[0]} {entry.Skip(1).FirstOrDefault(line => line.Contains("Exception", StringComparison.Ordinal)) ?? entry.ElementAtOrDefault(1)}")
            .CountBy(error => error)
            .Select(error => $"Process {app.Id} logged {error.Value} times: {error.Key}")
            .ToList();
    }

    private static string LogOf(string dataFolder) => Path.Combine(dataFolder, "flux-process.log");

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "flux-two-processes", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
