using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Flux.Bench;

/// <summary>
/// The .NET runtime's own counters of another process (the <c>System.Runtime</c> EventCounters that dotnet-counters
/// shows: <c>gc-heap-size</c>, <c>gc-committed</c>, … in MB), read over its diagnostics port for as long as this lives;
/// <see cref="Latest"/> holds the last value of each.
/// </summary>
public sealed class RuntimeCounters : IAsyncDisposable
{
    private readonly EventPipeSession session;
    private readonly EventPipeEventSource events;
    private readonly Task reading;
    private readonly Dictionary<string, double> latest = new();

    public RuntimeCounters(int pid, TimeSpan interval)
    {
        var provider = new EventPipeProvider("System.Runtime", EventLevel.Informational, -1,
            new Dictionary<string, string> { ["EventCounterIntervalSec"] = interval.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        session = new DiagnosticsClient(pid).StartEventPipeSession(provider, requestRundown: false);
        events = new EventPipeEventSource(session.EventStream);
        events.Dynamic.All += data =>
        {
            if (data.EventName != "EventCounters" || data.PayloadValue(0) is not IDictionary<string, object> envelope
                || envelope["Payload"] is not IDictionary<string, object> counter)
                return;
            var value = counter.TryGetValue("Mean", out var mean) ? mean : counter["Increment"];
            lock (latest)
                latest[(string)counter["Name"]] = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
        };
        reading = Task.Run(events.Process);
    }

    /// <summary>The last value of a counter, or NaN before the first report.</summary>
    public double Latest(string name)
    {
        lock (latest)
            return latest.TryGetValue(name, out var value) ? value : double.NaN;
    }

    public async ValueTask DisposeAsync()
    {
        try { await session.StopAsync(CancellationToken.None); }
        catch (ServerNotAvailableException) { /* the process has ended */ }
        await reading;
        events.Dispose();
        session.Dispose();
    }
}
