using System.Net;
using System.Text;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Tests.Orders;

[Collection(FluxAppCollection.Name)]
public sealed class OrdersExportEndpointTests(FluxAppFactory app)
{
    private static readonly DateTimeOffset Day = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Export_holds_only_the_signed_in_merchants_orders_of_the_mode_their_dashboard_is_in()
    {
        var email = $"export-{Guid.NewGuid():N}@shop.test";
        var merchantId = await app.CreateMerchantAsync(email);
        var test = new MerchantScope(merchantId, Livemode: false);
        var live = new MerchantScope(merchantId, Livemode: true);
        var testOrder = await app.InsertOrderAsync(test, await app.AddWalletAsync(test), Day, description: "test café order");
        var liveOrder = await app.InsertOrderAsync(live, await app.AddWalletAsync(live), Day, description: "live order");
        var (stranger, strangerWallet) = await app.NewMerchantWithWalletAsync(livemode: true);
        var strangerOrder = await app.InsertOrderAsync(stranger, strangerWallet, Day);
        using var client = await app.SignedInClientAsync(email);

        await SetTestModeAsync(merchantId, on: true);
        using var testExport = await client.GetAsync(OrdersExportEndpoint.Path);
        var testCsv = await CsvAsync(testExport);
        await SetTestModeAsync(merchantId, on: false);
        var liveCsv = await CsvAsync(await client.GetAsync(OrdersExportEndpoint.Path));

        Assert.Equal("text/csv", testExport.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", testExport.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("flux-orders-test-", testExport.Content.Headers.ContentDisposition?.FileNameStar ?? testExport.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains(testOrder.Id, testCsv);
        Assert.Contains("test café order", testCsv);
        Assert.DoesNotContain(liveOrder.Id, testCsv);
        Assert.Contains(liveOrder.Id, liveCsv);
        Assert.DoesNotContain(testOrder.Id, liveCsv);
        Assert.DoesNotContain(strangerOrder.Id, testCsv + liveCsv);
    }

    [Fact]
    public async Task Export_applies_the_pages_filter_from_the_query_string()
    {
        var email = $"export-{Guid.NewGuid():N}@shop.test";
        var merchantId = await app.CreateMerchantAsync(email);
        var live = new MerchantScope(merchantId, Livemode: true);
        var wallet = await app.AddWalletAsync(live);
        var wanted = await app.InsertOrderAsync(live, wallet, Day, description: "Wanted mug", status: OrderStatus.Confirmed);
        var wrongStatus = await app.InsertOrderAsync(live, wallet, Day, description: "Wanted mug");
        var wrongDay = await app.InsertOrderAsync(live, wallet, Day.AddDays(-2), description: "Wanted mug", status: OrderStatus.Confirmed);
        var wrongText = await app.InsertOrderAsync(live, wallet, Day, description: "Other", status: OrderStatus.Confirmed);
        using var client = await app.SignedInClientAsync(email);
        var filter = new OrderFilter(OrderStatus.Confirmed, DateOnly.FromDateTime(Day.UtcDateTime), DateOnly.FromDateTime(Day.UtcDateTime), "wanted");

        var csv = await CsvAsync(await client.GetAsync(OrdersExportEndpoint.Path + filter.ToQueryString()));
        using var bad = await client.GetAsync(OrdersExportEndpoint.Path + "?status=paid");

        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.StartsWith(wanted.Id + ",", rows[1]);
        Assert.DoesNotContain(wrongStatus.Id, csv);
        Assert.DoesNotContain(wrongDay.Id, csv);
        Assert.DoesNotContain(wrongText.Id, csv);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Export_needs_a_signed_in_merchant()
    {
        using var anonymous = app.FormClient();

        using var response = await anonymous.GetAsync(OrdersExportEndpoint.Path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.ToString());
    }

    /// <summary>The body as text, after checking the UTF-8 byte order mark spreadsheet programs need.</summary>
    private static async Task<string> CsvAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith(string.Join(',', OrderCsv.Columns) + "\r\n", csv);
        return csv;
    }

    private async Task SetTestModeAsync(string merchantId, bool on)
    {
        await using var db = await app.DbAsync();
        await db.Users.Where(m => m.Id == merchantId).ExecuteUpdateAsync(s => s.SetProperty(m => m.TestMode, on));
    }
}
