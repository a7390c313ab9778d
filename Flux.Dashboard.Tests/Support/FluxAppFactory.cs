using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flux.Dashboard.Tests.Support;

/// <summary>
/// Flux on real Kestrel at 127.0.0.1 on a free port, with its own temporary data folder (real SQLite files for the
/// app and Hangfire), so HTTP clients, browsers and Flux's own watcher reach it over a socket.
/// </summary>
public class FluxAppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@flux.test";

    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;
    private readonly bool ownsDataFolder;

    /// <summary>
    /// Hangfire logs through one provider for the whole process, which each host's <c>AddHangfire</c> points at its own
    /// logger factory. Tests run many hosts in one process: once the host that set it last is disposed, every other
    /// host's Hangfire fails on its disposed factory — a PostgreSQL worker then drops the job it has just fetched, and the
    /// job stays invisible for half an hour. After each start, Hangfire logs to a factory of the test process instead.
    /// </summary>
    private static readonly ILoggerFactory HangfireLogs = LoggerFactory.Create(_ => { });

    public FluxAppFactory() : this(null, new Dictionary<string, string?>(), null)
    {
    }

    /// <summary>
    /// Starts Flux on an existing data folder (a restart) or a new temporary one (null), with extra settings and,
    /// where a test must observe the inside, replaced services.
    /// </summary>
    public static FluxAppFactory Start(string? dataFolder, IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? services = null) => new(dataFolder, settings, services);

    private FluxAppFactory(string? dataFolder, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        ownsDataFolder = dataFolder is null;
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "flux-tests", Guid.NewGuid().ToString("N"));
        this.settings = settings;
        this.services = services;
        UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        GlobalConfiguration.Configuration.UseLogProvider(new AspNetCoreLogProvider(HangfireLogs));
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        ClientOptions.BaseAddress = BaseAddress;
    }

    /// <summary>The address Flux listens on.</summary>
    public Uri BaseAddress { get; }

    public string DataFolder { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Flux:Data:Folder", DataFolder);
        builder.UseSetting("Flux:Admins:0", AdminEmail);
        // Tests call the API far faster than Stripe's per-key limits allow; the rate-limit tests set their own.
        builder.UseSetting("Flux:Api:RateLimits:LiveKeyRequests", "100000");
        builder.UseSetting("Flux:Api:RateLimits:TestKeyRequests", "100000");
        builder.UseSetting("Flux:Api:RateLimits:ClientIpRequests", "100000");
        builder.UseSetting("Flux:Api:RateLimits:SandboxPaymentsPerMerchant", "100000");
        foreach (var (key, value) in TestDatabaseEngine.SettingsFor(DataFolder).Concat(settings))
            builder.UseSetting(key, value);
        if (services is not null)
            builder.ConfigureServices(services);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDataFolder)
            TestDatabaseEngine.DropFor(DataFolder);
        if (disposing && ownsDataFolder && Directory.Exists(DataFolder))
        {
            try { Directory.Delete(DataFolder, recursive: true); }
            catch (IOException) { /* SQLite may still hold a handle for a moment; the temp folder is cleaned by the OS. */ }
        }
    }
}
