using System.Text.RegularExpressions;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Sdk;

/// <summary>
/// Runs each test file of the Ruby SDK (sdk/ruby/test/unit and test/integration, minitest) against this Flux on Kestrel,
/// each as a merchant of its own (FLUX_API_KEY, FLUX_LIVE_API_KEY, FLUX_BASE_URL, FLUX_WALLET).
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed partial class RubySdkTests(FluxAppFactory app)
{
    private static readonly TimeSpan RubyTimeout = TimeSpan.FromMinutes(2);
    private static readonly string Folder = SdkTestRun.SdkFolder("ruby");

    public static TheoryData<string> TestFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, "test"), "*_test.rb", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            files.Add(Path.GetRelativePath(Folder, file).Replace('\\', '/'));
        return files;
    }

    [Theory]
    [MemberData(nameof(TestFiles))]
    public async Task Ruby_sdk_test_file_passes_against_a_running_Flux(string testFile)
    {
        var environment = await SdkTestRun.NewMerchantEnvironmentAsync(app);

        var (exitCode, output) = await SdkTestRun.RunAsync("ruby", ["-w", "-Ilib", "-Itest", testFile], Folder, environment, RubyTimeout);

        Assert.True(exitCode == 0, $"ruby {testFile} exited with {exitCode}:\n{output}");
        var summary = Summary().Match(output);
        Assert.True(summary.Success && int.Parse(summary.Groups[1].Value) > 0, $"{testFile} ran no test, or skipped one:\n{output}");
    }

    [GeneratedRegex(@"^(\d+) runs, \d+ assertions, 0 failures, 0 errors, 0 skips$", RegexOptions.Multiline)]
    private static partial Regex Summary();
}
