namespace Flux.Dashboard.Tests.Chain.Support;

internal enum StreamEnding
{
    /// <summary>The server closes the stream cleanly.</summary>
    Close,
    /// <summary>The connection drops: the next read fails with an <see cref="IOException"/>.</summary>
    Drop,
    /// <summary>The server goes silent: the next read waits until cancelled.</summary>
    Silence,
}

/// <summary>A response body that yields fixed bytes, then ends as told.</summary>
internal sealed class ScriptedStream(byte[] body, StreamEnding ending) : Stream
{
    private int _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position < body.Length)
        {
            var count = Math.Min(buffer.Length, body.Length - _position);
            body.AsMemory(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }
        switch (ending)
        {
            case StreamEnding.Drop:
                throw new IOException("The connection was reset by the peer.");
            case StreamEnding.Silence:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return 0;
            default:
                return 0;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Flush() => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
