using System.Diagnostics;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Sdk;

/// <summary>What the SDK test runners share: the SDKs' folders, a merchant to run as, and a process with a deadline.</summary>
internal static class SdkTestRun
{
    public static string SdkFolder(string name) => RepositoryFolder.Path("sdk", name);

    /// <summary>sdk/cases.json: the requests and outcomes every SDK's integration tests run.</summary>
    public static string SharedCasesFile => RepositoryFolder.Path("sdk", "cases.json");

    /// <summary>
    /// A new merchant with a test key and a watched default test wallet, as the environment the SDKs' tests read:
    /// FLUX_API_KEY, FLUX_LIVE_API_KEY (its live mode has no wallet), FLUX_BASE_URL and FLUX_WALLET.
    /// </summary>
    public static async Task<Dictionary<string, string>> NewMerchantEnvironmentAsync(FluxAppFactory app)
    {
        var merchant = await app.NewApiMerchantAsync();
        var wallet = TestAddresses.Random();
        using (var scope = app.Services.CreateScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<WalletService>().AddAsync(merchant.TestScope, wallet, "SDK tests");
            Assert.True(added.Succeeded, added.Error?.Message);
        }
        return new Dictionary<string, string>
        {
            ["FLUX_API_KEY"] = merchant.TestKey,
            ["FLUX_BASE_URL"] = app.BaseAddress.ToString().TrimEnd('/'),
            ["FLUX_WALLET"] = wallet,
            ["FLUX_LIVE_API_KEY"] = merchant.LiveKey,
        };
    }

    /// <summary>Runs a program to its end (killed with its children at the deadline); its exit code and all it printed.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return FluxProcess.RunToEndAsync(start, timeout);
    }
}
