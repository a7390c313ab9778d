using Flux.Dashboard.Features.Accounts;
using MudBlazor;

namespace Flux.Dashboard.Features.Refunds;

/// <summary>Opens <see cref="NewRefundDialog"/> for an order or an unmatched payment, the same way from every page.</summary>
public static class RefundDialog
{
    public static Task ShowAsync(IDialogService dialogs, MerchantScope scope, string? orderId = null, string? paymentId = null) =>
        dialogs.ShowAsync<NewRefundDialog>("Refund", new DialogParameters<NewRefundDialog>
        {
            { d => d.Scope, scope }, { d => d.OrderId, orderId }, { d => d.PaymentId, paymentId },
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
}
