using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Flux.Dashboard.Features.Email;

public static class EmailExtensions
{
    public static void AddFluxEmail(this WebApplicationBuilder builder, FluxDataOptions data)
    {
        var options = builder.Configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IEmailSender<Merchant>, MerchantEmailSender>();

        if (options.Transport == MailTransportKind.Smtp)
        {
            if (string.IsNullOrWhiteSpace(options.Smtp.Host))
                throw new InvalidOperationException("Flux:Email:Transport is Smtp but Flux:Email:Smtp:Host is empty.");
            builder.Services.AddSingleton<IMailTransport, SmtpMailTransport>();
            return;
        }

        var folder = Path.GetFullPath(options.Folder, data.ResolveFolder(builder.Environment.ContentRootPath));
        builder.Services.AddSingleton<IMailTransport>(sp => ActivatorUtilities.CreateInstance<FileMailTransport>(sp, folder));
    }
}
