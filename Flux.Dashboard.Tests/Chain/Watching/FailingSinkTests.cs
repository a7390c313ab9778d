using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Chain.Watching;

public sealed class FailingSinkTests
{
    [Fact]
    public async Task A_payment_the_sink_cannot_handle_is_retried_and_the_cursor_waits_for_it()
    {
        var sink = new FlakySink(failures: 2);
        using var app = await sink.StartWatchingAsync();
        var wallet = sink.Wallet;

        var paid = await app.Services.GetRequiredService<SandboxLedger>().SimulatePaymentAsync(new(SandboxTestWallet.Address, wallet, 3m, "flaky"));
        await sink.FirstFailure.WaitAsync(TimeSpan.FromSeconds(10));
        var cursorWhileFailing = await app.Services.GetRequiredService<StreamCursors>().LoadAsync(ChainNetworkNames.Sandbox, CancellationToken.None);
        var recorded = await app.Services.WaitForRecordedAsync(wallet, 1, TimeSpan.FromSeconds(20));

        Assert.True(long.Parse(cursorWhileFailing!) < paid.Payment!.Id, "the cursor stayed before the unhandled payment");
        Assert.True(sink.Calls >= 3, $"handed over {sink.Calls} times: two failures, then success");
        Assert.Equal(paid.Payment.Id.ToString(), Assert.Single(recorded).OperationId);
    }

    /// <summary>Fails its first hand-overs as a database outage would, then lets them through.</summary>
    private sealed class FlakySink(int failures) : SinkInFront
    {
        private readonly TaskCompletionSource firstFailure = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int calls;

        public Task FirstFailure => firstFailure.Task;
        public int Calls => Volatile.Read(ref calls);

        public override Task HandleAsync(IReadOnlyList<ObservedPayment> payments, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref calls) > failures)
                return Inner.HandleAsync(payments, cancellationToken);
            firstFailure.TrySetResult();
            throw new InvalidOperationException("database unavailable");
        }
    }
}
