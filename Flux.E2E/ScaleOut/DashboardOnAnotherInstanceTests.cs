using Flux.Dashboard.Tests.Crash;
using Flux.Dashboard.Tests.ScaleOut;
using Flux.Dashboard.Tests.Support;
using Flux.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Flux.E2E.ScaleOut;

/// <summary>
/// Issue #24 in a browser: three Flux processes on one PostgreSQL database and one Redis server. The merchant's dashboard
/// is served by C; the order is made through A's API and paid through B's sandbox endpoint; C's page shows it arrive and
/// turn confirmed without a reload, told by the other instances through Redis.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(TestDatabaseEngine.Trait, TestDatabaseEngine.PostgresOnly)]
public sealed class DashboardOnAnotherInstanceTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task An_order_made_through_A_and_paid_through_B_turns_confirmed_live_on_the_dashboard_C_serves()
    {
        // Development, where the built app serves the dashboard's scripts; its demo merchant is the test's.
        await using var instances = await FluxInstances.StartAsync(3, TestRedis.Configuration, new Dictionary<string, string>
        {
            ["Flux:Demo:Email"] = CrashMerchant.Email,
            ["Flux:Demo:Password"] = CrashMerchant.Password,
        }, environment: "Development");
        using var a = instances.ApiClient(0);
        using var b = instances.ApiClient(1);
        var context = await Browser.NewContextAsync(new() { BaseURL = instances[2].BaseAddress.ToString().TrimEnd('/') });
        var page = await context.NewPageAsync();
        try
        {
            await SignInAsync(page, CrashMerchant.Email, CrashMerchant.Password);
            await WaitForDashboardAsync(page);
            await page.GotoAsync("/orders");
            await WaitForDashboardAsync(page);

            var orderId = await FluxInstances.CreateOrderAsync(a, 0);
            var status = page.Locator($"[data-testid=order-status][data-order-id='{orderId}']");
            await Expect(status).ToHaveAttributeAsync("data-status", "pending_confirmation");
            await FluxInstances.PayAsync(b, orderId);

            await Expect(status).ToHaveAttributeAsync("data-status", "confirmed");
            instances.Passed = true;
        }
        catch
        {
            Directory.CreateDirectory(ResultsFolder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ResultsFolder, $"{nameof(DashboardOnAnotherInstanceTests)}.png"), FullPage = true });
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
