using System.Text.RegularExpressions;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Tests.Crash;

/// <summary>
/// The merchant the crash check sells for, made before Flux first serves: its test key by Flux's own
/// <c>keys create</c> command, and a sandbox refill (through the app's <see cref="CreditBook"/>) of one credit per order
/// on top of the 100 a test ledger starts with, so no order of the run waits for credit.
/// </summary>
internal sealed partial record CrashMerchant(string MerchantId, string SecretKey)
{
    public const string Email = "crash-check@flux.test";

    /// <summary>Its password, for signing in on the dashboard.</summary>
    public const string Password = "Crash-Check!2026";

    public static async Task<CrashMerchant> CreateAsync(string dataFolder, int orders)
    {
        // The command finds merchants, it does not register them; only in Development does start-up (and so the command)
        // make one, the demo merchant. The runs under test are Production all the same.
        var (exitCode, output) = await FluxProcess.RunCommandAsync(dataFolder, "Development",
            TestDatabaseEngine.With(dataFolder, new Dictionary<string, string> { ["Flux:Demo:Email"] = Email, ["Flux:Demo:Password"] = Password }),
            ["keys", "create", "--email", Email, "--mode", "test", "--name", "Crash check"], TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, $"keys create exited with {exitCode}:\n{output}");
        var secretKey = SecretKeyPattern().Match(output).Value;

        await using var db = FluxDatabaseFile.Open(dataFolder, readOnly: false);
        var merchantId = await db.Users.Where(u => u.Email == Email).Select(u => u.Id).SingleAsync();
        await new CreditBook(db, TimeProvider.System)
            .AddAsync(merchantId, livemode: false, orders, CreditReason.SandboxRefill, "Crash check: a credit for every order", CancellationToken.None);
        await db.SaveChangesAsync();
        return new CrashMerchant(merchantId, secretKey);
    }

    [GeneratedRegex("sk_test_[0-9A-Za-z]{32}")]
    private static partial Regex SecretKeyPattern();
}
