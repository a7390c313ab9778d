using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using StackExchange.Redis;

namespace Flux.Dashboard.Features.ScaleOut;

/// <summary>
/// The other Flux instances, reached through Redis pub/sub: every message goes on one channel, <c>flux:instances</c>,
/// marked with its sender (this process's id) and topic, and each instance hands the others' messages to its listeners
/// one at a time, in the order they arrive. Redis re-subscribes by itself when its connection comes back; what was sent
/// meanwhile is lost, which <see cref="IOtherInstances"/>'s users allow for.
/// </summary>
public sealed class RedisOtherInstances : IOtherInstances
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("flux:instances");

    private readonly string sender = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, ImmutableArray<Func<string, Task>>> listeners = new(StringComparer.Ordinal);
    private readonly Channel<string> inbox = System.Threading.Channels.Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ISubscriber subscriber;
    private readonly ILogger<RedisOtherInstances> logger;

    public RedisOtherInstances(IConnectionMultiplexer redis, ILogger<RedisOtherInstances> logger)
    {
        this.logger = logger;
        subscriber = redis.GetSubscriber();
        try
        {
            subscriber.Subscribe(Channel, (_, message) => inbox.Writer.TryWrite(message!));
        }
        catch (RedisException ex)
        {
            // The subscription is kept all the same and made again once Redis answers.
            logger.LogWarning(ex, "Redis is unreachable: other instances' messages arrive once it is back");
        }
        _ = Task.Run(DrainAsync);
    }

    public bool MayExist => true;

    public async Task TellAsync(string topic, string message)
    {
        try
        {
            await subscriber.PublishAsync(Channel, $"{sender}\n{topic}\n{message}");
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Could not tell other instances about {Topic}: Redis is unreachable", topic);
        }
    }

    public void Listen(string topic, Func<string, Task> handler) =>
        listeners.AddOrUpdate(topic, _ => [handler], (_, current) => current.Add(handler));

    private async Task DrainAsync()
    {
        await foreach (var envelope in inbox.Reader.ReadAllAsync())
        {
            var parts = envelope.Split('\n', 3);
            if (parts.Length != 3 || parts[0] == sender || !listeners.TryGetValue(parts[1], out var handlers))
                continue;
            foreach (var handler in handlers)
            {
                try
                {
                    await handler(parts[2]);
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "A listener failed on another instance's {Topic} message", parts[1]);
                }
            }
        }
    }
}
