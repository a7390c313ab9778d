namespace Flux.Dashboard.Features.Sandbox;

public static class TestPaymentsExtensions
{
    public static void AddTestPayments(this WebApplicationBuilder builder) => builder.Services.AddSingleton<TestPayments>();
}
