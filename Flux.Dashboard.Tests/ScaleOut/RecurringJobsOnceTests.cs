using System.Diagnostics;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Rates;
using Flux.Dashboard.Features.Webhooks;
using Flux.Dashboard.Tests.Rates;
using Flux.Dashboard.Tests.Support;
using Xunit.Abstractions;

namespace Flux.Dashboard.Tests.ScaleOut;

/// <summary>
/// Issue #24: three instances on one database each register Flux's recurring jobs and each run a Hangfire server, yet
/// every occurrence of an every-minute job (the wallets' catch-up, order expiry, the webhook sweep, the rate provider's
/// poll) runs once, not once per instance. Read from what the runs left: Hangfire's server rows (every instance's server
/// takes jobs from the shared storage), its state rows, written by the worker that ran each job, and the rate provider's
/// requests, which a poll makes each time it runs. It waits for two occurrences of each job after the third instance is
/// up, so some two minutes; it runs beside the other tests.
/// </summary>
[Trait(TestDatabaseEngine.Trait, TestDatabaseEngine.PostgresOnly)]
public sealed class RecurringJobsOnceTests(ITestOutputHelper output)
{
    private const int Instances = 3;
    private const int Occurrences = 2;

    private static readonly string[] EveryMinute = [WalletCatchUp.JobId, OrderExpiry.JobId, WebhookDeliveries.SweepJobId, RateProviderPoll.JobId];

    /// <summary>Two minute boundaries, and room for a busy machine to run what came due at the second.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(165);

    [Fact]
    public async Task Every_occurrence_of_each_every_minute_job_runs_once_across_three_instances()
    {
        await using var provider = await RateProviderStub.StartAsync();
        provider.Answers("""{"pi-network": {"usd": 0.31}}""");
        await using var instances = await FluxInstances.StartAsync(Instances, TestRedis.Configuration, new Dictionary<string, string>
        {
            // The stub provider listens on 127.0.0.1.
            ["Flux:Webhooks:AllowLoopback"] = "true",
            ["Flux:Rates:Provider:Url"] = provider.Url,
            ["Flux:Rates:Provider:Path"] = "pi-network.{currency}",
            ["Flux:Rates:Provider:Currencies:0"] = "USD",
        });
        var allUp = DateTimeOffset.UtcNow;
        // An order registers the sandbox's wallet: from then on each catch-up pages through a wallet's payments.
        using (var client = instances.ApiClient(0))
            await FluxInstances.CreateOrderAsync(client, 0);

        var runs = await WaitForOccurrencesAsync(instances, allUp);
        IReadOnlyList<string> servers;
        await using (var db = instances.OpenDatabase())
            servers = await SharedJobStorage.ServersAsync(db);

        output.WriteLine($"Hangfire servers in the shared storage: {string.Join(", ", servers)}");
        foreach (var run in runs.OrderBy(r => r.Triggered).ThenBy(r => r.RecurringJobId))
            output.WriteLine($"{run.Triggered:HH:mm:ss} {run.RecurringJobId}: job {run.JobId}, processing {run.Processing}, succeeded {run.Succeeded}, on {string.Join(", ", run.Servers)}");
        var requests = provider.RequestTimes;
        output.WriteLine($"Rate provider requests: {string.Join(", ", requests.Select(t => t.ToString("HH:mm:ss.fff")))}");
        List<string> faults = [];
        // Every instance's Hangfire server competes for the same jobs, or "once" would prove nothing.
        faults.AddRange(Enumerable.Range(0, Instances).Where(i => !servers.Any(s => s.Contains($":{instances[i].Id}:", StringComparison.Ordinal)))
            .Select(i => $"Instance {i} (pid {instances[i].Id}) has no Hangfire server in the shared storage."));
        faults.AddRange(runs.GroupBy(r => (r.RecurringJobId, r.Minute)).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.RecurringJobId} at {g.Key.Minute:HH:mm}: {g.Count()} jobs for one occurrence."));
        faults.AddRange(runs.Where(r => r.Processing > 1 || r.Succeeded > 1)
            .Select(r => $"{r.RecurringJobId} at {r.Minute:HH:mm}: job {r.JobId} began {r.Processing} times, succeeded {r.Succeeded} times."));
        foreach (var poll in Window(runs, allUp).Where(r => r.RecurringJobId == RateProviderPoll.JobId))
        {
            var asked = requests.Count(t => t >= poll.Minute && t < poll.Minute.AddMinutes(1));
            if (asked != 1)
                faults.Add($"{RateProviderPoll.JobId} at {poll.Minute:HH:mm}: the rate provider was asked {asked} times in that minute.");
        }
        Assert.True(faults.Count == 0,
            $"{faults.Count} faults. Logs: {string.Join(", ", Enumerable.Range(0, Instances).Select(instances.LogOf))}\n{string.Join("\n", faults)}");
        instances.Passed = true;
    }

    /// <summary>The jobs of the recurring jobs' occurrences once each every-minute job has <see cref="Occurrences"/> since all instances were up, all succeeded.</summary>
    private static async Task<IReadOnlyList<RecurringJobRun>> WaitForOccurrencesAsync(FluxInstances instances, DateTimeOffset allUp)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            IReadOnlyList<RecurringJobRun> runs;
            await using (var db = instances.OpenDatabase())
                runs = await SharedJobStorage.RunsAsync(db);
            var done = EveryMinute.ToDictionary(id => id, id => Window(runs, allUp).Where(r => r.RecurringJobId == id)
                .GroupBy(r => r.Minute).Count(g => g.All(r => r.Succeeded > 0)));
            if (done.Values.All(count => count >= Occurrences))
                return runs;
            Assert.True(waited.Elapsed < Limit,
                $"Within {Limit.TotalSeconds} s, occurrences run since {allUp:HH:mm:ss}: {string.Join(", ", done.Select(d => $"{d.Key} {d.Value}"))}; {Occurrences} of each expected.");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>The runs of occurrences that came due once every instance was up.</summary>
    private static IEnumerable<RecurringJobRun> Window(IEnumerable<RecurringJobRun> runs, DateTimeOffset allUp) => runs.Where(r => r.Minute >= allUp);
}
