using System.Net;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Api;

/// <summary>A path the API has, asked with a method it does not take: 405 in the error shape, naming in Allow what it takes.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class WrongMethodTests(FluxAppFactory app)
{
    private static Task<ApiMerchant>? merchant;

    private Task<ApiMerchant> MerchantAsync() => LazyInitializer.EnsureInitialized(ref merchant, () => app.NewApiMerchantAsync());

    [Theory]
    [InlineData("GET", "/order/confirm", "POST")]
    [InlineData("PUT", "/request", "POST")]
    [InlineData("PUT", "/v1/orders", "GET, POST")]
    [InlineData("PATCH", "/v1/orders", "GET, POST")]
    [InlineData("DELETE", "/v1/orders", "GET, POST")]
    [InlineData("OPTIONS", "/v1/orders", "GET, POST")]
    [InlineData("PUT", "/v1/orders/ord_x", "GET")]
    [InlineData("GET", "/v1/orders/ord_x/cancel", "POST")]
    [InlineData("POST", "/v1/credits/balance", "GET")]
    [InlineData("DELETE", "/v1/public/orders/ord_x", "GET")]
    public async Task A_method_the_path_does_not_take_is_405_naming_the_methods_it_takes(string method, string path, string allow)
    {
        using var withKey = app.ApiClient((await MerchantAsync()).TestKey);
        using var withoutKey = app.ApiClient(null);

        foreach (var client in new[] { withKey, withoutKey })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

            var error = await response.AssertApiErrorAsync(HttpStatusCode.MethodNotAllowed, "invalid_request");
            Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
            Assert.Contains(method, error.GetProperty("message").GetString());
        }
    }
}
