using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flux.E2E.Support;

/// <summary>
/// A merchant's shop on another origin: one static page served by its own Kestrel on another loopback port. (A page
/// faked by Playwright on another host name is not "local", so Chromium's local network checks would stop it from
/// framing Flux; about:blank and data: pages have an opaque origin, which CSP's <c>frame-ancestors *</c> does not cover.)
/// </summary>
public sealed class ShopServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, string> pages;

    private ShopServer(WebApplication app, ConcurrentDictionary<string, string> pages, Uri address) =>
        (this.app, this.pages, Address) = (app, pages, address);

    public Uri Address { get; }

    /// <summary>A shop serving <paramref name="html"/> at <c>/</c>.</summary>
    public static async Task<ShopServer> StartAsync(string html)
    {
        var shop = await StartAsync();
        shop.Serve("/", html);
        return shop;
    }

    /// <summary>A shop serving no page yet: a page that names the shop's own address (a success URL) comes once it listens.</summary>
    public static async Task<ShopServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var pages = new ConcurrentDictionary<string, string>();
        app.MapGet("/{**path}", (HttpContext context) =>
            pages.TryGetValue(context.Request.Path.Value!, out var page) ? Results.Content(page, "text/html") : Results.NotFound());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ShopServer(app, pages, new Uri(address));
    }

    /// <summary>Serves <paramref name="html"/> at <paramref name="path"/> (<c>/thanks</c>), whatever the query.</summary>
    public void Serve(string path, string html) => pages[path] = html;

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
