using Flux.Dashboard.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Flux.Dashboard.Features.Accounts;

public static class AccountsExtensions
{
    public static void AddFluxAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var accounts = builder.Configuration.GetSection(AccountsOptions.Section).Get<AccountsOptions>() ?? new();
        services.AddSingleton(accounts);

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization();

        services.AddIdentityCore<Merchant>(options =>
            {
                options.SignIn.RequireConfirmedAccount = accounts.RequireConfirmedEmail;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                // Counts wrong two-factor codes only, from someone who knew the password: wrong passwords go to the
                // sign-in throttle (MerchantSignIn), so nobody can lock a merchant out by guessing.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<FluxDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddOptions<SignInThrottleOptions>()
            .BindConfiguration(SignInThrottleOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<InMemorySignInThrottle>();
        // With Redis, the instances' shared throttle has taken this place (ScaleOut.RedisSignInThrottle).
        services.TryAddSingleton<ISignInThrottle>(sp => sp.GetRequiredService<InMemorySignInThrottle>());
        services.AddSingleton<NoAccountPasswordHash>();
        services.AddScoped<MerchantSignIn>();
        services.AddTransient<ExistingAccountMail>();

        services.AddTransient<IClaimsTransformation, AdminRoleClaims>();
        services.AddScoped<MerchantPreferences>();
        services.AddScoped<SampleData>();
        services.AddHostedService<DemoMerchantSeed>();
    }
}
