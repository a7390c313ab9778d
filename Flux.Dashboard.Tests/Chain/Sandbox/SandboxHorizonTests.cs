using System.Net;
using System.Text.Json;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Chain.Sandbox;

[Collection(FluxAppCollection.Name)]
public sealed class SandboxHorizonTests(FluxAppFactory app)
{
    private const string Horizon = SandboxHorizonEndpoints.Path;

    private SandboxLedger Ledger => app.Services.GetRequiredService<SandboxLedger>();

    [Fact]
    public async Task Test_wallet_exists_and_is_pre_funded()
    {
        using var client = app.CreateClient();

        var account = await GetJsonAsync(client, $"{Horizon}/accounts/{SandboxTestWallet.Address}");

        Assert.Equal(SandboxTestWallet.Address, account.GetProperty("account_id").GetString());
        var native = account.GetProperty("balances").EnumerateArray().Single(b => b.GetProperty("asset_type").GetString() == "native");
        Assert.True(decimal.Parse(native.GetProperty("balance").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.EndsWith($"{Horizon}/accounts/{SandboxTestWallet.Address}", account.GetProperty("_links").GetProperty("self").GetProperty("href").GetString());
    }

    [Fact]
    public async Task Simulated_payment_closes_a_ledger_with_its_memo_and_moves_the_balance()
    {
        using var client = app.CreateClient();
        var merchant = NewAddress();
        var before = await NativeBalanceAsync(client, SandboxTestWallet.Address);

        var result = await Ledger.SimulatePaymentAsync(new(SandboxTestWallet.Address, merchant, 12.5m, "ord_abc123"));

        Assert.True(result.Succeeded, result.Error);
        var page = await GetJsonAsync(client, $"{Horizon}/accounts/{merchant}/payments?join=transactions");
        var record = Assert.Single(page.GetProperty("_embedded").GetProperty("records").EnumerateArray());
        Assert.Equal("payment", record.GetProperty("type").GetString());
        Assert.Equal("native", record.GetProperty("asset_type").GetString());
        Assert.Equal("12.5000000", record.GetProperty("amount").GetString());
        Assert.Equal(merchant, record.GetProperty("to").GetString());
        Assert.True(record.GetProperty("transaction_successful").GetBoolean());
        Assert.Equal(record.GetProperty("id").GetString(), record.GetProperty("paging_token").GetString());
        var joined = record.GetProperty("transaction");
        Assert.Equal("text", joined.GetProperty("memo_type").GetString());
        Assert.Equal("ord_abc123", joined.GetProperty("memo").GetString());

        var tx = await GetJsonAsync(client, $"{Horizon}/transactions/{result.Transaction!.Hash}");
        Assert.Equal("ord_abc123", tx.GetProperty("memo").GetString());
        Assert.Equal(12.5m, await NativeBalanceAsync(client, merchant));
        Assert.Equal(before - 12.5m - 0.01m, await NativeBalanceAsync(client, SandboxTestWallet.Address));
    }

    [Fact]
    public async Task Payment_beyond_the_balance_is_refused_and_nothing_is_written()
    {
        using var client = app.CreateClient();
        var poor = NewAddress();
        Assert.True((await Ledger.SimulatePaymentAsync(new(SandboxTestWallet.Address, poor, 1m, null))).Succeeded);

        var result = await Ledger.SimulatePaymentAsync(new(poor, NewAddress(), 1m, null));

        Assert.False(result.Succeeded);
        Assert.Equal("amount", result.Param);
        Assert.Contains("Insufficient balance", result.Error);
        Assert.Equal(1m, await NativeBalanceAsync(client, poor));
        var page = await GetJsonAsync(client, $"{Horizon}/accounts/{poor}/payments");
        Assert.Single(page.GetProperty("_embedded").GetProperty("records").EnumerateArray());
    }

    [Theory]
    [InlineData(0.00000001, "amount")]
    [InlineData(-1, "amount")]
    public async Task Amount_that_is_not_whole_stroops_or_not_positive_is_refused(double amount, string param)
    {
        var result = await Ledger.SimulatePaymentAsync(new(SandboxTestWallet.Address, NewAddress(), (decimal)amount, null));

        Assert.False(result.Succeeded);
        Assert.Equal(param, result.Param);
    }

    [Fact]
    public async Task Memo_longer_than_28_bytes_is_refused()
    {
        var result = await Ledger.SimulatePaymentAsync(new(SandboxTestWallet.Address, NewAddress(), 1m, new string('x', 29)));

        Assert.False(result.Succeeded);
        Assert.Equal("memo", result.Param);
    }

    [Fact]
    public async Task Pages_follow_the_next_link_in_paging_order()
    {
        using var client = app.CreateClient();
        var merchant = NewAddress();
        for (var i = 1; i <= 3; i++)
            Assert.True((await Ledger.SimulatePaymentAsync(new(SandboxTestWallet.Address, merchant, i, $"m{i}"))).Succeeded);

        var first = await GetJsonAsync(client, $"{Horizon}/accounts/{merchant}/payments?limit=2&order=asc");
        var next = new Uri(first.GetProperty("_links").GetProperty("next").GetProperty("href").GetString()!);
        var second = await GetJsonAsync(client, next.PathAndQuery);

        Assert.Equal(["1.0000000", "2.0000000"], Amounts(first));
        Assert.Equal(["3.0000000"], Amounts(second));
        var desc = await GetJsonAsync(client, $"{Horizon}/accounts/{merchant}/payments?order=desc");
        Assert.Equal(["3.0000000", "2.0000000", "1.0000000"], Amounts(desc));
    }

    [Fact]
    public async Task Page_links_keep_the_transactions_join_as_horizon_does()
    {
        using var client = app.CreateClient();
        var merchant = NewAddress();
        for (var i = 1; i <= 2; i++)
            Assert.True((await Ledger.SimulatePaymentAsync(new(SandboxTestWallet.Address, merchant, i, $"j{i}"))).Succeeded);

        var first = await GetJsonAsync(client, $"{Horizon}/accounts/{merchant}/payments?join=transactions&limit=1");
        var links = first.GetProperty("_links");
        var second = await GetJsonAsync(client, new Uri(links.GetProperty("next").GetProperty("href").GetString()!).PathAndQuery);

        foreach (var link in new[] { "self", "next", "prev" })
            Assert.Contains("&join=transactions&", links.GetProperty(link).GetProperty("href").GetString());
        var record = Assert.Single(second.GetProperty("_embedded").GetProperty("records").EnumerateArray());
        Assert.Equal("j2", record.GetProperty("transaction").GetProperty("memo").GetString());
    }

    [Fact]
    public async Task Unknown_account_is_a_horizon_not_found_problem()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"{Horizon}/accounts/{NewAddress()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://stellar.org/horizon-errors/not_found", problem.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("cursor=abc", "cursor")]
    [InlineData("limit=500", "limit")]
    [InlineData("order=sideways", "order")]
    [InlineData("join=ledgers", "join")]
    public async Task Bad_paging_parameter_is_a_horizon_bad_request(string query, string field)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"{Horizon}/payments?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(field, problem.GetProperty("extras").GetProperty("invalid_field").GetString());
    }

