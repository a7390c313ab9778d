using System.Diagnostics;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Chain.Support;

/// <summary>
/// The npm project in Chain/StellarJs that holds the official Stellar JS SDK (needs `npm ci` there), and node to run
/// its scripts. The SDK is the reference Flux's StrKey and sandbox Horizon are checked against.
/// </summary>
public static class StellarJsSdk
{
    public const string ProjectFolder = "Flux.Dashboard.Tests/Chain/StellarJs";

    /// <summary>Starts <c>node {script} {args}</c> in the npm project with stdout and stderr redirected.</summary>
    public static Process StartScript(string script, params IEnumerable<string> args)
    {
        var folder = RepositoryFolder.Path(ProjectFolder);
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@stellar", "stellar-sdk")))
        {
            throw new InvalidOperationException($"The Stellar JS SDK is not installed: run npm ci in {ProjectFolder}");
        }

        var start = new ProcessStartInfo("node", [script, .. args])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            return Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"node is not installed or not on PATH; {script} needs it.", ex);
        }
    }
}
