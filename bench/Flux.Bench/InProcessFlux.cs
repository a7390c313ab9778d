using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Wallets;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Bench;

/// <summary>
/// The real app, as Program.cs composes it, on Kestrel at 127.0.0.1 in this process, in Production, with a fresh data
/// folder (real SQLite files). The per-key and per-IP rate limits are lifted: the benchmarks measure the app, not its
/// throttle. Logging is cut to warnings so the console keeps the figures. Given a data folder, it prepares that folder for
/// the app started as a process later (merchants, keys, wallets) and leaves it in place.
/// </summary>
public sealed class InProcessFlux : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly bool ownsDataFolder;

    public InProcessFlux(IReadOnlyDictionary<string, string?>? settings = null, string? dataFolder = null)
    {
        this.settings = settings ?? new Dictionary<string, string?>();
        ownsDataFolder = dataFolder is null;
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "flux-bench", Guid.NewGuid().ToString("N"));
        UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>
    /// The settings every benchmarked Flux runs with, in this process or as one of its own: warnings only in the log,
    /// and rate limits so high that they never throttle.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Unthrottled { get; } = new Dictionary<string, string>
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Flux:Api:RateLimits:LiveKeyRequests"] = "1000000",
        ["Flux:Api:RateLimits:TestKeyRequests"] = "1000000",
        ["Flux:Api:RateLimits:ClientIpRequests"] = "1000000",
        ["Flux:Api:RateLimits:SandboxPaymentsPerMerchant"] = "1000000",
    };

    public Uri BaseAddress { get; }

    public string DataFolder { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Flux:Data:Folder", DataFolder);
        foreach (var (key, value) in Unthrottled)
            builder.UseSetting(key, value);
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }

    /// <summary>
    /// A new test-mode merchant with the given credits and wallets (registered and watched): those of
    /// <paramref name="walletAddresses"/>, or one of a random address.
    /// </summary>
    public async Task<BenchMerchant> NewMerchantAsync(int credits, IReadOnlyList<string>? walletAddresses = null)
    {
        using var scope = Services.CreateScope();
        var email = $"bench-{Guid.NewGuid():N}@shop.test";
        var merchant = new Merchant { UserName = email, Email = email, EmailConfirmed = true };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<Merchant>>().CreateAsync(merchant, "Bench-Horse-42!");
        if (!created.Succeeded)
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        var merchantScope = new MerchantScope(merchant.Id, Livemode: false);

        var wallets = Services.GetRequiredService<WalletService>();
        foreach (var address in walletAddresses ?? [RandomAddress()])
        {
            var added = await wallets.AddAsync(merchantScope, address, "bench");
            if (!added.Succeeded)
                throw new InvalidOperationException($"Wallet not added: {string.Join("; ", added.Errors.Select(e => e.Message))}");
        }

        await using (var db = await Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync())
        {
            await new CreditBook(db, TimeProvider.System).AddAsync(merchant.Id, false, credits, CreditReason.Grant, "benchmark", CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var keys = await Services.GetRequiredService<ApiKeyService>().CreatePairAsync(merchantScope, "bench");
        return new BenchMerchant(merchantScope, keys.Value!.Secret.Secret);
    }

    public static string RandomAddress() =>
        Flux.Dashboard.Chain.StrKey.EncodeEd25519PublicKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Queues every recurring Hangfire job to run now (the every-minute order expiry, webhook sweep and wallet catch-up,
    /// and the hourly and daily purges); Hangfire's workers take them within a second.
    /// </summary>
    public void TriggerRecurringJobs()
    {
        using var connection = Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = Services.GetRequiredService<IRecurringJobManager>();
        foreach (var job in connection.GetRecurringJobs())
            jobs.Trigger(job.Id);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!ownsDataFolder)
            return;
        try { Directory.Delete(DataFolder, recursive: true); }
        catch (IOException) { /* SQLite may hold a handle for a moment; the temp folder is the OS's to clean. */ }
    }
}

public sealed record BenchMerchant(MerchantScope Scope, string SecretKey);
