using System.Net;
using System.Text.RegularExpressions;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Receipts;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Receipts;

/// <summary>A confirmed order's receipt: its page at an unguessable address, and its mail to the customer, sent once.</summary>
[Collection(FluxAppCollection.Name)]
public sealed partial class ReceiptTests(FluxAppFactory app)
{
    private string MailFolder => Path.Combine(app.DataFolder, "mail");

    [Fact]
    public async Task A_confirmed_order_with_a_customer_email_mails_its_receipt_link_once()
    {
        var merchant = await app.NewApiMerchantAsync();
        var wallet = await app.AddUnwatchedWalletAsync(merchant.TestScope);
        var customer = $"buyer-{Guid.NewGuid():N}@example.com";
        using var client = app.ApiClient(merchant.TestKey);
        using var created = await client.PostJsonAsync("/v1/orders",
            $$"""{"amount": 3.5, "description": "Flat white", "merchant_wallet": "{{wallet}}", "customer_email": "{{customer}}"}""");
        var orderId = (await created.JsonAsync()).GetProperty("order_id").GetString()!;
        var order = (await app.Services.GetRequiredService<OrderService>().GetAsync(merchant.TestScope, orderId))!;

        await app.Services.GetRequiredService<IPaymentSink>().HandleAsync(OrderFixtures.PaymentFor(order, 3.5m), CancellationToken.None);
        var mail = await WaitForMailAsync(customer);
        // However often its job runs again (a retry, a restart), the mail went out once.
        await app.Services.GetRequiredService<ReceiptMail>().SendAsync(orderId, CancellationToken.None);
        await Task.Delay(500);

        Assert.Single(MailsTo(customer));
        Assert.Contains("Flat white", mail);
        Assert.Contains("3.5 Pi", mail);
        var link = ReceiptLink().Match(mail);
        Assert.True(link.Success, mail);
        Assert.StartsWith(app.BaseAddress.ToString().TrimEnd('/') + "/receipts/rcpt_", link.Value);
        Assert.DoesNotContain(orderId, link.Value);
        using var anonymous = app.ApiClient(null);
        using var page = await anonymous.GetAsync(link.Value);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Verified on the Pi chain", html);
        Assert.Contains("Flat white", html);
        Assert.Contains(orderId, html);
        var checkout = await anonymous.GetStringAsync($"/checkout/{orderId}");
        Assert.Contains($"receipts/{link.Value.Split('/')[^1]}", checkout);
    }

    [Fact]
    public async Task An_unknown_receipt_is_not_found_and_an_order_without_an_email_gets_no_mail()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        var order = (await app.Services.GetRequiredService<OrderService>().CreateAsync(merchant.TestScope, new CreateOrderRequest(1m, "Tea"))).Value!;
        await app.Services.GetRequiredService<IPaymentSink>().HandleAsync(OrderFixtures.PaymentFor(order, 1m), CancellationToken.None);
        var receipts = app.Services.GetRequiredService<ReceiptService>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string? token;
        while ((token = await receipts.TokenOfAsync(order.Id)) is null && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        using var anonymous = app.ApiClient(null);
        using var unknown = await anonymous.GetAsync("/receipts/rcpt_unknown");

        Assert.NotNull(token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/receipts/{token}")).StatusCode);
        await app.Services.GetRequiredService<ReceiptMail>().SendAsync(order.Id, CancellationToken.None);
        Assert.Empty(MailsTo(order.Id));
    }

    private async Task<string> WaitForMailAsync(string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && MailsTo(email).Count == 0)
            await Task.Delay(200);
        return Assert.Single(MailsTo(email));
    }

    /// <summary>The mails that name <paramref name="text"/> (an address, an order id).</summary>
    private List<string> MailsTo(string text) => Directory.Exists(MailFolder)
        ? Directory.GetFiles(MailFolder).Select(File.ReadAllText).Where(m => m.Contains(text)).ToList()
        : [];

    [GeneratedRegex("https?://[^\"]+/receipts/rcpt_[0-9A-Za-z]+")]
    private static partial Regex ReceiptLink();
}
