namespace Flux.Dashboard.Chain;

/// <summary>CRC-16/XMODEM (polynomial 0x1021, initial value 0), the StrKey checksum.</summary>
internal static class Crc16XModem
{
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }
        return crc;
    }
}
