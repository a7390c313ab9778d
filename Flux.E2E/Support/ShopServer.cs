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

    private ShopServer(WebApplication app, Uri address) => (this.app, Address) = (app, address);

    public Uri Address { get; }

    public static async Task<ShopServer> StartAsync(string html)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(html, "text/html"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ShopServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
