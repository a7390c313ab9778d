using Flux.Dashboard.Features.Settings;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Reviews;

/// <summary>The shop name a merchant sets in Settings → Business is what customers see on review pages and in the widget.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class ShopNameTests(FluxAppFactory app)
{
    private BusinessProfileService Business => app.Services.GetRequiredService<BusinessProfileService>();

    [Fact]
    public async Task The_shop_name_saved_in_settings_replaces_the_e_mail_domain_and_clearing_it_brings_the_domain_back()
    {
        var merchant = await app.NewApiMerchantAsync();
        Assert.Equal("shop.test", await WidgetMerchantNameAsync(merchant));

        Assert.Empty(await Business.SaveAsync(merchant.MerchantId, new BusinessProfile("  Ada's <Tea> Room  ", null, null, null)));

        Assert.Equal("Ada's <Tea> Room", await WidgetMerchantNameAsync(merchant));

        Assert.Empty(await Business.SaveAsync(merchant.MerchantId, BusinessProfile.Empty));

        Assert.Equal("shop.test", await WidgetMerchantNameAsync(merchant));
    }

    [Fact]
    public async Task A_shop_name_over_80_characters_is_a_field_error_and_changes_nothing()
    {
        var merchant = await app.NewApiMerchantAsync();

        var errors = await Business.SaveAsync(merchant.MerchantId, new BusinessProfile(new string('x', 81), null, null, null));

        Assert.Equal("Keep the shop name to 80 characters or fewer.", Assert.Single(errors).Message);
        Assert.Equal("shop.test", await WidgetMerchantNameAsync(merchant));
    }

    private async Task<string?> WidgetMerchantNameAsync(ApiMerchant merchant)
    {
        using var client = app.ApiClient(merchant.Test.Publishable.Secret);
        var list = await (await client.GetAsync("/v1/public/reviews")).JsonAsync();
        return list.GetProperty("merchant_name").GetString();
    }
}
