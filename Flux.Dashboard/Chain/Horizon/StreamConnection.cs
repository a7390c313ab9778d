using System.Text;

namespace Flux.Dashboard.Chain.Horizon;

/// <summary>One open event stream, read line by line. A drop or a long silence ends it instead of throwing.</summary>
internal sealed class StreamConnection : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly CancellationTokenSource _idle;
    private readonly CancellationTokenSource _readCancellation;
    private readonly CancellationToken _cancellationToken;

    public StreamConnection(HttpResponseMessage response, Stream body, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        _response = response;
        // Large enough that a whole Horizon record (a few KB) is usually one read: no line pieced together per record.
        _reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        _idle = new CancellationTokenSource(HorizonClient.StreamIdleTimeout, timeProvider);
        _readCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _idle.Token);
        _cancellationToken = cancellationToken;
    }

    /// <returns>The next line, or null and why the stream ended (closed, dropped, silent).</returns>
    public async Task<(string? Line, string? EndReason)> ReadLineAsync()
    {
        _idle.CancelAfter(HorizonClient.StreamIdleTimeout);
        try
        {
            var line = await _reader.ReadLineAsync(_readCancellation.Token);
            return line is null ? (null, "closed by the server") : (line, null);
        }
        catch (OperationCanceledException) when (!_cancellationToken.IsCancellationRequested)
        {
            return (null, $"silent for {HorizonClient.StreamIdleTimeout}");
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return (null, $"dropped: {ex.Message}");
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
        _readCancellation.Dispose();
        _idle.Dispose();
    }
}
