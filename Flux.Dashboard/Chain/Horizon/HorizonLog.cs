using System.Net;

namespace Flux.Dashboard.Chain.Horizon;

internal static partial class HorizonLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped malformed Horizon payment record {RecordId} from {Source}: {Problem}")]
    public static partial void MalformedPayment(ILogger logger, string? recordId, string source, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened Horizon payment stream {Path} at cursor {Cursor}")]
    public static partial void StreamOpened(ILogger logger, string path, string cursor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Horizon payment stream {Path} answered {StatusCode}")]
    public static partial void StreamRefused(ILogger logger, string path, HttpStatusCode statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Horizon payment stream {Path} answered {ContentType} instead of text/event-stream")]
    public static partial void StreamNotEventStream(ILogger logger, string path, string? contentType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Horizon payment stream {Path} could not connect")]
    public static partial void StreamConnectFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting Horizon payment stream {Path} from {Cursor} in {Delay}")]
    public static partial void StreamReconnecting(ILogger logger, string path, string cursor, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Horizon payment stream {Path} ended ({Reason}); resuming from {Cursor} in {Delay}")]
    public static partial void StreamEnded(ILogger logger, string path, string reason, string cursor, TimeSpan delay);
}
