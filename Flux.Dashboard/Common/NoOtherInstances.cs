namespace Flux.Dashboard.Common;

/// <summary>A single instance: nobody to tell, nothing to hear.</summary>
public sealed class NoOtherInstances : IOtherInstances
{
    public bool MayExist => false;

    public Task TellAsync(string topic, string message) => Task.CompletedTask;

    public void Listen(string topic, Func<string, Task> handler)
    {
    }
}
