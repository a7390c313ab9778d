using System.Security.Cryptography;
using System.Text;
using Flux.Dashboard.Chain;

namespace Flux.Dashboard.Features.Credits;

/// <summary>
/// Flux's treasury wallet in the sandbox: a valid address derived from a fixed phrase (no one holds its key, none is
/// needed there). The sandbox opens its account with the first purchase paid into it.
/// </summary>
public static class SandboxTreasury
{
    public static readonly string Address = StrKey.EncodeEd25519PublicKey(SHA256.HashData(Encoding.UTF8.GetBytes("Flux sandbox treasury")));
}
