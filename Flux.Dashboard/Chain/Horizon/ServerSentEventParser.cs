using System.Globalization;
using System.Text;

namespace Flux.Dashboard.Chain.Horizon;

/// <summary>
/// The "interpret the event stream" part of the HTML Server-Sent Events spec, fed one line at a time. An event is
/// dispatched only by a blank line, so a frame cut off by a dropped connection is never dispatched.
/// </summary>
internal sealed class ServerSentEventParser
{
    private readonly StringBuilder _data = new();
    private bool _hasData;
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
        var field = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? "" : line[(colon + 1)..];
        if (value.StartsWith(' '))
        {
            value = value[1..];
        }
        switch (field)
        {
            case "data":
                _data.Append(value).Append('\n');
                _hasData = true;
                break;
            case "event":
                _type = value;
                break;
            case "id" when !value.Contains('\0'):
                _lastEventId = value;
                break;
            case "retry" when value.Length > 0 && value.All(char.IsAsciiDigit)
                              && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds):
                ReconnectDelay = TimeSpan.FromMilliseconds(milliseconds);
                break;
        }
        return null;
    }

    private ServerSentEvent? Dispatch()
    {
        ServerSentEvent? dispatched = null;
        if (_hasData)
        {
            dispatched = new ServerSentEvent(_lastEventId, _type, _data.ToString(0, _data.Length - 1));
        }
        _data.Clear();
        _hasData = false;
        _type = null;
        return dispatched;
    }
}
