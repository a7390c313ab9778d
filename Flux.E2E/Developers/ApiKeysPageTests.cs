using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Flux.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Flux.E2E.Developers;

[Collection(BrowserCollection.Name)]
public sealed partial class ApiKeysPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [GeneratedRegex("sk_(test|live)_[0-9A-Za-z]{32}")]
    private static partial Regex SecretKey();

    [Fact]
    public Task A_new_secret_key_works_at_once_never_reaches_the_page_again_and_stops_when_revoked() => InBrowserAsync(async page =>
    {
        await RegisterAsync(page, NewEmail("keys"));
        await Expect(page.GetByTestId("test-mode-banner")).ToBeVisibleAsync();
        await page.GetByTestId("nav-developers").ClickAsync();
        await Expect(page.GetByTestId("keys-mode")).ToContainTextAsync("Test mode");

        await page.GetByTestId("create-key").ClickAsync();
        await page.GetByTestId("key-name").FillAsync("Web shop server");
        await page.GetByTestId("save-key").ClickAsync();
        var secret = (await page.GetByTestId("new-secret-key").InnerTextAsync()).Trim();
        Assert.Matches($"^{SecretKey()}$", secret);
        Assert.StartsWith("sk_test_", secret);
        await Expect(page.GetByTestId("new-publishable-key")).ToContainTextAsync("pk_test_");

        using var api = new HttpClient { BaseAddress = BaseAddress };
        Assert.Equal(HttpStatusCode.OK, await BalanceStatusAsync(api, secret));

        await page.GetByTestId("close-new-key").ClickAsync();
        await Expect(page.GetByTestId("new-secret-key")).ToHaveCountAsync(0);
        var row = page.GetByTestId("key-row").Filter(new() { HasText = $"sk_test_…{secret[^4..]}" });
        await Expect(row).ToHaveCountAsync(1);

        await page.ReloadAsync();
        await WaitForDashboardAsync(page);
        await Expect(row).ToHaveCountAsync(1);
        var html = await page.ContentAsync();
        Assert.DoesNotContain(secret, html);
        Assert.DoesNotMatch(SecretKey(), html);

        await row.GetByTestId("revoke-key").ClickAsync();
        await page.GetByTestId("confirm-revoke").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-key-state", "revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, await BalanceStatusAsync(api, secret));
    });

    private static async Task<HttpStatusCode> BalanceStatusAsync(HttpClient api, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/credits/balance");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await api.SendAsync(request);
        return response.StatusCode;
    }
}
