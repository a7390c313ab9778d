using Flux.Dashboard.Tests.Webhooks;
using Flux.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Flux.E2E.Developers;

[Collection(BrowserCollection.Name)]
public sealed class WebhooksPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_merchant_adds_an_endpoint_sends_a_test_event_and_sees_the_signed_delivery_in_the_log() => InBrowserAsync(async page =>
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await RegisterAsync(page, NewEmail("webhooks"));
        await Expect(page.GetByTestId("test-mode-banner")).ToBeVisibleAsync();
        await page.GetByTestId("nav-developers").ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Tab, new() { Name = "Webhooks" }).ClickAsync();

        await page.GetByTestId("add-webhook").ClickAsync();
        await page.GetByTestId("webhook-url").FillAsync("ftp://shop.example/hook");
        await page.GetByTestId("save-webhook").ClickAsync();
        await Expect(page.GetByText("The URL must start with https://")).ToBeVisibleAsync();
        await page.GetByTestId("webhook-url").FillAsync(receiver.Url);
        await page.GetByTestId("save-webhook").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/developers/webhooks/we_"));
        await Expect(page.GetByTestId("webhook-url")).ToHaveTextAsync(receiver.Url);
        await page.GetByTestId("send-test-event").ClickAsync();
        var webhook = Assert.Single(await receiver.WaitForAsync(1, TimeSpan.FromSeconds(30)));

        await page.GetByTestId("reveal-secret").ClickAsync();
        var secret = (await page.GetByTestId("webhook-secret").InnerTextAsync()).Trim();
        Assert.True(webhook.SignatureVerifies(secret, out _));
        // The log refreshes on request: the delivery runs as a Hangfire job right after the click.
        for (var tries = 0; await page.GetByTestId("delivery-row").GetAttributeAsync("data-state") != "succeeded"; tries++)
        {
            Assert.True(tries < 40, "The test delivery did not show as succeeded.");
            await page.WaitForTimeoutAsync(500);
            await page.GetByTestId("refresh-deliveries").ClickAsync();
        }
        await page.GetByTestId("expand-delivery").ClickAsync();
        await Expect(page.GetByTestId("attempt-outcome")).ToHaveTextAsync("HTTP 200");
        await Expect(page.GetByTestId("attempt-request")).ToContainTextAsync("\"type\":\"webhook.test\"");
    });
}
