namespace Flux.Dashboard.Features.Payments;

public static class PaymentsExtensions
{
    public static void AddPayments(this WebApplicationBuilder builder) => builder.Services.AddSingleton<PaymentsQuery>();
}
