using System.Text.Json;
using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Chain.Sandbox;

/// <summary>The Horizon look-alike at <c>/sandbox/horizon</c> (docs/architecture.md, "The sandbox"): accounts, payments (pages and SSE), transactions.</summary>
public static class SandboxHorizonEndpoints
{
    public const string Path = "/sandbox/horizon";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static void MapSandboxHorizon(this WebApplication app)
    {
        var horizon = app.MapGroup(Path).ExcludeFromDescription();

        horizon.MapGet("/", async (HttpContext http, IDbContextFactory<FluxDbContext> dbs, CancellationToken ct) =>
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var latest = await db.Set<SandboxTransaction>().MaxAsync(t => (long?)t.Ledger, ct) ?? 0;
            return Hal(Format(http).Root(latest));
        });

        horizon.MapGet("/accounts/{accountId}", async (string accountId, HttpContext http, IDbContextFactory<FluxDbContext> dbs, CancellationToken ct) =>
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var account = await db.Set<SandboxAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct);
            return account is null ? HorizonProblem.NotFound() : Hal(Format(http).Account(account));
        });

        horizon.MapGet("/transactions/{hash}", async (string hash, HttpContext http, IDbContextFactory<FluxDbContext> dbs, CancellationToken ct) =>
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var tx = await db.Set<SandboxTransaction>().AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash.ToLowerInvariant(), ct);
            return tx is null ? HorizonProblem.NotFound() : Hal(Format(http).Transaction(tx));
        });

        horizon.MapGet("/payments", (HttpContext http, SandboxPayments payments, SandboxLedgerSignal signal, CancellationToken ct) =>
            PaymentsAsync(http, null, payments, signal, ct));

        horizon.MapGet("/accounts/{accountId}/payments", (string accountId, HttpContext http, SandboxPayments payments, SandboxLedgerSignal signal, CancellationToken ct) =>
            PaymentsAsync(http, accountId, payments, signal, ct));
    }

    private static async Task<IResult> PaymentsAsync(HttpContext http, string? account, SandboxPayments payments, SandboxLedgerSignal signal, CancellationToken ct)
    {
        var streaming = http.Request.Headers.Accept.Any(a => a?.Contains("text/event-stream") == true);
        var (query, field, reason) = PageQuery.Parse(http.Request.Query, streaming ? http.Request.Headers["Last-Event-ID"].FirstOrDefault() : null);
        if (query is null)
            return HorizonProblem.BadRequest(field!, reason!);

        var format = Format(http);
        if (streaming)
        {
            // A stream ends when its client leaves or when the app begins to stop (so shutdown never waits on it).
            var stopping = http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var streamEnd = CancellationTokenSource.CreateLinkedTokenSource(ct, stopping);
            await StreamAsync(http, account, query, payments, signal, format, streamEnd.Token);
            return Results.Empty;
        }

        var page = await payments.PageAsync(account, query, ct);
        var records = page.Select(r => format.Payment(r.Payment, r.Transaction)).ToList();
        var path = account is null ? "/payments" : $"/accounts/{account}/payments";
        return Hal(format.Page(path, records, query,
            page.Count > 0 ? page[0].Payment.Id.ToString() : null,
            page.Count > 0 ? page[^1].Payment.Id.ToString() : null));
    }

    /// <summary>Server-Sent Events as Horizon sends them: <c>retry</c>, a "hello" frame, then one <c>id</c>/<c>data</c> frame per payment.</summary>
    private static async Task StreamAsync(HttpContext http, string? account, PageQuery query, SandboxPayments payments,
        SandboxLedgerSignal signal, SandboxHorizonJson format, CancellationToken ct)
    {
        // Resolved before "hello" goes out, so a payment closing right after the client sees it is never skipped.
        // As Horizon: no cursor streams from the first record, "now" from the next one to close.
        var cursor = query.CursorId ?? (query.CursorIsNow ? await payments.LatestIdAsync(ct) : 0);
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.WriteAsync("retry: 1000\nevent: open\ndata: \"hello\"\n\n", ct);
        await http.Response.Body.FlushAsync(ct);

        try
        {
            while (!ct.IsCancellationRequested)
            {
                var closed = signal.NextLedgerAsync();
                var page = await payments.PageAsync(account, query with { CursorId = cursor, Order = "asc", Limit = PageQuery.MaxLimit }, ct);
                foreach (var (payment, tx) in page)
                {
                    var data = JsonSerializer.Serialize(format.Payment(payment, tx), Json);
                    await http.Response.WriteAsync($"id: {payment.Id}\ndata: {data}\n\n", ct);
                    cursor = payment.Id;
                }
                await http.Response.Body.FlushAsync(ct);
                if (page.Count < PageQuery.MaxLimit)
                    await Task.WhenAny(closed, Task.Delay(TimeSpan.FromSeconds(15), ct));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away or the app is stopping: the stream ends, as Horizon's does.
        }
    }

    private static SandboxHorizonJson Format(HttpContext http) =>
        new($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Path}",
            http.RequestServices.GetRequiredService<IOptions<ChainOptions>>().Value.GetNetwork(ChainNetworkNames.Sandbox).Passphrase);

    private static IResult Hal(object body) => Results.Json(body, Json, "application/hal+json; charset=utf-8");
}
