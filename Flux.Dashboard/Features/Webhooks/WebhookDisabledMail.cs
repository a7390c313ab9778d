using System.Text.Encodings.Web;
using Flux.Dashboard.Features.Email;

namespace Flux.Dashboard.Features.Webhooks;

/// <summary>The one mail a merchant gets when Flux gives up on an endpoint that kept failing.</summary>
public sealed class WebhookDisabledMail(IMailTransport transport)
{
    public Task SendAsync(string email, WebhookEndpoint endpoint, TimeSpan failingFor, CancellationToken cancellationToken) =>
        transport.SendAsync(new(email, "Flux disabled a failing webhook endpoint",
            $"<p>Flux could not deliver events to your webhook endpoint <strong>{Encode(endpoint.Url)}</strong> ({endpoint.Id}, "
            + $"{(endpoint.Livemode ? "live" : "test")} mode) for {failingFor.TotalDays:0.#} days, so it has stopped sending to it.</p>"
            + "<p>Fix the endpoint, then enable it again under Developers → Webhooks (or with <code>{\"disabled\": false}</code> in "
            + $"<code>POST /v1/webhook_endpoints/{endpoint.Id}</code>); you can redeliver missed events from its delivery log.</p>"),
            cancellationToken);

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
