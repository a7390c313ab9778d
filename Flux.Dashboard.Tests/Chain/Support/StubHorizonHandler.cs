using System.Net;
using System.Text;

namespace Flux.Dashboard.Tests.Chain.Support;

/// <summary>
/// Stands in for a real Horizon at the network edge: answers requests in order from a script and records what
/// was asked. The only test double in the chain tests.
/// </summary>
internal sealed class StubHorizonHandler(TimeProvider? clock = null) : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _responses = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly SemaphoreSlim _requestArrived = new(0);

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    public StubHorizonHandler Respond(Func<HttpResponseMessage> response)
    {
        lock (_responses)
        {
            _responses.Enqueue(response);
        }
        return this;
    }

    public StubHorizonHandler RespondJson(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        Respond(() => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/hal+json") });

    public StubHorizonHandler RespondStatus(HttpStatusCode status, TimeSpan? retryAfter = null) =>
        Respond(() =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent("""{"status":0}""") };
            if (retryAfter is { } delay)
            {
                response.Headers.RetryAfter = new(delay);
            }
            return response;
        });

    /// <summary>An event stream that sends <paramref name="body"/> and then behaves as <paramref name="ending"/> says.</summary>
    public StubHorizonHandler RespondEventStream(string body, StreamEnding ending = StreamEnding.Close) =>
        Respond(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new ScriptedStream(Encoding.UTF8.GetBytes(body), ending))
            {
                Headers = { { "Content-Type", "text/event-stream" } },
            },
        });

    /// <summary>Waits (in real time) until at least <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Requests.Count < count)
        {
            await _requestArrived.WaitAsync(timeout.Token);
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Func<HttpResponseMessage> next;
        lock (_responses)
        {
            next = _responses.Count > 0
                ? _responses.Dequeue()
                : () => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("no scripted response left") };
        }
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(
                request.RequestUri!,
                request.Headers.Accept.ToString(),
                request.Headers.TryGetValues("Last-Event-ID", out var ids) ? ids.Single() : null,
                (clock ?? TimeProvider.System).GetUtcNow()));
        }
        _requestArrived.Release();
        return Task.FromResult(next());
    }
}

internal sealed record RecordedRequest(Uri Uri, string Accept, string? LastEventId, DateTimeOffset At)
{
    public string PathAndQuery => Uri.PathAndQuery;

    public string? Query(string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Uri.Query).TryGetValue(name, out var value) ? value.ToString() : null;
}
