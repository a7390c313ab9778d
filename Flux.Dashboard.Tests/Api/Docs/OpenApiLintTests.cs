using System.Diagnostics;
using System.Text.Json;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Api.Docs;

/// <summary>
/// The OpenAPI document passes Redocly's recommended rules (issue #27 item 6) with no error and no warning: the npm
/// package @redocly/cli in Api/Docs/Redocly (test.sh runs npm ci there), on the document the running Flux serves.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class OpenApiLintTests(FluxAppFactory app)
{
    private static readonly string Folder =
        RepositoryFolder.Path("Flux.Dashboard.Tests", "Api", "Docs", "Redocly");

    [Fact]
    public async Task The_document_passes_redoclys_recommended_rules_without_an_error_or_a_warning()
    {
        var cli = Path.Combine(Folder, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"@redocly/cli is not installed: run npm ci in {Folder}");
        var file = Path.Combine(Path.GetTempPath(), $"flux-openapi-{Guid.NewGuid():N}.json");
        using (var client = app.CreateClient())
            await File.WriteAllTextAsync(file, await client.GetStringAsync("/openapi/v1.json"));

        try
        {
            var (exitCode, output) = await RunAsync("node", [cli, "lint", file, "--config", Path.Combine(Folder, "redocly.yaml"), "--format=json"]);

            var report = JsonDocument.Parse(output).RootElement;
            var totals = report.GetProperty("totals");
            var problems = report.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}");
            Assert.True(totals.GetProperty("errors").GetInt32() == 0 && totals.GetProperty("warnings").GetInt32() == 0,
                string.Join("\n", problems));
            Assert.Equal(0, exitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        // Nothing leaves the machine: no usage telemetry, no update check.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        var output = await stdout;
        Assert.True(output.TrimStart().StartsWith('{'), $"redocly printed no report (exit {process.ExitCode}):\n{output}\n{await stderr}");
        return (process.ExitCode, output);
    }
}
