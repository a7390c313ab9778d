using System.Net;
using System.Net.Sockets;

namespace Flux.Dashboard.Features.Webhooks;

/// <summary>
/// Connects live-mode deliveries only to public addresses. The URL rules check the host when the endpoint is saved;
/// this checks what the name resolves to at every connection, so a name that later points into a private network
/// (DNS rebinding) cannot make Flux POST to it.
/// </summary>
public static class PublicAddressConnector
{
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var address = addresses.FirstOrDefault(WebhookUrlRules.IsPublicAddress)
            ?? throw new HttpRequestException($"{host} does not resolve to a public address; live mode sends events to public addresses only.");
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
