using System.Diagnostics;
using System.Text;

namespace Flux.Dashboard.Features.Webhooks;

/// <summary>One signed POST of a delivery's payload; any 2xx is a success, redirects are not followed.</summary>
public sealed class WebhookSender(IHttpClientFactory httpFactory, WebhookOptions options, TimeProvider clock)
{
    /// <summary>The HTTP client of a mode's deliveries: each connects only where its mode may send (<see cref="WebhookConnector"/>).</summary>
    public static string ClientName(bool livemode) => livemode ? "webhooks-live" : "webhooks-test";

    public async Task<WebhookAttempt> SendAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, int number, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(endpoint.Secret, at, delivery.Payload));
        var stopwatch = Stopwatch.StartNew();
        int? status = null;
        string? excerpt = null, error = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            using var response = await httpFactory.CreateClient(ClientName(endpoint.Livemode)).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
            excerpt = await ExcerptAsync(response, timeout.Token);
            if (status is >= 300 and < 400)
                error = $"Redirects are not followed (to {response.Headers.Location}).";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"No answer within {options.Timeout.TotalSeconds:0.#} s.";
        }
        catch (HttpRequestException ex)
        {
            error = ex.Message;
        }
        return new WebhookAttempt
        {
            DeliveryId = delivery.Id,
            Number = number,
            RequestBody = delivery.Payload,
            ResponseStatus = status,
            ResponseExcerpt = excerpt,
            DurationMs = stopwatch.ElapsedMilliseconds,
            Error = error,
            AttemptedAt = at,
        };
    }

    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
        var buffer = new char[WebhookAttempt.MaxExcerptLength];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        return new string(buffer, 0, read);
    }
}
