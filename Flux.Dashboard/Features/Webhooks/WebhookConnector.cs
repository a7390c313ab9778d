using System.Net;
using System.Net.Sockets;

namespace Flux.Dashboard.Features.Webhooks;

/// <summary>
/// Opens a webhook delivery's connection, or a request to the operator's rate provider, only to an address Flux may send to: a public one (<see cref="PublicAddresses"/>), or
/// loopback where the operator allows it for test mode (<see cref="WebhookOptions.AllowLoopback"/>). The URL rules check
/// the host when the endpoint is saved; this checks the address the name resolves to at every connection, so a name that
/// later points into a private network (DNS rebinding), or a row older than the rules, cannot make Flux POST there.
/// </summary>
public sealed class WebhookConnector(bool loopbackAllowed)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var address = addresses.FirstOrDefault(MayConnect)
            ?? throw new HttpRequestException($"{host} does not resolve to a public address; Flux connects to public addresses only.");
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

    private bool MayConnect(IPAddress address) => PublicAddresses.IsPublic(address) || (loopbackAllowed && IPAddress.IsLoopback(address));
}
