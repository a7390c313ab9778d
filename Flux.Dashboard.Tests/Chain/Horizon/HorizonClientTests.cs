using System.Net;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Horizon;
using Flux.Dashboard.Tests.Chain.Support;
using Microsoft.Extensions.Logging;

namespace Flux.Dashboard.Tests.Chain.Horizon;

/// <summary>HorizonClient reading Horizon's recorded JSON (Chain/Fixtures/horizon).</summary>
public class HorizonClientTests
{
    private const string Wallet = "GALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMZTB";

    private readonly StubHorizonHandler _horizon = new();
    private readonly ListLogger<HorizonClient> _logger = new();
    private readonly HorizonClient _client;

    public HorizonClientTests() => _client = HorizonTestClient.Create(_horizon, _logger);

    [Fact]
    public async Task Payments_page_reads_create_account_and_payment_records_and_the_next_cursor()
    {
        _horizon.RespondJson(HorizonFixtures.Read("pages_payments.json"));

        var page = await _client.GetPaymentsAsync(null, joinTransactions: false);

        Assert.Equal(["create_account", "payment", "create_account"], page.Records.Select(r => r.Type));
        Assert.Equal("33676838572033", page.NextCursor);
        Assert.Equal(0, page.MalformedRecords);
        var payment = page.Records[1];
        Assert.Equal("12884905986", payment.Id);
        Assert.Equal("12884905986", payment.PagingToken);
        Assert.Equal("3389e9f0f1a65f19736cacf544c2e825313e8447f569233bb8db39aa607c8889", payment.TransactionHash);
        Assert.True(payment.TransactionSuccessful);
        Assert.Equal("GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7", payment.From);
        Assert.Equal(Wallet, payment.To);
        Assert.Equal("native", payment.AssetType);
        Assert.Equal(99999999959.99997m, payment.Amount);
        Assert.Equal(new DateTimeOffset(2015, 9, 30, 17, 15, 54, TimeSpan.Zero), payment.CreatedAt);
        Assert.False(payment.IsTransactionJoined);
        Assert.Null(page.Records[0].Amount);
    }

    [Fact]
    public async Task Payments_of_all_accounts_ask_for_the_cursor_order_limit_and_join()
    {
        _horizon.RespondJson(HorizonFixtures.Read("pages_payments.json"));

        await _client.GetPaymentsAsync(null, cursor: "12884905985", limit: 3);

        Assert.Equal("/payments?order=asc&limit=3&cursor=12884905985&join=transactions", _horizon.Requests.Single().PathAndQuery);
    }

