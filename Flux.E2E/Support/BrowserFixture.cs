using Flux.Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Flux.E2E.Support;

/// <summary>Flux on real Kestrel (own temporary data folder) and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    // The browser reaches Flux from 127.0.0.1, trusted here as a proxy, so a scenario can play another client by
    // sending X-Forwarded-For (the sign-in throttle counts per client).
    private readonly FluxAppFactory app = FluxAppFactory.Start(null, new Dictionary<string, string?> { ["Flux:Proxy:KnownProxies:0"] = "127.0.0.1" });
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The running Flux, for scenarios that set up merchants, keys and wallets through its own services.</summary>
    public FluxAppFactory App => app;
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (./test.sh does).");

        BaseAddress = app.BaseAddress;
        // Live updates travel browser → circuit → watcher → outbox → circuit: allow them more than Playwright's 5 s on a busy CI machine.
        Assertions.SetDefaultExpectTimeout(30_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString().TrimEnd('/') });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Flux in Chromium";
}
