using System.Security.Cryptography;

namespace Flux.Dashboard.Data;

/// <summary>Stripe-style public ids: a type prefix and random base62 characters (e.g. <c>ord_8f7Sd6f876dsfK2m</c>).</summary>
public static class PublicId
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>20 base62 characters carry about 119 random bits, and "ord_…" still fits a 28-byte text memo.</summary>
    public static string New(string prefix, int length = 20) => $"{prefix}_{RandomNumberGenerator.GetString(Base62, length)}";
}
