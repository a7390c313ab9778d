using System.Text.RegularExpressions;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Sdk;

/// <summary>
/// Runs each test function of the Go SDK (sdk/go, the offline ones and those with the integration build tag) against
/// this Flux on Kestrel, each as a merchant of its own (FLUX_API_KEY, FLUX_LIVE_API_KEY, FLUX_BASE_URL, FLUX_WALLET).
/// The test binary is compiled once per run, with no module proxy: the SDK uses the standard library only.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed partial class GoSdkTests(FluxAppFactory app)
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly string Folder = SdkTestRun.SdkFolder("go");
    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), "flux-sdk-go");
    private static readonly Lazy<Task<(string? Binary, string Output)>> TestBinary = new(BuildTestBinaryAsync);

    /// <summary>The go tool's settings: nothing fetched, caches in a temporary folder whatever HOME is.</summary>
    private static readonly IReadOnlyDictionary<string, string> GoEnvironment = new Dictionary<string, string>
    {
        ["GOPROXY"] = "off",
        ["GOFLAGS"] = "",
        ["GOWORK"] = "off",
        ["GOCACHE"] = Path.Combine(Scratch, "cache"),
        ["GOPATH"] = Path.Combine(Scratch, "gopath"),
    };

    public static TheoryData<string> TestFunctions()
    {
        var names = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*_test.go").Order(StringComparer.Ordinal))
        {
            foreach (Match match in TestFunction().Matches(File.ReadAllText(file)))
                names.Add(match.Groups[1].Value);
        }
        return names;
    }

    [Theory]
    [MemberData(nameof(TestFunctions))]
    public async Task Go_sdk_test_passes_against_a_running_Flux(string testName)
    {
        var (binary, buildOutput) = await TestBinary.Value;
        Assert.True(binary is not null, $"go test -c failed:\n{buildOutput}");
        var environment = new Dictionary<string, string>(GoEnvironment);
        foreach (var (name, value) in await SdkTestRun.NewMerchantEnvironmentAsync(app))
            environment[name] = value;

        var (exitCode, output) = await SdkTestRun.RunAsync(binary, ["-test.run", $"^{testName}$", "-test.v"], Folder, environment, TestTimeout);

        Assert.True(exitCode == 0, $"{testName} exited with {exitCode}:\n{output}");
        Assert.True(output.Contains($"--- PASS: {testName} ", StringComparison.Ordinal), $"{testName} did not run:\n{output}");
    }

    private static async Task<(string? Binary, string Output)> BuildTestBinaryAsync()
    {
        // Beside the test assembly: this build's own, replaced by the next run.
        var binary = Path.Combine(AppContext.BaseDirectory, "flux-pi-sdk-go.test");
        var (exitCode, output) = await SdkTestRun.RunAsync("go", ["test", "-c", "-tags", "integration", "-o", binary, "."], Folder, GoEnvironment, BuildTimeout);
        return (exitCode == 0 ? binary : null, output);
    }

    [GeneratedRegex(@"^func (Test\w+)\(t \*testing\.T\)", RegexOptions.Multiline)]
    private static partial Regex TestFunction();
}
