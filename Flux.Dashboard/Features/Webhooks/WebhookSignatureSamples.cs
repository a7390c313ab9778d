namespace Flux.Dashboard.Features.Webhooks;

/// <summary>The signature checks the webhooks docs page shows; a test runs <see cref="JavaScriptVerify"/> in node against real deliveries.</summary>
public static class WebhookSignatureSamples
{
    public const string JavaScriptVerify = """
        const crypto = require('crypto');

        // rawBody: the request body exactly as received (string or Buffer), before any JSON parsing.
        function verifyFluxSignature(rawBody, signatureHeader, secret, toleranceSeconds = 300) {
          const parts = {};
          for (const part of String(signatureHeader || '').split(',')) {
            const [key, value] = part.trim().split('=');
            if (key && value && !(key in parts)) parts[key] = value;
          }
          const timestamp = Number(parts.t);
          if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(parts.v1 || '')) return false;
          // Refuse old (or future) timestamps: a captured delivery cannot be replayed later.
          if (Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) return false;
          const expected = crypto.createHmac('sha256', secret).update(`${parts.t}.${rawBody}`).digest();
          return crypto.timingSafeEqual(Buffer.from(parts.v1, 'hex'), expected);
        }
        """;

    public const string JavaScriptExpress = """
        const express = require('express');
        const app = express();

        // express.raw keeps the body as bytes: the signature covers the exact text Flux sent.
        app.post('/flux/webhooks', express.raw({ type: 'application/json' }), (req, res) => {
          if (!verifyFluxSignature(req.body, req.get('Flux-Signature'), process.env.FLUX_WEBHOOK_SECRET)) {
            return res.status(400).send('Invalid signature');
          }
          const event = JSON.parse(req.body);
          if (event.type === 'order.confirmed') {
            // fulfil event.data.order_id — once: a retried delivery carries the same event.id
          }
          res.sendStatus(200);
        });
        """;

    public const string CSharpVerify = """
        using System.Security.Cryptography;
        using System.Text;

        public static class FluxWebhook
        {
            public static bool Verify(string rawBody, string? signatureHeader, string secret, TimeSpan? tolerance = null)
            {
                string? t = null, v1 = null;
                foreach (var part in (signatureHeader ?? "").Split(','))
                {
                    var pair = part.Trim().Split('=', 2);
                    if (pair.Length != 2) continue;
                    if (pair[0] == "t") t ??= pair[1];
                    if (pair[0] == "v1") v1 ??= pair[1];
                }
                if (!long.TryParse(t, out var seconds) || v1 is not { Length: 64 })
                    return false;
                // Refuse old (or future) timestamps: a captured delivery cannot be replayed later.
                var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds);
                if (age.Duration() > (tolerance ?? TimeSpan.FromMinutes(5)))
                    return false;
                var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{rawBody}"));
                try
                {
                    return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(v1));
                }
                catch (FormatException)
                {
                    return false;
                }
            }
        }
        """;

    public const string CSharpEndpoint = """
        app.MapPost("/flux/webhooks", async (HttpRequest request, IConfiguration config) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            if (!FluxWebhook.Verify(body, request.Headers["Flux-Signature"], config["Flux:WebhookSecret"]!))
                return Results.BadRequest("Invalid signature");
            using var fluxEvent = JsonDocument.Parse(body);
            // fulfil on "order.confirmed" — once: a retried delivery carries the same event id
            return Results.Ok();
        });
        """;
}