    [Fact]
    public async Task Payments_of_one_account_ask_for_that_account()
    {
        _horizon.RespondJson(HorizonFixtures.Read("payments_join_transactions.json"));

        await _client.GetPaymentsAsync(Wallet, order: HorizonOrder.Descending, limit: 10, joinTransactions: false);

        Assert.Equal($"/accounts/{Wallet}/payments?order=desc&limit=10", _horizon.Requests.Single().PathAndQuery);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public async Task Page_limit_outside_what_Horizon_serves_is_refused(int limit)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.GetPaymentsAsync(null, limit: limit));
    }

    [Fact]
    public async Task Joined_transaction_gives_the_memo_and_ledger()
    {
        _horizon.RespondJson(HorizonFixtures.Read("payments_join_transactions.json"));

        var page = await _client.GetPaymentsAsync(Wallet);

        var (text, none, id) = (page.Records[0], page.Records[1], page.Records[2]);
        Assert.All(page.Records, r => Assert.True(r.IsTransactionJoined));
        Assert.Equal(("text", "ord_7Hk2p9QxVt3mZ", 52446013L), (text.MemoType, text.Memo, text.Ledger));
        Assert.Equal(("none", (string?)null), (none.MemoType, none.Memo));
        Assert.Equal(("id", "18446744073709551615"), (id.MemoType, id.Memo));
        Assert.Equal("225257535593472001", page.NextCursor);
    }

    [Fact]
    public async Task Payment_to_a_muxed_address_keeps_the_muxed_address_and_counts_for_the_base_wallet()
    {
        _horizon.RespondJson(HorizonFixtures.Read("payments_join_transactions.json"));

        var muxed = (await _client.GetPaymentsAsync(Wallet)).Records[1];

        Assert.Equal("MALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMAAAAEPXD6YEZMI32", muxed.ToMuxed);
        Assert.Equal(1234567890123UL, muxed.ToMuxedId);
        Assert.Equal(0.0000001m, muxed.Amount);
        Assert.True(NativePaymentRules.IsNativePaymentTo(muxed, Wallet));
    }

    [Fact]
    public async Task Native_payments_to_the_wallet_are_told_apart_from_everything_else()
    {
        _horizon.RespondJson(HorizonFixtures.Read("payments_join_transactions.json"));
        _horizon.RespondJson(HorizonFixtures.Read("pages_payments.json"));

        var joined = await _client.GetPaymentsAsync(Wallet);
        var mixed = await _client.GetPaymentsAsync(null);

        Assert.All(joined.Records, r => Assert.Equal(Wallet, NativePaymentRules.CreditedWallet(r)));
        Assert.Equal([null, Wallet, null], mixed.Records.Select(NativePaymentRules.CreditedWallet));
    }

    [Fact]
    public async Task Path_payments_are_read_and_count_only_when_successful_and_native()
    {
        _horizon.RespondJson(HorizonFixtures.PageOf("operations_path_payment_strict_receive.json", "operations_path_payment_strict_send.json"));

        var page = await _client.GetPaymentsAsync(null);

        var (receive, send) = (page.Records[0], page.Records[1]);
        Assert.Equal((PaymentTypes.PathPaymentStrictReceive, "native", 2386.8885355m, false),
            (receive.Type, receive.AssetType, receive.Amount, receive.TransactionSuccessful));
        Assert.Equal((PaymentTypes.PathPaymentStrictSend, "credit_alphanum4", 0.0005045m, true),
            (send.Type, send.AssetType, send.Amount, send.TransactionSuccessful));
        Assert.Null(NativePaymentRules.CreditedWallet(receive));
        Assert.Null(NativePaymentRules.CreditedWallet(send));
        Assert.Equal("next-page", page.NextCursor);
    }

    [Fact]
    public async Task Payment_in_another_asset_is_read_but_does_not_count()
    {
        _horizon.RespondJson(HorizonFixtures.PageOf("operations_payment.json"));

        var usdc = (await _client.GetPaymentsAsync(null)).Records.Single();

        Assert.Equal(("credit_alphanum4", 39m), (usdc.AssetType, usdc.Amount));
        Assert.False(NativePaymentRules.IsNativePaymentTo(usdc, usdc.To!));
    }

    [Fact]
    public async Task Create_account_and_account_merge_are_kept_with_their_type_and_do_not_count()
    {
        _horizon.RespondJson(HorizonFixtures.PageOf("operations_create_account.json", "operations_account_merge.json"));

        var page = await _client.GetPaymentsAsync(null);

        Assert.Equal([PaymentTypes.CreateAccount, PaymentTypes.AccountMerge], page.Records.Select(r => r.Type));
        Assert.All(page.Records, r => Assert.Null(r.Amount));
        Assert.All(page.Records, r => Assert.Null(NativePaymentRules.CreditedWallet(r)));
    }

    [Fact]
    public async Task Unknown_operation_type_is_kept_as_Horizon_spelled_it()
    {
        var record = HorizonFixtures.Read("operations_payment.json").Replace("\"type\": \"payment\"", "\"type\": \"invoke_host_function\"");
        _horizon.RespondJson($$$"""{"_embedded":{"records":[{{{record}}}]}}""");

        var page = await _client.GetPaymentsAsync(null);

        Assert.Equal("invoke_host_function", page.Records.Single().Type);
        Assert.Null(NativePaymentRules.CreditedWallet(page.Records.Single()));
    }

    [Fact]
    public async Task Amount_with_eight_decimals_is_skipped_and_logged_not_rounded()
    {
        _horizon.RespondJson(HorizonFixtures.Read("payments_amount_8_decimals.json"));

        var page = await _client.GetPaymentsAsync(null);

        Assert.Equal(2.0000000m, page.Records.Single().Amount);
        Assert.Equal(1, page.MalformedRecords);
        Assert.Equal("225257544183406593", page.NextCursor);
        var warning = Assert.Single(_logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal("225257539888439297", warning.Properties["RecordId"]);
        Assert.Contains("1.00000001", warning.Message);
    }

    [Fact]
    public async Task Malformed_JSON_page_throws_a_Horizon_exception()
    {
        _horizon.RespondJson(HorizonFixtures.Read("payments_truncated.json"));

        var error = await Assert.ThrowsAsync<HorizonException>(() => _client.GetPaymentsAsync(null));

        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public async Task Server_error_throws_a_Horizon_exception_with_the_status()
    {
        _horizon.RespondStatus(HttpStatusCode.InternalServerError);

        var error = await Assert.ThrowsAsync<HorizonException>(() => _client.GetPaymentsAsync(null));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
    }

    [Fact]
    public async Task Account_is_found_with_its_native_balance()
    {
        _horizon.RespondJson(HorizonFixtures.Read("account.json"));

        var lookup = await _client.GetAccountAsync("GDA2KZG7UB3C3KU4RYRGCQI6JPV2I2FYBWT434MQHPE36FH7CWGVR5X3");

        var found = Assert.IsType<AccountLookup.Found>(lookup);
        Assert.Equal(new HorizonAccount("GDA2KZG7UB3C3KU4RYRGCQI6JPV2I2FYBWT434MQHPE36FH7CWGVR5X3", 10025.7670792m), found.Account);
        Assert.Equal("/accounts/GDA2KZG7UB3C3KU4RYRGCQI6JPV2I2FYBWT434MQHPE36FH7CWGVR5X3", _horizon.Requests.Single().PathAndQuery);
    }

    [Fact]
    public async Task Unknown_account_is_not_found_rather_than_an_error()
    {
        _horizon.RespondJson("""{"type":"https://stellar.org/horizon-errors/not_found","title":"Resource Missing","status":404}""", HttpStatusCode.NotFound);

        var lookup = await _client.GetAccountAsync(Wallet);

        Assert.Equal(new AccountLookup.NotFound(Wallet), lookup);
    }

    [Fact]
    public async Task Transaction_with_a_text_memo_is_read()
    {
        _horizon.RespondJson(HorizonFixtures.Read("transaction.json"));

        var lookup = await _client.GetTransactionAsync("a434302ea03b42dd00614e258e6b7cdce5dc8a9d7381b1cba8844b75df4f1486");

        var transaction = Assert.IsType<TransactionLookup.Found>(lookup).Transaction;
        Assert.Equal(("text", "0,075% Daily for Holders"), (transaction.MemoType, transaction.Memo));
        Assert.Equal((true, 52429011L), (transaction.Successful, transaction.Ledger));
        Assert.Equal("/transactions/a434302ea03b42dd00614e258e6b7cdce5dc8a9d7381b1cba8844b75df4f1486", _horizon.Requests.Single().PathAndQuery);
    }

    [Fact]
    public async Task Failed_transaction_is_read_as_not_successful()
    {
        _horizon.RespondJson(HorizonFixtures.Read("transaction_failed.json"));

        var lookup = await _client.GetTransactionAsync("ced549af061dc39758ce222f78f027e82b5077176a4e2efbeb4dc04086150b7d");

        var transaction = Assert.IsType<TransactionLookup.Found>(lookup).Transaction;
        Assert.False(transaction.Successful);
        Assert.Equal(("none", (string?)null), (transaction.MemoType, transaction.Memo));
        Assert.Equal(new DateTimeOffset(2024, 7, 5, 6, 1, 20, TimeSpan.Zero), transaction.CreatedAt);
    }

    [Fact]
    public async Task Muxed_source_account_of_a_transaction_decodes_to_its_source_account()
    {
        _horizon.RespondJson(HorizonFixtures.Read("transaction_muxed_id.json"));

        var lookup = await _client.GetTransactionAsync("a261c12d4d400c2954d1e234103907178f4f0767b69a868bf9cf0e2d27cb41a6");

        var transaction = Assert.IsType<TransactionLookup.Found>(lookup).Transaction;
        Assert.Equal(21449687443220UL, transaction.SourceAccountMuxedId);
        Assert.True(StrKey.TryDecodeMuxedAccount(transaction.SourceAccountMuxed, out var muxed));
        Assert.Equal(transaction.SourceAccount, muxed.BaseAccount);
        Assert.Equal(transaction.SourceAccountMuxedId, muxed.Id);
    }

    [Fact]
    public async Task Unknown_transaction_is_not_found_rather_than_an_error()
    {
        _horizon.RespondStatus(HttpStatusCode.NotFound);

        var lookup = await _client.GetTransactionAsync("00");

        Assert.Equal(new TransactionLookup.NotFound("00"), lookup);
    }
}
