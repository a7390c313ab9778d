using Flux.Dashboard.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

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
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<FluxDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddTransient<IClaimsTransformation, AdminRoleClaims>();
        services.AddScoped<MerchantPreferences>();
        services.AddHostedService<DemoMerchantSeed>();
    }
}
