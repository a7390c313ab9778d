namespace Flux.Dashboard.Features.Wallets;

public static class WalletsExtensions
{
    public static void AddWallets(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<WalletService>();
        builder.Services.AddSingleton<WalletChangeGate>();
        builder.Services.AddSingleton<ActiveWallets>();
    }
}
