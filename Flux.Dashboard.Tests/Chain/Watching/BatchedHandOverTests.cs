using System.Collections.Concurrent;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Chain.Watching;

public sealed class BatchedHandOverTests
{
    [Fact]
    public async Task A_burst_reaches_the_sink_in_chain_order_in_fewer_hand_overs_than_payments()
    {
        var sink = new RecordingSink();
        using var app = await sink.StartWatchingAsync();
        var wallet = sink.Wallet;

        var burst = await app.Services.GetRequiredService<SandboxLedger>().SimulatePaymentsAsync(
            Enumerable.Range(0, 300).Select(i => new SimulatedPayment(SandboxTestWallet.Address, wallet, 1m, $"burst-{i}")).ToList());
        Assert.True(burst.Succeeded, burst.Error);
        var recorded = await app.Services.WaitForRecordedAsync(wallet, 300, TimeSpan.FromSeconds(30));

        var paid = burst.Closed.Select(c => c.Payment.Id.ToString()).ToList();
        Assert.Equal(paid, recorded.Select(p => p.OperationId).Order());
        Assert.Equal(paid, sink.HandedOver.Select(p => p.Record.Id));
        Assert.True(sink.Batches < 300, $"{sink.Batches} hand-overs for 300 payments");
    }

    private sealed class RecordingSink : SinkInFront
    {
        private readonly ConcurrentQueue<ObservedPayment> handedOver = new();
        private int batches;

        public IReadOnlyList<ObservedPayment> HandedOver => handedOver.ToList();
        public int Batches => Volatile.Read(ref batches);

        public override Task HandleAsync(IReadOnlyList<ObservedPayment> payments, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref batches);
            foreach (var payment in payments)
                handedOver.Enqueue(payment);
            return Inner.HandleAsync(payments, cancellationToken);
        }
    }
}