    [Fact]
    public async Task Stream_from_now_says_hello_then_delivers_a_payment_made_after_it_opened()
    {
        using var client = app.CreateClient();
        var merchant = NewAddress();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Horizon}/accounts/{merchant}/payments?cursor=now&join=transactions");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal("retry: 1000", await reader.ReadLineAsync(timeout.Token));
        Assert.Equal("event: open", await reader.ReadLineAsync(timeout.Token));
        Assert.Equal("data: \"hello\"", await reader.ReadLineAsync(timeout.Token));
        Assert.Equal("", await reader.ReadLineAsync(timeout.Token));

        var paid = await Ledger.SimulatePaymentAsync(new(SandboxTestWallet.Address, merchant, 3m, "ord_stream"));

        Assert.Equal($"id: {paid.Payment!.Id}", await reader.ReadLineAsync(timeout.Token));
        var data = (await reader.ReadLineAsync(timeout.Token))!;
        var record = JsonDocument.Parse(data["data: ".Length..]).RootElement;
        Assert.Equal("3.0000000", record.GetProperty("amount").GetString());
        Assert.Equal("ord_stream", record.GetProperty("transaction").GetProperty("memo").GetString());
    }

    private static string[] Amounts(JsonElement page) =>
        page.GetProperty("_embedded").GetProperty("records").EnumerateArray().Select(r => r.GetProperty("amount").GetString()!).ToArray();

    private static async Task<decimal> NativeBalanceAsync(HttpClient client, string account)
    {
        var json = await GetJsonAsync(client, $"{Horizon}/accounts/{account}");
        var balance = json.GetProperty("balances").EnumerateArray().Single(b => b.GetProperty("asset_type").GetString() == "native");
        return decimal.Parse(balance.GetProperty("balance").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>A random, checksum-valid G… address, so each test works on accounts of its own.</summary>
    private static string NewAddress() => TestAddresses.Random();
}
