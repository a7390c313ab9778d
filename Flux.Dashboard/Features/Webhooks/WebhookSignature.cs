using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Flux.Dashboard.Data;

namespace Flux.Dashboard.Features.Webhooks;

/// <summary>
/// The <c>Flux-Signature</c> header of docs/api.md: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;")&gt;</c>.
/// The timestamp inside the signed text lets receivers refuse replays of old deliveries.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Flux-Signature";

    /// <summary>A new endpoint secret: <c>whsec_</c> + 32 random base62 characters.</summary>
    public static string NewSecret() => PublicId.New("whsec", 32);

    public static string Sign(string secret, DateTimeOffset at, string body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
