using Flux.Dashboard.Features.Events;

namespace Flux.Dashboard.Features.Receipts;

public static class ReceiptsExtensions
{
    public static void AddReceipts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection(ReceiptOptions.Section).Get<ReceiptOptions>() ?? new());
        builder.Services.AddSingleton<ReceiptLinks>();
        builder.Services.AddSingleton<ReceiptService>();
        builder.Services.AddTransient<ReceiptMail>();
        builder.Services.AddSingleton<IOutboxFanOut, ReceiptMailer>();
    }
}
