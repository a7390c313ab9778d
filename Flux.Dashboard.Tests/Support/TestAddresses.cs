using System.Security.Cryptography;
using Flux.Dashboard.Chain;

namespace Flux.Dashboard.Tests.Support;

/// <summary>Random ed25519 public-key addresses (G…); StrKey itself is checked against the official JS SDK.</summary>
public static class TestAddresses
{
    public static string Random() => StrKey.EncodeEd25519PublicKey(RandomNumberGenerator.GetBytes(32));
}
