using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Flux.Dashboard.Features.Checkout;

public static class CheckoutExtensions
{
    /// <summary>Where the hosted checkout lives: <c>/checkout/{order_id}</c>.</summary>
    public const string PathPrefix = "/checkout";

    public static void AddCheckout(this WebApplicationBuilder builder) => builder.Services.AddSingleton<CheckoutShopQuery>();

    /// <summary>The checkout of an order, to send a customer: <c>{base}/checkout/{order_id}</c>.</summary>
    public static string UrlFor(string baseUri, string orderId) => $"{baseUri.TrimEnd('/')}{PathPrefix}/{orderId}";

    /// <summary>
    /// The checkout opens in an overlay iframe on the merchant's own site (docs/architecture.md, "The button and the checkout"), so, unlike every other page,
    /// it may be framed by any origin. Scripts still come only from Flux. Headers are settled as the response starts,
    /// after anything else (antiforgery writes <c>X-Frame-Options: SAMEORIGIN</c>) has had its say.
    /// </summary>
    public static WebApplication UseCheckoutFraming(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(PathPrefix))
            {
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    headers.Remove("X-Frame-Options");
                    headers.ContentSecurityPolicy = ContentSecurityPolicyFor(context);
                    if (context.Items.ContainsKey(NotFoundItem))
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                });
            }
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// Any page may frame the checkout; scripts run only from Flux's own files, plus the one inline script Blazor
    /// writes, the import map, allowed by its hash.
    /// </summary>
    public static string ContentSecurityPolicyFor(HttpContext context)
    {
        var importMap = context.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>();
        var inline = importMap is null
            ? ""
            : $" 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap.ToString())))}'";
        return $"frame-ancestors *; script-src 'self'{inline}; object-src 'none'; base-uri 'self'";
    }

    private static readonly object NotFoundItem = new();

    /// <summary>The checkout found no such order: its friendly page goes out with status 404.</summary>
    public static void MarkNotFound(HttpContext context) => context.Items[NotFoundItem] = true;
}
