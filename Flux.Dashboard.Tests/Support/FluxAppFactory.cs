using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Support;

/// <summary>
/// Flux on real Kestrel at 127.0.0.1 on a free port, with its own temporary data folder (real SQLite files for the
/// app and Hangfire), so HTTP clients, browsers and Flux's own watcher reach it over a socket.
/// </summary>
public class FluxAppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@flux.test";

    public FluxAppFactory()
    {
        UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        ClientOptions.BaseAddress = BaseAddress;
    }

    /// <summary>The address Flux listens on.</summary>
    public Uri BaseAddress { get; }

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "flux-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Flux:Data:Folder", DataFolder);
        builder.UseSetting("Flux:Admins:0", AdminEmail);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataFolder))
        {
            try { Directory.Delete(DataFolder, recursive: true); }
            catch (IOException) { /* SQLite may still hold a handle for a moment; the temp folder is cleaned by the OS. */ }
        }
    }
}
