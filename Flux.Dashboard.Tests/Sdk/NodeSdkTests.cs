using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Sdk;

/// <summary>
/// Runs each test file of the Node SDK (sdk/node/test/*.test.js, node's built-in runner) against this Flux on Kestrel,
/// as a merchant of its own with a test key and a watched default wallet (FLUX_API_KEY, FLUX_LIVE_API_KEY, FLUX_BASE_URL, FLUX_WALLET).
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class NodeSdkTests(FluxAppFactory app)
{
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromMinutes(2);
    private static readonly string Folder = SdkTestRun.SdkFolder("node");

    public static TheoryData<string> TestFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, "test"), "*.test.js").Order(StringComparer.Ordinal))
            files.Add(Path.GetFileName(file));
        return files;
    }

    [Theory]
    [MemberData(nameof(TestFiles))]
    public async Task Node_sdk_test_file_passes_against_a_running_Flux(string testFile)
    {
        var environment = await SdkTestRun.NewMerchantEnvironmentAsync(app);

        var (exitCode, output) = await SdkTestRun.RunAsync("node", ["--test", "--test-reporter=spec", Path.Combine("test", testFile)],
            Folder, environment, NodeTimeout);

        Assert.True(exitCode == 0, $"node --test {testFile} exited with {exitCode}:\n{output}");
    }
}
