using System.Net;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Reviews;

/// <summary>The shop name a merchant sets in the profile is what customers see on review pages and in the widget.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class ShopNameTests(FluxAppFactory app)
{
    [Fact]
    public async Task The_shop_name_saved_in_the_profile_replaces_the_e_mail_domain_and_clearing_it_brings_the_domain_back()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var browser = await app.SignedInClientAsync(merchant.Email);
        Assert.Equal("shop.test", await WidgetMerchantNameAsync(merchant));

        using var saved = await SaveShopNameAsync(browser, "  Ada's <Tea> Room  ");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode); // also: the empty phone field a browser posts is "no phone number"
        Assert.Equal("Ada's <Tea> Room", await WidgetMerchantNameAsync(merchant));
        Assert.Contains("value=\"Ada&#x27;s &lt;Tea&gt; Room\"", await browser.GetStringAsync("/Account/Manage"));

        using var cleared = await SaveShopNameAsync(browser, "");

        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Equal("shop.test", await WidgetMerchantNameAsync(merchant));
    }

    [Fact]
    public async Task A_shop_name_over_80_characters_is_a_field_error_and_changes_nothing()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var browser = await app.SignedInClientAsync(merchant.Email);

        using var response = await SaveShopNameAsync(browser, new string('x', 81));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Keep the shop name to 80 characters or fewer.", await response.Content.ReadAsStringAsync());
        Assert.Equal("shop.test", await WidgetMerchantNameAsync(merchant));
    }

    private static Task<HttpResponseMessage> SaveShopNameAsync(HttpClient browser, string name) =>
        browser.PostFormAsync("/Account/Manage", "profile", new() { ["Input.ShopName"] = name, ["Input.PhoneNumber"] = "" });

    private async Task<string?> WidgetMerchantNameAsync(ApiMerchant merchant)
    {
        using var client = app.ApiClient(merchant.Test.Publishable.Secret);
        var list = await (await client.GetAsync("/v1/public/reviews")).JsonAsync();
        return list.GetProperty("merchant_name").GetString();
    }
}
