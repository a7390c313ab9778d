using System.Diagnostics;
using System.Net;
using System.Text;

namespace Flux.Dashboard.Tests.Crash;

/// <summary>What Flux answered a POST: status, body and whether it said the answer was replayed.</summary>
internal sealed record PostAnswer(int Status, string Body, bool Replayed)
{
    public override string ToString() => $"{Status}{(Replayed ? " (Idempotent-Replayed: true)" : "")} {Body}";
}

/// <summary>
/// One API POST with its own <c>Idempotency-Key</c>, sent as a careful client sends it across crashes: when Flux is killed
/// before it answers, the same key and the same body go again after the restart, until an answer other than 409 comes.
/// (409 says the key's first request is still running; after a restart none is, so a 409 that lasts means the killed
/// process left the key claimed.) The first such answer is the post's result; every later send must replay it.
/// </summary>
internal sealed class IdempotentPost(string key, string path, string body)
{
    /// <summary>How long a post that lost its answer may keep getting 409 from the restarted Flux before that is a fault.</summary>
    public static readonly TimeSpan InProgressLimit = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan InProgressPause = TimeSpan.FromMilliseconds(250);

    private string? lastError;

    public string Key => key;

    public PostAnswer? Answer { get; private set; }

    /// <summary>Sends that got no answer: Flux was killed while it ran, or was down when it was sent.</summary>
    public int LostAnswers { get; private set; }

    /// <summary>Why the post has no result (still 409 after <see cref="InProgressLimit"/>), for the report.</summary>
    public string? Fault { get; private set; }

    public bool IsSettled => Answer is not null || Fault is not null;

    public override string ToString() => $"Idempotency-Key {key} (POST {path} {body})";

    /// <summary>Sends until the post has its result; false when Flux did not answer (send again after the restart).</summary>
    public async Task<bool> SendAsync(HttpClient client)
    {
        Stopwatch? inProgressFor = null;
        while (true)
        {
            PostAnswer answer;
            try
            {
                answer = await PostAsync(client);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
            {
                LostAnswers++;
                lastError = ex.Message;
                return false;
            }

            if (answer.Status != (int)HttpStatusCode.Conflict || LostAnswers == 0)
            {
                Answer = answer;
                return true;
            }
            inProgressFor ??= Stopwatch.StartNew();
            if (inProgressFor.Elapsed >= InProgressLimit)
            {
                Fault = $"{this}: Flux was killed before it answered (sent {LostAnswers}× without an answer); after the restart the " +
                    $"same key and body were still answered 409 after {InProgressLimit.TotalSeconds:N0} s, where the first " +
                    $"result replayed or a fresh run was expected. Last answer: {answer}";
                return true;
            }
            await Task.Delay(InProgressPause);
        }
    }

    /// <summary>Sends the post once more; why that did not replay its result, or null when it did.</summary>
    public async Task<string?> CheckReplayAsync(HttpClient client)
    {
        if (Answer is not { Status: < 400 } first)
            return null;
        PostAnswer again;
        try
        {
            again = await PostAsync(client);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            return $"{this}: sent again to check the replay, no answer: {ex.Message}";
        }
        return again.Replayed && again.Status == first.Status && again.Body == first.Body
            ? null
            : $"{this}: sent again, expected the first result replayed ({first.Status}, Idempotent-Replayed: true, same body), got {again}. First result: {first}";
    }

    /// <summary>Why the post's result is not the 201 it should be, or null.</summary>
    public string? CheckCreated() => Fault ?? Answer switch
    {
        null => $"{this}: never answered (sent {LostAnswers}×; last error: {lastError})",
        { Status: (int)HttpStatusCode.Created } => null,
        var other => $"{this}: expected 201 Created, got {other}",
    };

    private async Task<PostAnswer> PostAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true");
        return new((int)response.StatusCode, text, replayed);
    }
}
