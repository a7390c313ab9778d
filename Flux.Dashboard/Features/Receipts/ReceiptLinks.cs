using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Flux.Dashboard.Features.Receipts;

/// <summary><c>Flux:Receipts</c>: where the receipt mail's link points.</summary>
public sealed class ReceiptOptions
{
    public const string Section = "Flux:Receipts";

    /// <summary>The address customers reach Flux at (<c>https://pay.example.com</c>); empty uses the address Flux listens on.</summary>
    public string? BaseUrl { get; set; }
}

/// <summary>The absolute link of a receipt outside any request (a mail job): the configured base, else Flux's own address.</summary>
public sealed class ReceiptLinks(ReceiptOptions options, IServer server)
{
    public string For(string token) => Receipt.UrlFor(BaseUrl(), token);

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.BaseUrl))
            return options.BaseUrl;
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        // A wildcard binding (http://+:80, http://[::]:80) is no address to visit: the machine itself is.
        return listening.Replace("://+", "://localhost").Replace("://*", "://localhost")
            .Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost");
    }
}
