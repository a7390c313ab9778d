using System.ComponentModel.DataAnnotations;

namespace Flux.Dashboard.Features.Events;

/// <summary><c>Flux:Events:Stream</c>: timing of <c>GET /v1/events/stream</c>.</summary>
public sealed class EventStreamOptions
{
    public const string Section = "Flux:Events:Stream";

    /// <summary>How often an idle stream sends a <c>: heartbeat</c> comment, so proxies and clients keep it open.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The <c>retry:</c> hint: how long a client waits before it reconnects.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan Retry { get; set; } = TimeSpan.FromSeconds(3);
}
