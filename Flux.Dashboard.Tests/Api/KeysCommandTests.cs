using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Flux.Dashboard.Common;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flux.Dashboard.Tests.Api;

/// <summary><c>keys create</c> prints a working key pair and exits; bad arguments print the usage and exit with 2.</summary>
[Collection(FluxAppCollection.Name)]
public sealed partial class KeysCommandTests(FluxAppFactory app)
{
    [Fact]
    public async Task Keys_create_prints_a_pair_whose_secret_key_works()
    {
        var email = $"cli-{Guid.NewGuid():N}@shop.test";
        await app.CreateMerchantAsync(email);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await KeysCommand.RunAsync(app.Services, ["keys", "create", "--email", email, "--mode", "test", "--name", "ci"], output, error, CancellationToken.None);

        Assert.Equal(0, exit);
        var secret = SecretKey().Match(output.ToString()).Value;
        Assert.StartsWith("sk_test_", secret);
        Assert.Matches(PublishableKey(), output.ToString());
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(secret).GetAsync("/v1/payments")).StatusCode);
    }

    [Theory]
    [InlineData("keys")]
    [InlineData("keys create")]
    [InlineData("keys create --email a@b.test")]
    [InlineData("keys create --email a@b.test --mode staging")]
    [InlineData("keys create --email a@b.test --mode test --color blue")]
    [InlineData("keys create --email a@b.test --mode test --name")]
    [InlineData("keys create --email a@b.test --email c@d.test --mode test")]
    [InlineData("keys list")]
    public async Task Bad_arguments_print_the_usage_and_exit_with_2(string arguments)
    {
        var error = new StringWriter();

        var exit = await KeysCommand.RunAsync(app.Services, arguments.Split(' '), TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("Usage:", error.ToString());
    }

    [Fact]
    public async Task An_unknown_merchant_exits_with_1()
    {
        var error = new StringWriter();

        var exit = await KeysCommand.RunAsync(app.Services, ["keys", "create", "--email=nobody@shop.test", "--mode=live"], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("nobody@shop.test", error.ToString());
    }

    [Fact]
    public async Task The_built_app_creates_a_key_for_the_development_demo_merchant_without_serving()
    {
        var folder = Path.Combine(Path.GetTempPath(), "flux-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, stdout, stderr) = await RunAppAsync(folder, "keys", "create", "--email", "demo@flux.local", "--mode", "test", "--name", "cli");

            Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
            var secret = SecretKey().Match(stdout).Value;
            Assert.StartsWith("sk_test_", secret);

            // The printed key is one the app accepts: the demo merchant's, in test mode.
            var keys = new ApiKeyService(TestDatabaseEngine.FactoryFor(folder), new ApiKeyCache(TimeProvider.System, new NoOtherInstances()), TimeProvider.System, NullLogger<ApiKeyService>.Instance);
            var key = await keys.AuthenticateAsync(secret);
            Assert.NotNull(key);
            Assert.False(key.Livemode);
            await using var db = TestDatabaseEngine.ContextFor(folder);
            Assert.Equal("demo@flux.local", await db.Users.Where(u => u.Id == key.MerchantId).Select(u => u.Email).SingleAsync());

            var (badExit, _, usage) = await RunAppAsync(folder, "keys", "create", "--mode", "staging");
            Assert.Equal(2, badExit);
            Assert.Contains("Usage:", usage);
        }
        finally
        {
            TestDatabaseEngine.DropFor(folder);
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* the OS cleans the temp folder */ }
        }
    }

    /// <summary>Runs Flux.Dashboard.dll as <c>dotnet run</c> would, in Development, on its own data folder.</summary>
    private static async Task<(int Exit, string Stdout, string Stderr)> RunAppAsync(string dataFolder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Flux.Dashboard.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Flux__Data__Folder"] = dataFolder;
        foreach (var (key, value) in TestDatabaseEngine.SettingsFor(dataFolder))
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["Flux__Demo__Email"] = "demo@flux.local";
        start.Environment["Flux__Demo__Password"] = "FluxDemo!2026";
        // No port is opened; were the server to start anyway, it must not take port 5000.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The keys command did not exit: {await stdout}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    [GeneratedRegex(@"sk_(test|live)_[0-9A-Za-z]{32}")]
    private static partial Regex SecretKey();

    [GeneratedRegex(@"pk_(test|live)_[0-9A-Za-z]{32}")]
    private static partial Regex PublishableKey();
}
