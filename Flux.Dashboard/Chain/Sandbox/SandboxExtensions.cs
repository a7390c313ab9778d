namespace Flux.Dashboard.Chain.Sandbox;

public static class SandboxExtensions
{
    public static void AddSandboxLedger(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SandboxLedgerSignal>();
        builder.Services.AddSingleton<SandboxLedger>();
        builder.Services.AddSingleton<SandboxPayments>();
    }
}
