using System.Security.Cryptography;

namespace Flux.Dashboard.Data;

/// <summary>Stripe-style public ids: a type prefix and base62 characters (e.g. <c>ord_8f7Sd6f876dsfK2m</c>).</summary>
public static class PublicId
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Base62 characters of the Unix time in milliseconds that lead a <see cref="Sequential"/> id (enough until 2081).</summary>
    private const int TimeLength = 7;

    /// <summary>All random: for secrets and for ids whose order must not tell anything. 20 characters carry about 119 random bits.</summary>
    public static string New(string prefix, int length = 20)
    {
        Span<char> id = stackalloc char[length];
        FillRandom(id);
        return $"{prefix}_{id}";
    }

    /// <summary>
    /// The creation time first, then random characters (13 of a 20-character id: about 77 random bits, still unguessable):
    /// the keys of a table that grows fast. New keys land at the end of the primary-key index instead of on a random
    /// page of it, so a commit of many new rows writes a few index pages rather than one per row. "ord_…" still fits a
    /// 28-byte text memo.
    /// </summary>
    public static string Sequential(string prefix, int length = 20)
    {
        Span<char> id = stackalloc char[length];
        var milliseconds = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var i = TimeLength - 1; i >= 0; i--, milliseconds /= Base62.Length)
            id[i] = Base62[(int)(milliseconds % Base62.Length)];
        FillRandom(id[TimeLength..]);
        return $"{prefix}_{id}";
    }

    /// <summary>
    /// Uniform base62 characters from the system's secure generator: the low 6 bits of a random byte are uniform over 0–63,
    /// and 62 and 63 are drawn again.
    /// </summary>
    private static void FillRandom(Span<char> destination)
    {
        var filled = 0;
        while (filled < destination.Length)
        {
            var b = RandomBytes.Next();
            if ((b & 63) < Base62.Length)
                destination[filled++] = Base62[b & 63];
        }
    }

    /// <summary>
    /// The secure generator's bytes, read 512 at a time per thread: each read costs about a microsecond whatever its
    /// size, and a request makes up to three ids. A byte is wiped as it is handed out, so the buffer never holds the
    /// randomness of an id or secret already made.
    /// </summary>
    private static class RandomBytes
    {
        [ThreadStatic]
        private static byte[]? buffer;

        [ThreadStatic]
        private static int next;

        public static byte Next()
        {
            if (buffer is null || next == buffer.Length)
            {
                buffer ??= new byte[512];
                RandomNumberGenerator.Fill(buffer);
                next = 0;
            }
            var b = buffer[next];
            buffer[next++] = 0;
            return b;
        }
    }
}
