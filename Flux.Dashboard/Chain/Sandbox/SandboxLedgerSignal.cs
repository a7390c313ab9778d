namespace Flux.Dashboard.Chain.Sandbox;

/// <summary>
/// Wakes the sandbox's SSE streams when a ledger closes, so a stream sees a payment at once instead of polling: the
/// streams of this instance and, through <see cref="IOtherInstances"/>, those of the others on the same ledger.
/// </summary>
public sealed class SandboxLedgerSignal
{
    private const string Topic = "sandbox-ledger-closed";

    private readonly IOtherInstances others;
    private TaskCompletionSource next = NewSource();

    public SandboxLedgerSignal(IOtherInstances others)
    {
        this.others = others;
        others.Listen(Topic, _ =>
        {
            WakeStreams();
            return Task.CompletedTask;
        });
    }

    public Task NextLedgerAsync() => Volatile.Read(ref next).Task;

    public void LedgerClosed()
    {
        WakeStreams();
        // A wake only: the ledger's closer need not wait for the other instances' streams.
        _ = others.TellAsync(Topic, "");
    }

    private void WakeStreams() => Interlocked.Exchange(ref next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
