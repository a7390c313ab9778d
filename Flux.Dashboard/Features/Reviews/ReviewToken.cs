using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Flux.Dashboard.Features.Reviews;

/// <summary>The one-time token of a review link: 256 random bits, base64url; only its SHA-256 hash is stored.</summary>
public static class ReviewToken
{
    public const string PathPrefix = "/r";

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static string UrlFor(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}{PathPrefix}/{token}";
}
