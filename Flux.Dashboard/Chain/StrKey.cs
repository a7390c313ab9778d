using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Flux.Dashboard.Chain;

/// <summary>
/// Stellar's StrKey encoding (SEP-0023) for the keys Flux handles: base32 of a version byte, the payload and a
/// CRC16-XModem checksum (little-endian). As strict as the official JS SDK: one spelling per key.
/// </summary>
public static class StrKey
{
    public const int Ed25519PublicKeyLength = 56;
    public const int MuxedAccountLength = 69;

    private const byte Ed25519PublicKeyVersion = 6 << 3;
    private const byte Ed25519SecretSeedVersion = 18 << 3;
    private const byte MuxedAccountVersion = 12 << 3;
    private const int KeySize = 32;
    private const int MuxedPayloadSize = KeySize + sizeof(ulong);

    public static string EncodeEd25519PublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != KeySize)
        {
            throw new ArgumentException($"An ed25519 public key is {KeySize} bytes.", nameof(publicKey));
        }
        return EncodeCheck(Ed25519PublicKeyVersion, publicKey);
    }

    /// <exception cref="FormatException">The address is not a valid <c>G…</c> public key; the message says why.</exception>
    public static byte[] DecodeEd25519PublicKey(string address)
    {
        var validation = Validate(address, Ed25519PublicKeyVersion, Ed25519PublicKeyLength, out var publicKey);
        return validation.IsValid ? publicKey : throw new FormatException($"Not a valid ed25519 public key: {validation.Status}.");
    }

    public static StrKeyValidation ValidateEd25519PublicKey(string? address) =>
        Validate(address, Ed25519PublicKeyVersion, Ed25519PublicKeyLength, out _);

    public static bool IsValidEd25519PublicKey(string? address) => ValidateEd25519PublicKey(address).IsValid;

    public static string EncodeMuxedAccount(ReadOnlySpan<byte> publicKey, ulong id)
    {
        if (publicKey.Length != KeySize)
        {
            throw new ArgumentException($"An ed25519 public key is {KeySize} bytes.", nameof(publicKey));
        }
        Span<byte> payload = stackalloc byte[MuxedPayloadSize];
        publicKey.CopyTo(payload);
        BinaryPrimitives.WriteUInt64BigEndian(payload[KeySize..], id);
        return EncodeCheck(MuxedAccountVersion, payload);
    }

    public static StrKeyValidation ValidateMuxedAccount(string? address) =>
        Validate(address, MuxedAccountVersion, MuxedAccountLength, out _);

    public static bool TryDecodeMuxedAccount(string? address, [NotNullWhen(true)] out MuxedAccount? account)
    {
        if (!Validate(address, MuxedAccountVersion, MuxedAccountLength, out var payload).IsValid)
        {
            account = null;
            return false;
        }
        var baseAccount = EncodeCheck(Ed25519PublicKeyVersion, payload.AsSpan(0, KeySize));
        account = new MuxedAccount(address!, baseAccount, BinaryPrimitives.ReadUInt64BigEndian(payload.AsSpan(KeySize)));
        return true;
    }

    /// <summary>The <c>G…</c> account an address pays into: itself for a valid <c>G…</c>, the base account for a valid <c>M…</c>.</summary>
    public static bool TryGetBaseAccount(string? address, [NotNullWhen(true)] out string? baseAccount)
    {
        if (IsValidEd25519PublicKey(address))
        {
            baseAccount = address!;
            return true;
        }
        baseAccount = TryDecodeMuxedAccount(address, out var muxed) ? muxed.BaseAccount : null;
        return baseAccount is not null;
    }

    private static string EncodeCheck(byte version, ReadOnlySpan<byte> payload)
    {
        Span<byte> bytes = stackalloc byte[1 + payload.Length + 2];
        bytes[0] = version;
        payload.CopyTo(bytes[1..]);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[^2..], Crc16XModem.Compute(bytes[..^2]));
        return Base32.Encode(bytes);
    }

    private static StrKeyValidation Validate(string? encoded, byte expectedVersion, int expectedLength, out byte[] payload)
    {
        payload = [];
        if (string.IsNullOrEmpty(encoded))
        {
            return new(StrKeyStatus.Empty);
        }
        if (encoded.Length != expectedLength)
        {
            return new(StrKeyStatus.WrongLength);
        }
        if (!encoded.All(Base32.IsAlphabet))
        {
            return new(StrKeyStatus.InvalidCharacters);
        }
        if (!Base32.TryDecodeCanonical(encoded, out var decoded))
        {
            return new(StrKeyStatus.NonCanonicalEncoding);
        }
        if (decoded[0] != expectedVersion)
        {
            return new(StrKeyStatus.WrongVersion, IsSecretSeed: decoded[0] == Ed25519SecretSeedVersion);
        }
        var body = decoded.AsSpan(0, decoded.Length - 2);
        if (Crc16XModem.Compute(body) != BinaryPrimitives.ReadUInt16LittleEndian(decoded.AsSpan(decoded.Length - 2)))
        {
            return new(StrKeyStatus.BadChecksum);
        }
        payload = body[1..].ToArray();
        return new(StrKeyStatus.Valid);
    }
}
