using System.Text.Encodings.Web;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Checkout;
using Flux.Dashboard.Features.Email;
using Flux.Dashboard.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Receipts;

/// <summary>
/// The customer's receipt mail for one confirmed order that names a <c>customer_email</c>: the shop, what was bought, the
/// Pi paid and the receipt's link. A Hangfire job, so a mail server that is down is retried; the receipt's
/// <see cref="Receipt.MailedAt"/> is claimed before sending, so however often the job runs (retries, a restart, a second
/// instance) the mail goes out once.
/// </summary>
public sealed class ReceiptMail(
    IDbContextFactory<FluxDbContext> dbFactory, IMailTransport transport, CheckoutShopQuery shops, ReceiptLinks links, TimeProvider clock,
    ILogger<ReceiptMail> logger)
{
    public async Task SendAsync(string orderId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.Set<Order>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        var receipt = await db.Set<Receipt>().AsNoTracking().SingleOrDefaultAsync(r => r.OrderId == orderId, cancellationToken);
        if (order?.CustomerEmail is not { } email || receipt is null)
            return;
        var claimed = await db.Set<Receipt>().Where(r => r.OrderId == orderId && r.MailedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.MailedAt, clock.GetUtcNow()), cancellationToken);
        if (claimed == 0)
            return;

        try
        {
            var shop = await shops.ForAsync(order.MerchantId, cancellationToken);
            await transport.SendAsync(Compose(email, order, shop, links.For(receipt.Token)), cancellationToken);
        }
        catch
        {
            // Not sent: free the claim, so Hangfire's retry sends it.
            await db.Set<Receipt>().Where(r => r.OrderId == orderId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.MailedAt, (DateTimeOffset?)null), CancellationToken.None);
            throw;
        }
        logger.LogInformation("Receipt mail for order {OrderId} sent", orderId);
    }

    private static OutgoingMail Compose(string email, Order order, CheckoutShop shop, string receiptUrl)
    {
        var what = order.Description is { } description ? $" for <strong>{Encode(description)}</strong>" : "";
        return new(email, $"Your receipt from {shop.Name}: {PiFormat.Amount(order.AmountReceived)} Pi",
            $"<p>Thank you for your payment{what} to {Encode(shop.Name)}: {PiFormat.Amount(order.AmountReceived)} Pi, verified on the Pi chain.</p>"
            + $"<p><a href=\"{Encode(receiptUrl)}\">View your receipt</a> (order {order.Id}).</p>");
    }

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
