using Flux.Dashboard.Features.Events;
using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Features.Credits;

public static class CreditsExtensions
{
    public static void AddCredits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CreditsOptions>().Bind(builder.Configuration.GetSection(CreditsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CreditsOptions>, CreditsOptionsValidator>();
        services.AddSingleton<CreditService>();
        services.AddSingleton<PurchaseService>();
        services.AddSingleton<CreditInsights>();
        services.AddTransient<LowCreditMail>();
        services.AddSingleton<IOutboxFanOut, LowCreditMailer>();
    }
}
