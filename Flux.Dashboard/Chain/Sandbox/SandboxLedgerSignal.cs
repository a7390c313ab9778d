namespace Flux.Dashboard.Chain.Sandbox;

/// <summary>Wakes the sandbox's SSE streams when a ledger closes, so a stream sees a payment at once instead of polling.</summary>
public sealed class SandboxLedgerSignal
{
    private TaskCompletionSource next = NewSource();

    public Task NextLedgerAsync() => Volatile.Read(ref next).Task;

    public void LedgerClosed() => Interlocked.Exchange(ref next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
