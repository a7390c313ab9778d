using Microsoft.AspNetCore.Identity;

namespace Flux.Dashboard.Features.Accounts;

/// <summary>In Development, makes sure the demo merchant exists so a new developer can sign in at once.</summary>
public sealed class DemoMerchantSeed(
    IServiceScopeFactory scopes, IHostEnvironment environment, AccountsOptions options, ILogger<DemoMerchantSeed> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var demo = options.Demo;
        if (!environment.IsDevelopment() || string.IsNullOrEmpty(demo.Password))
            return;

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Merchant>>();
        if (await users.FindByEmailAsync(demo.Email) is not null)
            return;

        var merchant = new Merchant { UserName = demo.Email, Email = demo.Email, EmailConfirmed = true, TestMode = true };
        var result = await users.CreateAsync(merchant, demo.Password);
        if (result.Succeeded)
            logger.LogInformation("Demo merchant {Email} created", demo.Email);
        else
            logger.LogWarning("Demo merchant {Email} not created: {Errors}", demo.Email,
                string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
