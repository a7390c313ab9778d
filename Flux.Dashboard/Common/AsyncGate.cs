namespace Flux.Dashboard.Common;

/// <summary>Lets one caller at a time through, asynchronously; dispose the pass to let the next one in.</summary>
public class AsyncGate
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Pass(gate);
    }

    private sealed class Pass(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
                gate.Release();
        }
    }
}
