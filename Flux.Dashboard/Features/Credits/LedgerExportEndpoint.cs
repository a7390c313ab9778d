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

    public static RouteHandlerBuilder MapCreditLedgerExport(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, ExportAsync).RequireAuthorization();

    private static async Task<IResult> ExportAsync(HttpContext http, IDbContextFactory<FluxDbContext> dbFactory, CreditService credits,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!LedgerFilter.TryParse(http.Request.Query, out var filter, out var error))
            return Results.BadRequest(error);
        if (await SignedInScope.OfAsync(http, dbFactory, cancellationToken) is not { } scope)
            return Results.Unauthorized();

        var fileName = $"flux-credits-{(scope.Livemode ? "live" : "test")}-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv";
        return OrderCsv.Download(http, fileName, writer => credits.WriteLedgerCsvAsync(scope, filter, writer, cancellationToken));
    }
}
