using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Flux.Dashboard.Chain.Horizon.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Flux.Dashboard.Chain.Horizon;

/// <summary>
/// Reads one Horizon server (Pi mainnet, Pi testnet or Flux's sandbox: the same JSON). Get one from
/// <see cref="HorizonClientFactory"/>. JSON requests go through <paramref name="api"/> (retries and timeouts);
/// the payment stream through <paramref name="stream"/>, which must have no overall timeout.
/// </summary>
public sealed class HorizonClient(HttpClient api, HttpClient stream, ILogger<HorizonClient> logger, TimeProvider timeProvider)
{
    public const int MaxPageLimit = 200;

    private const string EventStreamMediaType = "text/event-stream";

    /// <summary>Used until the server sends <c>retry:</c>.</summary>
    public static readonly TimeSpan DefaultReconnectDelay = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound for reconnect delays, whatever <c>retry:</c> or repeated failures ask for.</summary>
    public static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromMinutes(2);

    /// <summary>A stream silent this long is presumed half-open and reopened from its cursor.</summary>
    public static readonly TimeSpan StreamIdleTimeout = TimeSpan.FromMinutes(5);

    public async Task<AccountLookup> GetAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var path = $"accounts/{Uri.EscapeDataString(accountId)}";
        var account = await GetJsonAsync(path, HorizonJsonContext.Default.AccountJson, cancellationToken);
        if (account is null)
        {
            return new AccountLookup.NotFound(accountId);
        }
        var native = account.Balances?.FirstOrDefault(b => b.AssetType == NativePaymentRules.NativeAssetType);
        if (native is null || !HorizonAmount.TryParse(native.Balance, out var balance))
        {
            throw new HorizonException($"Horizon's {path} has no readable native balance.");
        }
        return new AccountLookup.Found(new HorizonAccount(account.AccountId ?? accountId, balance));
    }

    public async Task<TransactionLookup> GetTransactionAsync(string hash, CancellationToken cancellationToken = default)
    {
        var path = $"transactions/{Uri.EscapeDataString(hash)}";
        var json = await GetJsonAsync(path, HorizonJsonContext.Default.TransactionJson, cancellationToken);
        if (json is null)
        {
            return new TransactionLookup.NotFound(hash);
        }
        return HorizonRecordReader.TryMapTransaction(json, out var transaction, out var problem)
            ? new TransactionLookup.Found(transaction)
            : throw new HorizonException($"Horizon's {path} is malformed: {problem}.");
    }

    /// <summary>
    /// One page of <c>/payments</c> (all accounts, when <paramref name="accountId"/> is null) or
    /// <c>/accounts/{id}/payments</c>. Malformed records are logged and skipped, counted in the page.
    /// </summary>
    public async Task<PaymentPage> GetPaymentsAsync(
        string? accountId,
        string? cursor = null,
        HorizonOrder order = HorizonOrder.Ascending,
        int limit = MaxPageLimit,
        bool joinTransactions = true,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageLimit);
        var query = new Dictionary<string, string?>
        {
            ["order"] = order == HorizonOrder.Ascending ? "asc" : "desc",
            ["limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrEmpty(cursor))
        {
            query["cursor"] = cursor;
        }
        if (joinTransactions)
        {
            query["join"] = "transactions";
        }
        var path = QueryHelpers.AddQueryString(PaymentsPath(accountId), query);
        var page = await GetJsonAsync(path, HorizonJsonContext.Default.PageJson, cancellationToken)
                   ?? throw new HorizonException($"Horizon has no {PaymentsPath(accountId)}.", HttpStatusCode.NotFound);

        var records = new List<PaymentRecord>();
        var malformed = 0;
        foreach (var element in page.Embedded?.Records ?? [])
        {
            if (HorizonRecordReader.TryReadPayment(element, out var record, out var problem))
            {
                records.Add(record);
            }
            else
            {
                malformed++;
                HorizonLog.MalformedPayment(logger, RecordId(element), path, problem);
            }
        }
        return new PaymentPage(records, NextCursor(page) ?? records.LastOrDefault()?.PagingToken ?? cursor, malformed);
    }

    /// <summary>
    /// Follows <c>/payments</c> (or one account's payments) over Server-Sent Events with <c>join=transactions</c>,
    /// from <paramref name="cursor"/> (<c>now</c> when null: only new payments), until cancelled. After a drop or a
    /// <c>"byebye"</c> it reconnects from the last record it yielded, waiting as long as <c>retry:</c> asked.
    /// Malformed frames are logged and skipped; their ids never become the resume cursor.
    /// </summary>
    public async IAsyncEnumerable<PaymentRecord> StreamPaymentsAsync(
        string? accountId,
        string? cursor,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var payment in FollowPaymentsAsync(accountId, cursor, null, cancellationToken))
        {
            yield return payment.Record!;
        }
    }

    /// <summary>
    /// <see cref="StreamPaymentsAsync"/>, but a record that moves native Pi into or out of no wallet <paramref name="wanted"/>
    /// accepts (when given) is not read in full: it comes with its cursor only. Malformed records that concern no wanted
    /// wallet are skipped like any other such record; the rest are logged and skipped as before.
    /// </summary>
    public async IAsyncEnumerable<StreamedPayment> FollowPaymentsAsync(
        string? accountId,
        string? cursor,
        Func<string, bool>? wanted,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var utf8 = new ArrayBufferWriter<byte>();
        var path = PaymentsPath(accountId);
        var lastId = string.IsNullOrEmpty(cursor) ? "now" : cursor;
        var reconnectDelay = DefaultReconnectDelay;
        var failures = 0;
        while (true)
        {
            var (connection, retryAfter) = await ConnectAsync(path, lastId, cancellationToken);
            if (connection is null)
            {
                failures++;
                var backoff = Min(reconnectDelay * Math.Pow(2, Math.Min(failures - 1, 10)), MaxReconnectDelay);
                var delay = retryAfter > backoff ? Min(retryAfter.Value, MaxReconnectDelay) : backoff;
                HorizonLog.StreamReconnecting(logger, path, lastId, delay);
                await Task.Delay(delay, timeProvider, cancellationToken);
                continue;
            }

            failures = 0;
            HorizonLog.StreamOpened(logger, path, lastId);
            string ending;
            using (connection)
            {
                var parser = new ServerSentEventParser();
                while (true)
                {
                    var (line, endReason) = await connection.ReadLineAsync();
                    if (line is null)
                    {
                        ending = endReason!;
                        break;
                    }
                    var message = parser.Feed(line);
                    reconnectDelay = Min(parser.ReconnectDelay ?? reconnectDelay, MaxReconnectDelay);
                    if (message is null || IsControlFrame(message.Payload.Span))
                    {
                        continue;
                    }
                    utf8.ResetWrittenCount();
                    Encoding.UTF8.GetBytes(message.Payload.Span, utf8);
                    if (wanted is not null && PaymentPeek.TryRead(utf8.WrittenSpan, out var peek) && !peek.Concerns(wanted))
                    {
                        lastId = message.Id ?? peek.PagingToken;
                        yield return new StreamedPayment(peek.PagingToken, null);
                        continue;
                    }
                    if (!HorizonRecordReader.TryReadPayment(utf8.WrittenSpan, out var record, out var problem))
                    {
                        HorizonLog.MalformedPayment(logger, message.Id, path, problem);
                        continue;
                    }
                    lastId = message.Id ?? record.PagingToken;
                    yield return new StreamedPayment(record.PagingToken, record);
                }
            }
            HorizonLog.StreamEnded(logger, path, ending, lastId, reconnectDelay);
            await Task.Delay(reconnectDelay, timeProvider, cancellationToken);
        }
    }

    private static string PaymentsPath(string? accountId) =>
        accountId is null ? "payments" : $"accounts/{Uri.EscapeDataString(accountId)}/payments";

    private static bool IsControlFrame(ReadOnlySpan<char> data) => data is "\"hello\"" or "\"byebye\"";

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>The response body, or null for a 404. Other failures and unreadable bodies throw <see cref="HorizonException"/>.</summary>
    private async Task<T?> GetJsonAsync<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await api.GetAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new HorizonException($"Horizon answered {(int)response.StatusCode} to {path}.", response.StatusCode);
        }
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync(body, typeInfo, cancellationToken)
                   ?? throw new HorizonException($"Horizon answered {path} with an empty body.", response.StatusCode);
        }
        catch (JsonException ex)
        {
            throw new HorizonException($"Horizon's answer to {path} is not valid JSON.", response.StatusCode, ex);
        }
    }

    private static string? NextCursor(PageJson page)
    {
        var href = page.Links?.Next?.Href;
        if (string.IsNullOrEmpty(href) || !Uri.TryCreate(href, UriKind.Absolute, out var next))
        {
            return null;
        }
        var cursor = QueryHelpers.ParseQuery(next.Query)["cursor"].ToString();
        return cursor.Length > 0 ? cursor : null;
    }

    private static string? RecordId(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private async Task<(StreamConnection? Connection, TimeSpan? RetryAfter)> ConnectAsync(
        string path, string lastId, CancellationToken cancellationToken)
    {
        var query = new Dictionary<string, string?> { ["cursor"] = lastId, ["join"] = "transactions" };
        using var request = new HttpRequestMessage(HttpMethod.Get, QueryHelpers.AddQueryString(path, query));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(EventStreamMediaType));
        if (lastId != "now")
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastId);
        }
        HttpResponseMessage response;
        try
        {
            response = await stream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException
                                   || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            HorizonLog.StreamConnectFailed(logger, ex, path);
            return (null, null);
        }
        if (!response.IsSuccessStatusCode)
        {
            HorizonLog.StreamRefused(logger, path, response.StatusCode);
            var retryAfter = response.Headers.RetryAfter?.Delta
                             ?? (response.Headers.RetryAfter?.Date - timeProvider.GetUtcNow());
            response.Dispose();
            return (null, retryAfter);
        }
        if (response.Content.Headers.ContentType?.MediaType != EventStreamMediaType)
        {
            HorizonLog.StreamNotEventStream(logger, path, response.Content.Headers.ContentType?.MediaType);
            response.Dispose();
            return (null, null);
        }
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return (new StreamConnection(response, body, timeProvider, cancellationToken), null);
        }
        catch (IOException ex)
        {
            response.Dispose();
            HorizonLog.StreamConnectFailed(logger, ex, path);
            return (null, null);
        }
    }
}
