using System.Globalization;
using System.Text;

namespace Flux.Dashboard.Chain.Horizon;

/// <summary>
/// The "interpret the event stream" part of the HTML Server-Sent Events spec, fed one line at a time. An event is
/// dispatched only by a blank line, so a frame cut off by a dropped connection is never dispatched.
/// </summary>
internal sealed class ServerSentEventParser
{
    // Horizon sends each record as one data line: keep that line's value as it is and only join when more follow.
    private ReadOnlyMemory<char>? _data;
    private StringBuilder? _joined;
    private string? _type;
    private string? _lastEventId;

    /// <summary>The latest valid <c>retry:</c> value: how long to wait before reconnecting.</summary>
    public TimeSpan? ReconnectDelay { get; private set; }

    public ServerSentEvent? Feed(string line)
    {
        if (line.Length == 0)
        {
            return Dispatch();
        }
        if (line[0] == ':')
        {
            return null;
        }
        var colon = line.IndexOf(':');
        var field = colon < 0 ? line.AsSpan() : line.AsSpan(0, colon);
        var valueStart = colon < 0 ? line.Length : colon + 1;
        if (valueStart < line.Length && line[valueStart] == ' ')
        {
            valueStart++;
        }
        var value = line.AsSpan(valueStart);
        switch (field)
        {
            case "data":
                AppendData(line, valueStart);
                break;
            case "event":
                _type = value.ToString();
                break;
            case "id" when !value.Contains('\0'):
                _lastEventId = value.ToString();
                break;
            case "retry" when value.Length > 0 && !value.ContainsAnyExceptInRange('0', '9')
                              && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds):
                ReconnectDelay = TimeSpan.FromMilliseconds(milliseconds);
                break;
        }
        return null;
    }

    private void AppendData(string line, int valueStart)
    {
        if (_data is null)
        {
            _data = line.AsMemory(valueStart);
            return;
        }
        _joined ??= new StringBuilder().Append(_data.Value);
        _joined.Append('\n').Append(line, valueStart, line.Length - valueStart);
    }

    private ServerSentEvent? Dispatch()
    {
        ServerSentEvent? dispatched = null;
        if (_data is not null)
        {
            dispatched = new ServerSentEvent(_lastEventId, _type, _joined?.ToString().AsMemory() ?? _data.Value);
        }
        _data = null;
        _joined = null;
        _type = null;
        return dispatched;
    }
}
