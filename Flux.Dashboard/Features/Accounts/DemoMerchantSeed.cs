using Microsoft.AspNetCore.Identity;

namespace Flux.Dashboard.Features.Accounts;

/// <summary>
/// In Development, makes sure the demo merchant exists so a new developer can sign in at once; a newly created one gets
/// sample data (<see cref="SampleData"/>) as soon as Flux serves, so every page shows what it does.
/// </summary>
public sealed class DemoMerchantSeed(
    IServiceScopeFactory scopes, IHostEnvironment environment, AccountsOptions options, ILogger<DemoMerchantSeed> logger,
    IHostApplicationLifetime? lifetime = null)
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
        if (!result.Succeeded)
        {
            logger.LogWarning("Demo merchant {Email} not created: {Errors}", demo.Email,
                string.Join("; ", result.Errors.Select(e => e.Description)));
            return;
        }
        logger.LogInformation("Demo merchant {Email} created", demo.Email);
        // The sample payments travel through the sandbox Horizon this app serves, so they wait until it listens. The
        // keys command never starts the host: its demo merchant stays empty.
        if (demo.SampleData && lifetime is not null)
            lifetime.ApplicationStarted.Register(() => _ = AddSampleDataAsync(merchant.Id, lifetime.ApplicationStopping));
    }

    private async Task AddSampleDataAsync(string merchantId, CancellationToken stopping)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SampleData>().AddAsync(merchantId, stopping);
            logger.LogInformation("Sample data added for the demo merchant");
        }
        catch (Exception failure) when (!stopping.IsCancellationRequested)
        {
            logger.LogWarning(failure, "Sample data for the demo merchant could not be added");
        }
        catch (OperationCanceledException)
        {
            // Flux is stopping: the demo merchant keeps what was added so far.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
