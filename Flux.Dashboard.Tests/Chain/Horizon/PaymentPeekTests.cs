using System.Text;
using System.Text.Json.Nodes;
using Flux.Dashboard.Chain.Horizon;
using Flux.Dashboard.Tests.Chain.Support;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Chain.Horizon;

/// <summary>
/// The stream's fast path (<see cref="PaymentPeek"/>, used to drop payments to unwatched wallets unread) against the
/// full record reader, on every payment-endpoint record of the Horizon fixtures and variants of them.
/// </summary>
public sealed class PaymentPeekTests
{
    private const string MuxedWallet = "MALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMAAAAEPXD6YEZMI32";

    private static readonly string[] RecordFiles =
    [
        "operations_payment.json", "operations_path_payment_strict_receive.json", "operations_path_payment_strict_send.json",
        "operations_create_account.json", "operations_account_merge.json",
    ];

    private static readonly string[] PageFiles = ["pages_payments.json", "pages_operations.json", "payments_join_transactions.json"];

    public static TheoryData<string, string> Records()
    {
        var data = new TheoryData<string, string>();
        foreach (var (source, record) in FixtureRecords())
        {
            foreach (var (variant, json) in Variants(record))
                data.Add($"{source} {variant}", json);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void Peek_finds_the_wallet_and_cursor_the_full_reader_finds(string name, string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);

        Assert.True(HorizonRecordReader.TryReadPayment(utf8, out var record, out var problem), $"{name}: {problem}");
        Assert.True(PaymentPeek.TryRead(utf8, out var peek), name);
        Assert.Equal(record.PagingToken, peek.PagingToken);
        Assert.Equal(NativePaymentRules.CreditedWallet(record), peek.CreditedWallet);
        Assert.Equal(NativePaymentRules.DebitedWallet(record), peek.DebitedWallet);
    }

    [Fact]
    public void Fixtures_cover_watched_and_unwatched_payments()
    {
        var credited = Records().Select(row => PeekOf((string)row[1]).CreditedWallet).ToList();

        Assert.Contains(credited, wallet => wallet is null);
        Assert.True(credited.Count(wallet => wallet is not null) >= 10);
        Assert.Contains("GALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMZTB", credited);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("{\"type\":\"payment\"}")]
    [InlineData("{\"paging_token\":\"1\",\"to\":\"G\"")]
    [InlineData("{\"paging_token\":\"1\"} trailing")]
    public void Peek_leaves_what_it_cannot_read_to_the_full_reader(string json)
    {
        Assert.False(PaymentPeek.TryRead(Encoding.UTF8.GetBytes(json), out _));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Filtered_stream_reads_in_full_exactly_the_records_for_wanted_wallets(bool watchEveryCreditedWallet)
    {
        var records = Records().Select(row => (string)row[1]).ToList();
        var frames = string.Concat(records.Select((json, i) => $"id: {i}\ndata: {json}\n\n"));
        var all = await ReadStreamAsync(frames, records.Count, wanted: null);
        var credited = all.Select(p => NativePaymentRules.CreditedWallet(p.Record!)).OfType<string>().ToHashSet();
        var wanted = watchEveryCreditedWallet ? credited : [];

        var filtered = await ReadStreamAsync(frames, records.Count, wanted.Contains);

        Assert.Equal(all.Select(p => p.PagingToken), filtered.Select(p => p.PagingToken));
        var expected = all.Select(p => NativePaymentRules.CreditedWallet(p.Record!) is { } w && wanted.Contains(w) ? p.Record : null);
        Assert.Equal(expected, filtered.Select(p => p.Record));
        Assert.Equal(watchEveryCreditedWallet, filtered.Any(p => p.Record is not null));
    }

    private static async Task<List<StreamedPayment>> ReadStreamAsync(string frames, int count, Func<string, bool>? wanted)
    {
        var horizon = new StubHorizonHandler(new ManualClock()).RespondEventStream(frames, StreamEnding.Silence);
        var client = HorizonTestClient.Create(horizon, new ListLogger<HorizonClient>(), new ManualClock());
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var read = new List<StreamedPayment>();
        await foreach (var payment in client.FollowPaymentsAsync(null, null, wanted, stop.Token))
        {
            read.Add(payment);
            if (read.Count == count)
                break;
        }
        return read;
    }

    private static PaymentPeek PeekOf(string json)
    {
        Assert.True(PaymentPeek.TryRead(Encoding.UTF8.GetBytes(json), out var peek));
        return peek;
    }

    private static IEnumerable<(string Source, JsonObject Record)> FixtureRecords()
    {
        foreach (var file in RecordFiles)
            yield return (file, JsonNode.Parse(HorizonFixtures.Read(file))!.AsObject());
        foreach (var file in PageFiles)
        {
            var records = JsonNode.Parse(HorizonFixtures.Read(file))!["_embedded"]!["records"]!.AsArray();
            for (var i = 0; i < records.Count; i++)
                yield return ($"{file}[{i}]", records[i]!.AsObject());
        }
    }

    /// <summary>The record as recorded, paid in native Pi, to a muxed address, in a failed transaction, and joined.</summary>
    private static IEnumerable<(string Variant, string Json)> Variants(JsonObject record)
    {
        yield return ("as recorded", record.ToJsonString());
        var native = (JsonObject)record.DeepClone();
        native["asset_type"] = NativePaymentRules.NativeAssetType;
        yield return ("native", native.ToJsonString());
        var muxed = (JsonObject)native.DeepClone();
        muxed.Remove("to");
        muxed["to_muxed"] = MuxedWallet;
        yield return ("native to muxed", muxed.ToJsonString());
        var failed = (JsonObject)native.DeepClone();
        failed["transaction_successful"] = false;
        yield return ("native, failed", failed.ToJsonString());
        var joined = (JsonObject)native.DeepClone();
        joined["transaction"] = JsonNode.Parse(HorizonFixtures.Read("transaction.json"));
        yield return ("native, joined", joined.ToJsonString());
    }
}
