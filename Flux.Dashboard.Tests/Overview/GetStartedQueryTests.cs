using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Features.Buttons;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Overview;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Overview;

/// <summary>The "Get started" checklist read from a merchant's real data, in both modes.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class GetStartedQueryTests(FluxAppFactory app)
{
    private GetStartedQuery Checklist => app.Services.GetRequiredService<GetStartedQuery>();

    [Fact]
    public async Task Each_step_ticks_itself_from_the_merchants_data_and_only_a_finished_list_can_be_hidden()
    {
        var test = new MerchantScope(await app.CreateMerchantAsync($"start-{Guid.NewGuid():N}@shop.test"), Livemode: false);
        Assert.Equal(0, (await Checklist.GetAsync(test.MerchantId)).DoneCount);

        var wallet = await app.AddWalletAsync(test);
        var order = await app.InsertOrderAsync(test, wallet, DateTimeOffset.UtcNow);
        var progress = await Checklist.GetAsync(test.MerchantId);
        Assert.Equal(["wallet", "test-order"], progress.Steps.Where(s => s.Done).Select(s => s.Key));
        Assert.Equal($"/orders/{order.Id}", progress.Next!.Href);
        Assert.False(await Checklist.HideAsync(test.MerchantId));

        await using (var db = await app.DbAsync())
        {
            await db.Set<Order>().Where(o => o.Id == order.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Confirmed).SetProperty(o => o.ConfirmedAt, DateTimeOffset.UtcNow));
            await db.Users.Where(m => m.Id == test.MerchantId).ExecuteUpdateAsync(s => s.SetProperty(m => m.ShopName, "Ada's Pies"));
            db.Add(new CreditPurchase
            {
                Id = PublicId.New(CreditPurchase.IdPrefix), MerchantId = test.MerchantId, Livemode = true, Network = "pi-mainnet",
                PayTo = TestAddresses.Random(), Credits = 100, Price = 10, AmountReceived = 10, Status = PurchaseStatus.Paid,
                CreatedAt = DateTimeOffset.UtcNow, PaidAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        await app.Services.GetRequiredService<ButtonService>().CreateAsync(test, new CreateButtonRequest("Buy", 5m));
        await app.Services.GetRequiredService<ApiKeyService>().CreatePairAsync(test, "Server");

        progress = await Checklist.GetAsync(test.MerchantId);
        Assert.True(progress.Complete);
        Assert.True(progress.Shown);
        Assert.True(await Checklist.HideAsync(test.MerchantId));
        Assert.False((await Checklist.GetAsync(test.MerchantId)).Shown);
    }
}
