namespace Flux.Dashboard.Common;

/// <summary>
/// The other instances of this app serving the same data (behind one load balancer, on one database): tells them that
/// something changed here, and hands this instance what they tell. Delivery is best effort (a message sent while the
/// channel between them is down is lost), so what a message says must also be found a slower way: a poll, a cache's
/// lifetime. Without a channel (one instance) there is no one to tell and nothing arrives.
/// </summary>
public interface IOtherInstances
{
    /// <summary>False when there is no channel to other instances: nothing need be prepared for them.</summary>
    bool MayExist { get; }

    /// <summary>
    /// Sends <paramref name="message"/> on <paramref name="topic"/> to every other instance: completes once it is on its
    /// way to each (Redis handed it to their connections), or was lost. Never fails.
    /// </summary>
    Task TellAsync(string topic, string message);

    /// <summary>
    /// Calls <paramref name="handler"/> with each message another instance sends on <paramref name="topic"/>, one at a time
    /// and in the order they were sent; never with this instance's own.
    /// </summary>
    void Listen(string topic, Func<string, Task> handler);
}
