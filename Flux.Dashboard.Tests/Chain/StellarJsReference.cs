using System.Text.Json;
using Flux.Dashboard.Tests.Chain.Support;

namespace Flux.Dashboard.Tests.Chain;

/// <summary>
/// Runs StellarJs/strkey-reference.js once per test class: random keys and mutations with the official JS SDK's
/// verdicts, the reference Flux's StrKey is checked against.
/// </summary>
public sealed class StellarJsReference
{
    public StellarJsReference()
    {
        var output = RunToEnd("strkey-reference.js");
        Output = JsonSerializer.Deserialize<ReferenceOutput>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                 ?? throw new InvalidOperationException("strkey-reference.js printed nothing.");
    }

    public ReferenceOutput Output { get; }

    private static string RunToEnd(string script)
    {
        using var process = StellarJsSdk.StartScript(script);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} failed (exit {process.ExitCode}): {stderr.Result}");
        }
        return stdout;
    }

    public sealed record ReferenceOutput(
        string SdkVersion,
        IReadOnlyList<ReferenceKey> Keys,
        IReadOnlyList<ReferenceVerdict> KeyMutations,
        IReadOnlyList<ReferenceMuxed> Muxed,
        IReadOnlyList<ReferenceVerdict> MuxedMutations,
        IReadOnlyList<ReferenceSeed> Seeds,
        ReferenceVerdict SandboxTestWallet);

    public sealed record ReferenceKey(string Address, string Hex);

    public sealed record ReferenceVerdict(string Address, bool Valid);

    public sealed record ReferenceMuxed(string Address, string BaseAddress, ulong Id);

    public sealed record ReferenceSeed(string Address, bool ValidSeed, bool ValidPublicKey);
}
