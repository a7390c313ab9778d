using System.Text.Json;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Api;

/// <summary>
/// One amount, one spelling (issue #27 item 4): a Pi amount is a JSON number with its significant decimals and at least
/// one (<c>10.0</c>, <c>1.1</c>), whatever the request wrote — in the answer to the create, the read, the list, the
/// order's event (as webhooks and the SDK stream send it) and the CSV export alike.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class AmountSpellingTests(FluxAppFactory app)
{
    [Theory]
    [InlineData("1.10", "1.1")]
    [InlineData("10", "10.0")]
    [InlineData("10.0", "10.0")]
    [InlineData("1e1", "10.0")]
    [InlineData("10.5000000", "10.5")]
    [InlineData("0.0000001", "0.0000001")]
    [InlineData("1000000000", "1000000000.0")]
    public async Task Create_read_and_list_spell_an_amount_alike(string sent, string spelled)
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        using var client = app.ApiClient(merchant.TestKey);

        using var create = await client.PostJsonAsync("/v1/orders", $$"""{"amount": {{sent}}}""");
        var created = await create.JsonAsync();
        var id = created.GetProperty("order_id").GetString();
        var read = await (await client.GetAsync($"/v1/orders/{id}")).JsonAsync();
        var listed = (await (await client.GetAsync("/v1/orders")).JsonAsync()).GetProperty("data")[0];
        var shown = await (await app.ApiClient(null).GetAsync($"/v1/public/orders/{id}")).JsonAsync();

        Assert.Equal(spelled, created.GetProperty("amount").GetRawText());
        Assert.Equal(spelled, read.GetProperty("amount").GetRawText());
        Assert.Equal(spelled, listed.GetProperty("amount").GetRawText());
        Assert.Equal(spelled, shown.GetProperty("amount").GetRawText());
        Assert.Equal(spelled, read.GetProperty("amount_due").GetRawText());
        Assert.Equal("0.0", read.GetProperty("amount_received").GetRawText());
        Assert.Equal(spelled, (await CreatedEventAsync(client, id!)).GetProperty("data").GetProperty("amount").GetRawText());
        Assert.Equal(spelled, await CsvAmountAsync(merchant, id!));
    }

    private static async Task<JsonElement> CreatedEventAsync(HttpClient client, string orderId)
    {
        var events = (await (await client.GetAsync("/v1/events?type=order.created&limit=100")).JsonAsync()).GetProperty("data");
        return events.EnumerateArray().Single(e => e.GetProperty("data").GetProperty("order_id").GetString() == orderId);
    }

    private async Task<string> CsvAmountAsync(ApiMerchant merchant, string orderId)
    {
        await using var csv = new StringWriter();
        await app.Services.GetRequiredService<OrderQueries>().WriteCsvAsync(merchant.TestScope, OrderFilter.None, csv);
        var row = csv.ToString().Split("\r\n").Single(line => line.StartsWith(orderId, StringComparison.Ordinal)).Split(',');
        return row[Array.IndexOf(OrderCsv.Columns, "amount")];
    }

    [Fact]
    public async Task The_private_order_has_every_field_of_the_public_one_with_the_same_values()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        using var client = app.ApiClient(merchant.TestKey);
        var id = (await client.CreateOrderAsync(4.25m)).GetProperty("order_id").GetString();

        var own = await (await client.GetAsync($"/v1/orders/{id}")).JsonAsync();
        var shown = await (await app.ApiClient(null).GetAsync($"/v1/public/orders/{id}")).JsonAsync();

        foreach (var field in shown.EnumerateObject())
        {
            Assert.True(own.TryGetProperty(field.Name, out var value), $"The private order has no {field.Name}");
            Assert.True(JsonElement.DeepEquals(field.Value, value), $"{field.Name}: {value} privately, {field.Value} publicly");
        }
    }
}
