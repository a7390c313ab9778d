using System.Net;
using Flux.Dashboard.Chain.Horizon;
using Flux.Dashboard.Tests.Chain.Support;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Flux.Dashboard.Tests.Chain.Horizon;

/// <summary>The payment stream over Server-Sent Events, against scripted Horizon event streams.</summary>
public sealed class HorizonStreamTests : IAsyncDisposable
{
    private const string FirstId = "225257527003537409";
    private const string SecondId = "225257531298504705";
    private const string MalformedId = "225257533445988353";
    private const string TruncatedId = "225257535593472001";
    private static readonly TimeSpan RetryFromFixture = TimeSpan.FromMilliseconds(5000);

    private readonly ManualClock _clock = new();
    private readonly StubHorizonHandler _horizon;
    private readonly ListLogger<HorizonClient> _logger = new();
    private readonly HorizonClient _client;
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(20));

    public HorizonStreamTests()
    {
        _horizon = new StubHorizonHandler(_clock);
        _client = HorizonTestClient.Create(_horizon, _logger, _clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
    }

    [Fact]
    public async Task Stream_yields_payments_and_resumes_from_the_last_good_id_after_a_drop()
    {
        _horizon.RespondEventStream(HorizonFixtures.Read("payments_stream_dropped.txt"), StreamEnding.Drop);
        _horizon.RespondEventStream(HorizonFixtures.Read("payments_stream_resumed.txt"), StreamEnding.Silence);
        await using var stream = _client.StreamPaymentsAsync(null, null, _stop.Token).GetAsyncEnumerator();

        var first = await NextAsync(stream);
        var second = await NextAsync(stream);
        var third = NextAsync(stream);
        await _clock.WaitForTimerAsync(RetryFromFixture);
        _clock.Advance(RetryFromFixture);

        Assert.Equal([FirstId, SecondId, TruncatedId], [first.Id, second.Id, (await third).Id]);
        Assert.Equal("ord_7Hk2p9QxVt3mZ", first.Memo);
        var (opened, resumed) = (_horizon.Requests[0], _horizon.Requests[1]);
        Assert.Equal("/payments?cursor=now&join=transactions", opened.PathAndQuery);
        Assert.Equal("text/event-stream", opened.Accept);
        Assert.Null(opened.LastEventId);
        Assert.Equal(SecondId, resumed.Query("cursor"));
        Assert.Equal(SecondId, resumed.LastEventId);
    }

    [Fact]
    public async Task Hello_and_byebye_are_ignored_and_malformed_frames_are_logged_and_skipped()
    {
        _horizon.RespondEventStream(HorizonFixtures.Read("payments_stream_resumed.txt"));
        _horizon.RespondEventStream("", StreamEnding.Silence);
        await using var stream = _client.StreamPaymentsAsync(null, SecondId, _stop.Token).GetAsyncEnumerator();

        var payment = await NextAsync(stream);
        var next = NextAsync(stream);
        await _clock.WaitForTimerAsync(RetryFromFixture);

        Assert.Equal(TruncatedId, payment.Id);
        Assert.False(next.IsCompleted);
        var malformed = Assert.Single(_logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(MalformedId, malformed.Properties["RecordId"]);
        Assert.Contains("7.12345678", malformed.Message);
        Assert.Contains(_logger.Entries, e => e.Message.Contains("closed by the server"));
        await StopAsync(next);
    }

    [Fact]
    public async Task Reconnect_waits_exactly_as_long_as_retry_asked()
    {
        _horizon.RespondEventStream(HorizonFixtures.Read("payments_stream_resumed.txt"));
        _horizon.RespondEventStream("", StreamEnding.Silence);
        await using var stream = _client.StreamPaymentsAsync(null, SecondId, _stop.Token).GetAsyncEnumerator();
        await NextAsync(stream);
        var next = NextAsync(stream);
        await _clock.WaitForTimerAsync(RetryFromFixture);

        _clock.Advance(RetryFromFixture - TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        var before = _horizon.Requests.Count;
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await _horizon.WaitForRequestsAsync(2);

        Assert.Equal(1, before);
        Assert.Equal(TruncatedId, _horizon.Requests[1].Query("cursor"));
        await StopAsync(next);
    }

    [Fact]
    public async Task Silent_stream_is_reopened_from_its_cursor_after_the_idle_timeout()
    {
        _horizon.RespondEventStream("", StreamEnding.Silence);
        _horizon.RespondEventStream("", StreamEnding.Silence);
        await using var stream = _client.StreamPaymentsAsync("GALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMZTB", FirstId, _stop.Token)
            .GetAsyncEnumerator();
        var next = NextAsync(stream);
        await _clock.WaitForTimerAsync(HorizonClient.StreamIdleTimeout);

        _clock.Advance(HorizonClient.StreamIdleTimeout);
        await _clock.WaitForTimerAsync(HorizonClient.DefaultReconnectDelay);
        _clock.Advance(HorizonClient.DefaultReconnectDelay);
        await _horizon.WaitForRequestsAsync(2);

        var resumed = _horizon.Requests[1];
        Assert.Equal("/accounts/GALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMZTB/payments", resumed.Uri.AbsolutePath);
        Assert.Equal((FirstId, FirstId), (resumed.Query("cursor"), resumed.LastEventId));
        await StopAsync(next);
    }

    [Fact]
    public async Task Refused_stream_is_retried_after_its_Retry_After()
    {
        _horizon.RespondStatus(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(30));
        _horizon.RespondEventStream(HorizonFixtures.Read("payments_stream_resumed.txt"));
        await using var stream = _client.StreamPaymentsAsync(null, SecondId, _stop.Token).GetAsyncEnumerator();

        var payment = NextAsync(stream);
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(TruncatedId, (await payment).Id);
        Assert.Equal(SecondId, _horizon.Requests[1].Query("cursor"));
    }

    [Fact]
    public async Task Answer_that_is_not_an_event_stream_is_retried_after_a_backoff()
    {
        _horizon.RespondJson(HorizonFixtures.Read("pages_payments.json"));
        _horizon.RespondEventStream(HorizonFixtures.Read("payments_stream_resumed.txt"));
        await using var stream = _client.StreamPaymentsAsync(null, SecondId, _stop.Token).GetAsyncEnumerator();

        var payment = NextAsync(stream);
        await _clock.WaitForTimerAsync(HorizonClient.DefaultReconnectDelay);
        _clock.Advance(HorizonClient.DefaultReconnectDelay);

        Assert.Equal(TruncatedId, (await payment).Id);
        Assert.Contains(_logger.Entries, e => e.Message.Contains("application/hal+json instead of text/event-stream"));
    }

    [Fact]
    public async Task Cancelling_ends_the_stream()
    {
        _horizon.RespondEventStream("", StreamEnding.Silence);
        using var cancel = new CancellationTokenSource();
        await using var stream = _client.StreamPaymentsAsync(null, null, cancel.Token).GetAsyncEnumerator();
        var next = NextAsync(stream);
        await _horizon.WaitForRequestsAsync(1);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }

    /// <summary>Cancels the stream and lets the pending read end, so the enumerator can be disposed.</summary>
    private async Task StopAsync(Task pending)
    {
        await _stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    private static async Task<PaymentRecord> NextAsync(IAsyncEnumerator<PaymentRecord> stream)
    {
        Assert.True(await stream.MoveNextAsync());
        return stream.Current;
    }
}
