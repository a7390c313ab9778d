using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Hosting;

/// <summary>
/// What every response shares for safety: the client's real address and scheme behind a known proxy
/// (<see cref="ProxyOptions"/>), and the headers that keep browsers from sniffing content types or handing Flux's paths
/// (reset and review links carry tokens) to other sites.
/// </summary>
public static class HttpSecurityExtensions
{
    public static void AddFluxHttpSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>()
            .BindConfiguration(ProxyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies: ASP.NET Core's defaults trust loopback.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.Proxies)
                forwarded.KnownProxies.Add(address);
            foreach (var network in proxy.Value.Networks)
                forwarded.KnownIPNetworks.Add(network);
            // Walk X-Forwarded-For back through every known proxy in a chain, stopping at the first address that is not one.
            forwarded.ForwardLimit = null;
        });
        // Identity's cookies are Secure whenever the request came over HTTPS; antiforgery's own default never is.
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
    }

    /// <summary>Goes first, so HSTS, cookies, rate limits and the sign-in throttle all see the client, not the proxy.</summary>
    public static void UseFluxHttpSecurity(this WebApplication app)
    {
        // With no known proxy at all, the middleware would believe anyone's headers: it is left out instead.
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.AnyConfigured)
            app.UseForwardedHeaders();
        app.Use(static (context, next) =>
        {
            // Set as the response starts, so error pages (whose handler clears the headers first) get them too.
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
    }
}
