using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Flux.Dashboard.Data;

namespace Flux.Dashboard.Features.ApiKeys;

/// <summary>The key strings themselves: <c>sk_test_</c> + 32 random base62 characters, and their SHA-256 hash.</summary>
public static class ApiKeySecret
{
    public const int RandomLength = 32;

    private static readonly SearchValues<char> Base62 =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    public static string Prefix(ApiKeyKind kind, bool livemode) =>
        (kind == ApiKeyKind.Secret ? "sk_" : "pk_") + (livemode ? "live_" : "test_");

    public static string New(ApiKeyKind kind, bool livemode) =>
        PublicId.New(Prefix(kind, livemode).TrimEnd('_'), RandomLength);

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Whether the string has a key's shape, so garbage is refused without a database look-up.</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: 8 + RandomLength }
        && key[..8] is "sk_live_" or "sk_test_" or "pk_live_" or "pk_test_"
        && !key.AsSpan(8).ContainsAnyExcept(Base62);
}
