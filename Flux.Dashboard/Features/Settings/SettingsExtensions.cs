namespace Flux.Dashboard.Features.Settings;

public static class SettingsExtensions
{
    public static void AddSettings(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BusinessProfileService>();
        builder.Services.AddSingleton<DefaultOrderLifetimes>();
    }
}
