using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Orders;

/// <summary>
/// <c>GET /orders/export.csv?status=&amp;from=&amp;to=&amp;q=</c>: the Orders page's filtered list as a CSV download, for the
/// signed-in merchant in the mode their dashboard is in.
/// </summary>
public static class OrdersExportEndpoint
{
    public const string Path = "/orders/export.csv";

    public static RouteHandlerBuilder MapOrdersExport(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, ExportAsync).RequireAuthorization();

    private static async Task<IResult> ExportAsync(HttpContext http, IDbContextFactory<FluxDbContext> dbFactory, OrderQueries queries,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!OrderFilter.TryParse(http.Request.Query, out var filter, out var error))
            return Results.BadRequest(error);
        if (await SignedInScope.OfAsync(http, dbFactory, cancellationToken) is not { } scope)
            return Results.Unauthorized();

        var fileName = $"flux-orders-{(scope.Livemode ? "live" : "test")}-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv";
        return OrderCsv.Download(http, fileName, writer => queries.WriteCsvAsync(scope, filter, writer, cancellationToken));
    }
}
