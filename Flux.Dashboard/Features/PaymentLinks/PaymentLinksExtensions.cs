using Flux.Dashboard.Api;

namespace Flux.Dashboard.Features.PaymentLinks;

public static class PaymentLinksExtensions
{
    public static void AddPaymentLinks(this WebApplicationBuilder builder) => builder.Services.AddSingleton<PaymentLinkService>();

    public static FluxApi MapPaymentLinks(this FluxApi api) => api.MapPaymentLinksApi();
}
