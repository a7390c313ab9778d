using System.Security.Claims;
using System.Text;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Credits;

/// <summary>
/// <c>GET /credits/ledger.csv?kind=&amp;from=&amp;to=</c>: the Credits page's filtered ledger as a CSV download, for the
/// signed-in merchant in the mode their dashboard is in.
/// </summary>
public static class LedgerExportEndpoint
{
    public const string Path = "/credits/ledger.csv";
    public const int MaxRows = 100_000;

    public static RouteHandlerBuilder MapCreditLedgerExport(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, ExportAsync).RequireAuthorization();

    private static async Task<IResult> ExportAsync(HttpContext http, IDbContextFactory<FluxDbContext> dbFactory, CreditService credits,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } merchantId)
            return Results.Unauthorized();
        if (!LedgerFilter.TryParse(http.Request.Query, out var filter, out var error))
            return Results.BadRequest(error);

        bool testMode;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var merchant = await db.Users.Where(m => m.Id == merchantId).Select(m => new { m.TestMode }).SingleOrDefaultAsync(cancellationToken);
            if (merchant is null)
                return Results.Unauthorized();
            testMode = merchant.TestMode;
        }

        var lines = await credits.LedgerAsync(new MerchantScope(merchantId, Livemode: !testMode), filter, MaxRows, cancellationToken);
        var csv = new StringBuilder(LedgerCsv.Header).Append("\r\n");
        foreach (var line in lines)
            csv.Append(LedgerCsv.Row(line)).Append("\r\n");
        http.Response.Headers.CacheControl = "no-store";
        var fileName = $"flux-credits-{(testMode ? "test" : "live")}-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv";
        return Results.File(new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(),
            OrderCsv.ContentType, fileName);
    }
}
