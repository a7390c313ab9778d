namespace Flux.Dashboard.Chain;

/// <summary>RFC 4648 base32 without padding, strict: upper-case alphabet only and zero trailing bits.</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[(data.Length * 8 + 4) / 5];
        int buffer = 0, bits = 0, index = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[index++] = Alphabet[(buffer >> bits) & 31];
            }
        }
        if (bits > 0)
        {
            chars[index] = Alphabet[(buffer << (5 - bits)) & 31];
        }
        return new string(chars);
    }

    public static bool IsAlphabet(char c) => c is (>= 'A' and <= 'Z') or (>= '2' and <= '7');

    /// <summary>
    /// Decodes <paramref name="text"/>, which must hold only alphabet characters. Returns false when the
    /// unused trailing bits are not zero: such a string is not the canonical encoding of any bytes.
    /// </summary>
    public static bool TryDecodeCanonical(string text, out byte[] data)
    {
        data = new byte[text.Length * 5 / 8];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in text)
        {
            buffer = (buffer << 5) | (c <= '7' ? c - '2' + 26 : c - 'A');
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                data[index++] = (byte)(buffer >> bits);
            }
        }
        return (buffer & ((1 << bits) - 1)) == 0;
    }
}
