using System.Security.Cryptography;

namespace Flux.Dashboard.Tests.Support;

/// <summary>Random ed25519 public-key addresses (G…), encoded independently of Flux's own StrKey code.</summary>
public static class TestAddresses
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Random()
    {
        var payload = new byte[35];
        payload[0] = 6 << 3;
        RandomNumberGenerator.Fill(payload.AsSpan(1, 32));
        var crc = Crc16XModem(payload.AsSpan(0, 33));
        payload[33] = (byte)(crc & 0xff);
        payload[34] = (byte)(crc >> 8);
        return Base32(payload);
    }

    private static ushort Crc16XModem(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++)
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
        }
        return crc;
    }

    private static string Base32(ReadOnlySpan<byte> data)
    {
        var chars = new char[(data.Length * 8 + 4) / 5];
        int buffer = 0, bits = 0, n = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[n++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        if (bits > 0) chars[n++] = Alphabet[(buffer << (5 - bits)) & 31];
        return new string(chars, 0, n);
    }
}
