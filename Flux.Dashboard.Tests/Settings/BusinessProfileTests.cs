using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Settings;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Settings;

/// <summary>Settings → Business: what the checkout shows of the shop, and the dashboard's time zone.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class BusinessProfileTests(FluxAppFactory app)
{
    [Fact]
    public void Each_field_is_checked_and_empty_fields_are_fine()
    {
        Assert.Empty(BusinessProfile.Empty.Errors());
        Assert.Empty(new BusinessProfile("Ada's Pies", "https://ada.example/logo.png", "help@ada.example", "Europe/Berlin").Errors());

        var errors = new BusinessProfile(new string('x', Merchant.MaxShopNameLength + 1), "http://ada.example/logo.png", "not an address", "Mars/Base")
            .Errors().Select(e => e.Field);

        Assert.Equal(["ShopName", "LogoUrl", "SupportEmail", "TimeZone"], errors);
        Assert.Contains(new BusinessProfile(null, "javascript:alert(1)", null, null).Errors(), e => e.Field == "LogoUrl");
    }

    [Fact]
    public async Task A_saved_profile_is_trimmed_with_empty_fields_null_and_a_wrong_one_saves_nothing()
    {
        var merchantId = await app.CreateMerchantAsync($"business-{Guid.NewGuid():N}@shop.test");
        var service = app.Services.GetRequiredService<BusinessProfileService>();

        Assert.Empty(await service.SaveAsync(merchantId, new BusinessProfile("  Ada's Pies ", " ", "help@ada.example", "Asia/Tokyo")));
        Assert.Equal(new BusinessProfile("Ada's Pies", null, "help@ada.example", "Asia/Tokyo"), await service.GetAsync(merchantId));

        Assert.NotEmpty(await service.SaveAsync(merchantId, new BusinessProfile("Other", null, "nope", null)));
        await using var db = await app.DbAsync();
        Assert.Equal("Ada's Pies", await db.Users.Where(m => m.Id == merchantId).Select(m => m.ShopName).SingleAsync());
    }
}
