using Bunit;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Payments;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Tests.Payments;

/// <summary>The Payments page shows who sent each payment in full, with a copy button: a refund goes to that address.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class PaymentsPageTests : DashboardComponentTest
{
    private readonly FluxAppFactory app;

    public PaymentsPageTests(FluxAppFactory app)
    {
        this.app = app;
        Services.AddSingleton(app.Services.GetRequiredService<PaymentsQuery>());
        Services.AddSingleton(app.Services.GetRequiredService<ConfirmationService>());
        Services.AddSingleton(app.Services.GetRequiredService<IOptions<ChainOptions>>());
        Services.AddSingleton(app.Services.GetRequiredService<Flux.Dashboard.Features.Events.EventBus>());
    }

    [Fact]
    public async Task An_unmatched_payments_sender_is_shown_whole_and_can_be_copied()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = (await app.Services.GetRequiredService<OrderService>().CreateAsync(scope, new CreateOrderRequest(3m, null))).Value!;
        var payment = OrderFixtures.PaymentFor(order, 3m, memo: "no such order");
        await app.Services.GetRequiredService<ConfirmationService>().HandleAsync([payment], CancellationToken.None);

        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<CascadingValue<MerchantScope>>(p => p.Add(c => c.Value, scope).AddChildContent<PaymentsPage>());

        var from = page.WaitForElement("[data-testid='payment-from']");
        Assert.Equal(56, payment.Record.From!.Length);
        Assert.Contains(payment.Record.From, from.TextContent);
        Assert.NotNull(from.QuerySelector("button[aria-label='Copy sender address']"));
    }
}
