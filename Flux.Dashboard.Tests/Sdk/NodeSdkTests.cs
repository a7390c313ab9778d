using System.Diagnostics;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Sdk;

/// <summary>
/// Runs each test file of the Node SDK (sdk/node/test/*.test.js, node's built-in runner) against this Flux on Kestrel,
/// as a merchant of its own with a test key and a watched default wallet (FLUX_API_KEY, FLUX_LIVE_API_KEY, FLUX_BASE_URL, FLUX_WALLET).
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class NodeSdkTests(FluxAppFactory app)
{
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromMinutes(2);

    public static TheoryData<string> TestFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(NodeSdk.Folder, "test"), "*.test.js").Order(StringComparer.Ordinal))
            files.Add(Path.GetFileName(file));
        return files;
    }

    [Theory]
    [MemberData(nameof(TestFiles))]
    public async Task Node_sdk_test_file_passes_against_a_running_Flux(string testFile)
    {
        var merchant = await app.NewApiMerchantAsync();
        var wallet = TestAddresses.Random();
        using (var scope = app.Services.CreateScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<WalletService>().AddAsync(merchant.TestScope, wallet, "SDK tests");
            Assert.True(added.Succeeded, added.Error);
        }

        var (exitCode, output) = await NodeSdk.RunTestAsync(testFile, new Dictionary<string, string>
        {
            ["FLUX_API_KEY"] = merchant.TestKey,
            ["FLUX_BASE_URL"] = app.BaseAddress.ToString().TrimEnd('/'),
            ["FLUX_WALLET"] = wallet,
            ["FLUX_LIVE_API_KEY"] = merchant.LiveKey,
        }, NodeTimeout);

        Assert.True(exitCode == 0, $"node --test {testFile} exited with {exitCode}:\n{output}");
    }
}

/// <summary>The npm package in sdk/node and node to run its tests.</summary>
internal static class NodeSdk
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "sdk", "node");

    public static async Task<(int ExitCode, string Output)> RunTestAsync(string testFile, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("node", ["--test", "--test-reporter=spec", Path.Combine("test", testFile)])
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"Timed out after {timeout}.\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, $"{await stdout}\n{await stderr}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Flux.Dashboard.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Flux.Dashboard.sln above {AppContext.BaseDirectory}.");
    }
}
