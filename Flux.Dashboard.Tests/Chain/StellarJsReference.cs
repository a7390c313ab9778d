using System.Diagnostics;
using System.Text.Json;

namespace Flux.Dashboard.Tests.Chain;

/// <summary>
/// Runs StellarJs/strkey-reference.js once per test class: random keys and mutations with the official JS SDK's
/// verdicts, the reference Flux's StrKey is checked against.
/// </summary>
public sealed class StellarJsReference
{
    private const string JsFolder = "Flux.Dashboard.Tests/Chain/StellarJs";

    public StellarJsReference()
    {
        var folder = Path.Combine(FindRepositoryRoot(), JsFolder);
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@stellar", "stellar-sdk")))
        {
            throw new InvalidOperationException($"The Stellar JS SDK is not installed: run npm ci in {JsFolder}");
        }
        var output = RunNode(folder, "strkey-reference.js");
        Output = JsonSerializer.Deserialize<ReferenceOutput>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                 ?? throw new InvalidOperationException("strkey-reference.js printed nothing.");
    }

    public ReferenceOutput Output { get; }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Flux.Dashboard.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Flux.Dashboard.sln above {AppContext.BaseDirectory}.");
    }

    private static string RunNode(string workingDirectory, string script)
    {
        var start = new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("node is not installed or not on PATH; the StrKey reference needs it.", ex);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(1)) || process.ExitCode != 0)
            {
                throw new InvalidOperationException($"node {script} failed (exit {process.ExitCode}): {stderr.Result}");
            }
            return stdout;
        }
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
