using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Orders;

[Collection(FluxAppCollection.Name)]
public sealed class OrderQueriesTests(FluxAppFactory app)
{
    private static readonly DateTimeOffset Day = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);

    private OrderQueries Queries => app.Services.GetRequiredService<OrderQueries>();

    [Fact]
    public async Task The_list_pages_newest_first_and_counts_every_match()
    {
        var (scope, wallet) = await app.NewMerchantWithWalletAsync(livemode: false);
        var created = new List<Order>();
        for (var i = 0; i < 7; i++)
            created.Add(await app.InsertOrderAsync(scope, wallet, Day.AddMinutes(i)));

        var first = await Queries.ListAsync(scope, OrderFilter.None, page: 0, pageSize: 3);
        var last = await Queries.ListAsync(scope, OrderFilter.None, page: 2, pageSize: 3);

        Assert.Equal(7, first.TotalCount);
        Assert.Equal(created.AsEnumerable().Reverse().Take(3).Select(o => o.Id), first.Rows.Select(r => r.Order.Id));
        Assert.Equal([created[0].Id], last.Rows.Select(r => r.Order.Id));
    }

    [Fact]
    public async Task Another_merchants_orders_and_the_other_modes_orders_are_never_listed_or_exported()
    {
        var (scope, testWallet) = await app.NewMerchantWithWalletAsync(livemode: false);
        var liveWallet = await app.AddWalletAsync(scope with { Livemode = true });
        var (stranger, strangerWallet) = await app.NewMerchantWithWalletAsync(livemode: false);
        var mine = await app.InsertOrderAsync(scope, testWallet, Day, description: "shared words");
        var live = await app.InsertOrderAsync(scope with { Livemode = true }, liveWallet, Day, description: "shared words");
        var theirs = await app.InsertOrderAsync(stranger, strangerWallet, Day, description: "shared words");

        var listed = await Queries.ListAsync(scope, new OrderFilter(Text: "shared"), 0, 100);
        var liveListed = await Queries.ListAsync(scope with { Livemode = true }, OrderFilter.None, 0, 100);
        var csv = await CsvAsync(scope, OrderFilter.None);

        Assert.Equal([mine.Id], listed.Rows.Select(r => r.Order.Id));
        Assert.Equal([live.Id], liveListed.Rows.Select(r => r.Order.Id));
        Assert.Contains(mine.Id, csv);
        Assert.DoesNotContain(live.Id, csv);
        Assert.DoesNotContain(theirs.Id, csv);
        Assert.Empty(await Queries.PaymentsAsync(stranger, mine.Id));
        Assert.Null(await app.Services.GetRequiredService<OrderService>().GetAsync(stranger, mine.Id));
    }

    [Fact]
    public async Task Filters_by_status_by_utc_days_with_both_ends_included_and_by_text()
    {
        var (scope, wallet) = await app.NewMerchantWithWalletAsync(livemode: false);
        var before = await app.InsertOrderAsync(scope, wallet, Day.AddSeconds(-1));
        var firstDay = await app.InsertOrderAsync(scope, wallet, Day, description: "Blue 50% mug", status: OrderStatus.Confirmed,
            transactionHash: "aaaa1111bbbb2222");
        var lastDay = await app.InsertOrderAsync(scope, wallet, Day.AddDays(2).AddHours(23).AddMinutes(59), description: "Red mug");
        var after = await app.InsertOrderAsync(scope, wallet, Day.AddDays(3));

        async Task<IEnumerable<string>> Ids(OrderFilter filter) => (await Queries.ListAsync(scope, filter, 0, 100)).Rows.Select(r => r.Order.Id);

        var range = new OrderFilter(CreatedFrom: DateOnly.FromDateTime(Day.UtcDateTime), CreatedTo: DateOnly.FromDateTime(Day.AddDays(2).UtcDateTime));
        Assert.Equal([lastDay.Id, firstDay.Id], await Ids(range));
        Assert.Equal([firstDay.Id], await Ids(new OrderFilter(Status: OrderStatus.Confirmed)));
        Assert.Equal([lastDay.Id, firstDay.Id], await Ids(new OrderFilter(Text: "  MUG ")));
        Assert.Equal([firstDay.Id], await Ids(new OrderFilter(Text: "50%")));
        Assert.Empty(await Ids(new OrderFilter(Text: "5_%")));
        Assert.Equal([firstDay.Id], await Ids(new OrderFilter(Text: "1111BBBB")));
        Assert.Equal([before.Id], await Ids(new OrderFilter(Text: before.Id)));
        Assert.Equal([after.Id, lastDay.Id], await Ids(range with { CreatedFrom = DateOnly.FromDateTime(Day.AddDays(2).UtcDateTime), CreatedTo = null }));
    }

    [Fact]
    public async Task Text_search_finds_an_order_by_the_hash_of_any_payment_matched_to_it()
    {
        var (scope, wallet) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = (await app.Services.GetRequiredService<OrderService>().CreateAsync(scope, new CreateOrderRequest(10m, null))).Value!;
        var partial = OrderFixtures.PaymentFor(order, 4m);
        await app.Services.GetRequiredService<IPaymentSink>().HandleAsync(partial, CancellationToken.None);

        var found = await Queries.ListAsync(scope, new OrderFilter(Text: partial.Record.TransactionHash[..20]), 0, 10);
        var payments = await Queries.PaymentsAsync(scope, order.Id);

        Assert.Equal([order.Id], found.Rows.Select(r => r.Order.Id));
        Assert.Equal(OrderStatus.Underpaid, found.Rows[0].Order.Status);
        var payment = Assert.Single(payments);
        Assert.Equal(4m, payment.Amount);
        Assert.Equal(partial.Record.TransactionHash, payment.TransactionHash);
        Assert.Equal(wallet.Address, payment.Wallet);
    }

    [Fact]
    public async Task Rows_name_the_wallet_by_its_label_or_its_shortened_address()
    {
        var (scope, plain) = await app.NewMerchantWithWalletAsync(livemode: false);
        var labelled = await app.AddWalletAsync(scope, label: "Shop till", isDefault: false);
        await app.InsertOrderAsync(scope, plain, Day);
        await app.InsertOrderAsync(scope, labelled, Day.AddMinutes(1));

        var rows = (await Queries.ListAsync(scope, OrderFilter.None, 0, 10)).Rows;

        Assert.Equal("Shop till", rows[0].Wallet);
        Assert.Equal($"{plain.Address[..4]}…{plain.Address[^4..]}", rows[1].Wallet);
        Assert.Equal([plain.Id, labelled.Id], (await Queries.PayableWalletsAsync(scope)).Select(w => w.Id));
    }

    [Fact]
    public async Task Csv_holds_the_filtered_list_with_amounts_spelt_as_the_api_spells_them_and_escaped_text()
    {
        var (scope, wallet) = await app.NewMerchantWithWalletAsync(livemode: false);
        var tricky = await app.InsertOrderAsync(scope, wallet, Day, amount: 1234.5m, description: "Mug, \"large\"\nline two");
        var formula = await app.InsertOrderAsync(scope, wallet, Day.AddMinutes(1), amount: 0.0000001m, description: "=HYPERLINK(\"x\")");
        await app.InsertOrderAsync(scope, wallet, Day.AddMinutes(2), status: OrderStatus.Canceled);

        string csv;
        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            // A comma-decimal culture must not leak into the export.
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            csv = await CsvAsync(scope, new OrderFilter(Status: OrderStatus.PendingConfirmation));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }

        var lines = csv.Split("\r\n");
        Assert.Equal(string.Join(',', OrderCsv.Columns), lines[0]);
        Assert.StartsWith($"{formula.Id},2026-03-10T00:01:00Z,pending_confirmation,false,0.0000001,0.0,\"'=HYPERLINK(\"\"x\"\")\",{wallet.Address},sandbox,,", lines[1]);
        Assert.StartsWith($"{tricky.Id},2026-03-10T00:00:00Z,pending_confirmation,false,1234.5,0.0,\"Mug, \"\"large\"\"\nline two\",", lines[2]);
        Assert.Equal("", lines[3]);
        Assert.Equal(4, lines.Length);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Csv_fields_are_quoted_only_when_they_must_be(string? value, string expected) =>
        Assert.Equal(expected, OrderCsv.Field(value));

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Mug = cup", "Mug = cup")]
    public void Csv_free_text_cannot_start_a_spreadsheet_formula(string value, string expected) =>
        Assert.Equal(expected, OrderCsv.Text(value));

    private async Task<string> CsvAsync(MerchantScope scope, OrderFilter filter)
    {
        await using var writer = new StringWriter();
        await Queries.WriteCsvAsync(scope, filter, writer);
        return writer.ToString();
    }
}
