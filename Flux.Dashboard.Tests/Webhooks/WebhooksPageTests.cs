using Bunit;
using Bunit.Rendering;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Webhooks;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Flux.Dashboard.Tests.Webhooks;

/// <summary>The Webhooks tab and endpoint page rendered with bUnit over the running Flux's own <see cref="WebhookEndpointService"/>.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class WebhooksPageTests : DashboardComponentTest
{
    private readonly FluxAppFactory app;

    public WebhooksPageTests(FluxAppFactory app)
    {
        this.app = app;
        Services.AddSingleton(app.Services.GetRequiredService<WebhookEndpointService>());
        Services.AddSingleton(app.Services.GetRequiredService<WebhookOptions>());
    }

    private WebhookEndpointService Endpoints => app.Services.GetRequiredService<WebhookEndpointService>();

    [Theory]
    [InlineData(false, "ftp://shop.example/hook", "must start with https://")]
    [InlineData(false, "not a url", "Enter a full URL")]
    [InlineData(false, "", "Enter the URL")]
    [InlineData(false, "http://shop.example/hook", "http:// is allowed only for localhost")]
    [InlineData(true, "http://localhost:3000/hook", "HTTPS only")]
    [InlineData(true, "https://192.168.0.10/hook", "public addresses only")]
    public async Task The_add_dialog_shows_a_refused_url_as_an_error_on_the_url_field(bool livemode, string url, string message)
    {
        var scope = new MerchantScope(await app.CreateMerchantAsync($"ui-{Guid.NewGuid():N}@shop.test"), livemode);
        var (_, dialogs) = RenderSection(scope);

        dialogs.WaitForElement("input[data-testid='webhook-url']").Input(url);
        dialogs.Find("[data-testid='save-webhook']").Click();

        dialogs.WaitForAssertion(() =>
        {
            var field = dialogs.Find("input[data-testid='webhook-url']").Closest(".mud-input-control")!;
            Assert.Contains(message, field.TextContent);
        });
        Assert.Empty(await Endpoints.ListAllAsync(scope));
    }

    [Fact]
    public async Task Adding_an_endpoint_for_chosen_events_saves_it_and_opens_its_page()
    {
        var scope = new MerchantScope(await app.CreateMerchantAsync($"ui-{Guid.NewGuid():N}@shop.test"), false);
        var (_, dialogs) = RenderSection(scope);

        dialogs.WaitForElement("input[data-testid='webhook-url']").Input("http://localhost:4242/flux");
        dialogs.Find("input[data-testid='webhook-all-events']").Change(false);
        dialogs.WaitForElement("input[data-testid='webhook-event-order.confirmed']").Change(true);
        dialogs.Find("input[data-testid='webhook-event-credit.used']").Change(true);
        dialogs.Find("input[data-testid='webhook-description']").Input("Fulfilment");
        dialogs.Find("[data-testid='save-webhook']").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        dialogs.WaitForAssertion(() => Assert.Contains("/developers/webhooks/we_", navigation.Uri));
        var endpoint = Assert.Single(await Endpoints.ListAllAsync(scope));
        Assert.Equal("http://localhost:4242/flux", endpoint.Url);
        Assert.Equal(["order.confirmed", "credit.used"], endpoint.EnabledEvents.Order().Reverse());
        Assert.Equal("Fulfilment", endpoint.Description);
        Assert.EndsWith($"/developers/webhooks/{endpoint.Id}", navigation.Uri);
    }

    [Fact]
    public async Task The_endpoint_page_reveals_and_rolls_the_secret_and_logs_deliveries_with_redeliver()
    {
        await using var receiver = await WebhookReceiver.StartAsync(call => call == 1 ? 500 : 200);
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        var (endpointId, secret) = await app.CreateEndpointAsync(merchant.TestScope, receiver.Url, "order.created");
        using var api = app.ApiClient(merchant.TestKey);
        await api.NewOrderEventAsync();
        await app.WaitForDeliveriesAsync(merchant.TestScope, endpointId, l => l.Count == 1 && l[0].Attempts.Count == 1);

        var (page, dialogs) = RenderPage(merchant.TestScope, endpointId);

        page.WaitForElement("[data-testid='delivery-row']");
        Assert.DoesNotContain(secret, page.Markup);
        page.Find("[data-testid='reveal-secret']").Click();
        // The click is queued behind whatever the renderer is busy with (the page's own reads, slower on PostgreSQL).
        Assert.Equal(secret, page.WaitForElement("[data-testid='webhook-secret']").TextContent);

        page.Find("[data-testid='expand-delivery']").Click();
        var attempt = page.WaitForElement("[data-testid='attempt']");
        Assert.Contains("HTTP 500", attempt.QuerySelector("[data-testid='attempt-outcome']")!.TextContent);
        Assert.Contains("\"type\":\"order.created\"", attempt.QuerySelector("[data-testid='attempt-request']")!.TextContent);
        Assert.Equal("call 1: answered 500", attempt.QuerySelector("[data-testid='attempt-response']")!.TextContent);

        page.Find("[data-testid='redeliver']").Click();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='attempt']").Count), TimeSpan.FromSeconds(15));
        Assert.Contains("HTTP 200", page.FindAll("[data-testid='attempt-outcome']")[1].TextContent);
        Assert.Equal("succeeded", page.Find("[data-testid='delivery-row']").GetAttribute("data-state"));

        page.Find("[data-testid='roll-secret']").Click();
        dialogs.WaitForElement(".mud-message-box__yes-button, .mud-dialog-actions button:last-child").Click();
        page.WaitForAssertion(() => Assert.NotEqual(secret, page.Find("[data-testid='webhook-secret']").TextContent));
        Assert.Equal((await Endpoints.GetAsync(merchant.TestScope, endpointId))!.Secret, page.Find("[data-testid='webhook-secret']").TextContent);
    }

    [Fact]
    public async Task Editing_an_endpoint_on_its_page_starts_from_its_fields_saves_the_change_and_refuses_a_bad_url()
    {
        var merchant = await app.NewApiMerchantAsync();
        var (endpointId, secret) = await app.CreateEndpointAsync(merchant.TestScope, "https://shop.example/hook", "order.confirmed", "credit.used");
        var (page, dialogs) = RenderPage(merchant.TestScope, endpointId);

        page.WaitForElement("[data-testid='edit-webhook']").Click();
        var url = dialogs.WaitForElement("input[data-testid='webhook-url']");
        Assert.Equal("https://shop.example/hook", url.GetAttribute("value"));
        Assert.Empty(dialogs.FindAll("input[data-testid='webhook-all-events']:checked"));
        Assert.NotEmpty(dialogs.FindAll("input[data-testid='webhook-event-credit.used']:checked"));
        url.Input("http://shop.example/hook");
        dialogs.Find("[data-testid='save-webhook']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("http:// is allowed only for localhost",
            dialogs.Find("input[data-testid='webhook-url']").Closest(".mud-input-control")!.TextContent));
        Assert.Equal("https://shop.example/hook", (await Endpoints.GetAsync(merchant.TestScope, endpointId))!.Url);

        dialogs.Find("input[data-testid='webhook-url']").Input("https://shop.example/events");
        dialogs.Find("input[data-testid='webhook-event-credit.used']").Change(false);
        dialogs.Find("input[data-testid='webhook-description']").Input("Fulfilment");
        dialogs.Find("[data-testid='save-webhook']").Click();

        page.WaitForAssertion(() => Assert.Equal("https://shop.example/events", page.Find("h1[data-testid='webhook-url']").TextContent));
        var saved = (await Endpoints.GetAsync(merchant.TestScope, endpointId))!;
        Assert.Equal(["order.confirmed"], saved.EnabledEvents);
        Assert.Equal("Fulfilment", saved.Description);
        Assert.Equal(secret, saved.Secret);
    }

    [Fact]
    public async Task Another_merchants_endpoint_page_shows_not_found()
    {
        var owner = await app.NewApiMerchantAsync();
        var stranger = await app.NewApiMerchantAsync();
        var (endpointId, secret) = await app.CreateEndpointAsync(owner.TestScope, "https://shop.example/hook");

        var (page, _) = RenderPage(stranger.TestScope, endpointId);

        page.WaitForAssertion(() => Assert.Contains("Webhook endpoint not found", page.Markup));
        Assert.DoesNotContain("shop.example", page.Markup);
        Assert.DoesNotContain(secret, page.Markup);
    }

    private (IRenderedComponent<WebhooksSection> Section, IRenderedComponent<ContainerFragment> Dialogs) RenderSection(MerchantScope scope)
    {
        var providers = RenderProviders();
        var section = Render<WebhooksSection>(p => p.AddCascadingValue(scope));
        section.WaitForElement("[data-testid='add-webhook']").Click();
        return (section, providers);
    }

    private (IRenderedComponent<WebhookEndpointPage> Page, IRenderedComponent<ContainerFragment> Dialogs) RenderPage(MerchantScope scope, string endpointId)
    {
        var providers = RenderProviders();
        return (Render<WebhookEndpointPage>(p => p.AddCascadingValue(scope).Add(c => c.Id, endpointId)), providers);
    }

    private IRenderedComponent<ContainerFragment> RenderProviders() => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
    });

}
