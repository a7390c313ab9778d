using System.Security.Claims;
using System.Text;
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
        if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } merchantId)
            return Results.Unauthorized();
        if (!OrderFilter.TryParse(http.Request.Query, out var filter, out var error))
            return Results.BadRequest(error);

        bool testMode;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var merchant = await db.Users.Where(m => m.Id == merchantId).Select(m => new { m.TestMode }).SingleOrDefaultAsync(cancellationToken);
            if (merchant is null)
                return Results.Unauthorized();
            testMode = merchant.TestMode;
        }

        http.Response.Headers.CacheControl = "no-store";
        var scope = new MerchantScope(merchantId, Livemode: !testMode);
        var fileName = $"flux-orders-{(testMode ? "test" : "live")}-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv";
        return Results.Stream(async body =>
        {
            // The byte order mark lets spreadsheet programs read non-ASCII descriptions as UTF-8.
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
            await queries.WriteCsvAsync(scope, filter, writer, cancellationToken);
        }, OrderCsv.ContentType, fileName);
    }
}
