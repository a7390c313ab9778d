namespace Flux.Dashboard.Features.Refunds;

public static class RefundsExtensions
{
    public static void AddRefunds(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RefundService>();
        builder.Services.AddSingleton<RefundPaymentSimulator>();
    }
}
