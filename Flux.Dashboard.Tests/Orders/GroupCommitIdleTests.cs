using System.Collections.Concurrent;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Orders;

/// <summary>
/// The group-commit writer stops whenever the queue runs dry and a new one starts with the next order: thousands of
/// such hand-overs must neither strand an order nor leave a failed writer behind.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class GroupCommitIdleTests(FluxAppFactory app)
{
    [Fact]
    public async Task Orders_arriving_in_trickles_all_commit_and_no_writer_fails()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var orders = app.Services.GetRequiredService<OrderService>();
        var writerFailures = new ConcurrentQueue<Exception>();
        EventHandler<UnobservedTaskExceptionEventArgs> watch = (_, e) =>
        {
            if (e.Exception.ToString().Contains(nameof(GroupCommit), StringComparison.Ordinal))
                writerFailures.Enqueue(e.Exception);
        };
        TaskScheduler.UnobservedTaskException += watch;
        try
        {
            var created = await Task.WhenAll(Enumerable.Range(0, 4).Select(loop => Task.Run(async () =>
            {
                var ids = new List<string>();
                for (var i = 0; i < 100; i++)
                {
                    var result = await orders.CreateAsync(scope, new CreateOrderRequest(1m + i, $"trickle {loop}-{i}")).WaitAsync(TimeSpan.FromSeconds(10));
                    ids.Add(result.Value!.Id);
                    await Task.Delay(i % 3);
                }
                return ids;
            })));

            Assert.Equal(400, created.SelectMany(ids => ids).Distinct().Count());
            // Failed fire-and-forget writers surface only when their tasks are finalized.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.Empty(writerFailures);
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= watch;
        }
    }
}
