namespace Flux.Dashboard.Chain;

/// <summary>
/// The test wallet named in Flux's seed documentation. Its StrKey checksum does not verify (it is a placeholder),
/// yet the product docs' requests must work verbatim, so the sandbox accepts exactly this address in test mode.
/// </summary>
public static class SandboxTestWallet
{
    public const string Address = "GD5YHQWSTDLU4I2TVSTTLVKXI3RDEOYMPC66EYS32JBPBTKWT4X2EWBW";
}
