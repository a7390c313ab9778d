using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Chain.Watching;

/// <summary>Reads what the watcher's sink recorded, waiting (bounded) for it to arrive.</summary>
internal static class ChainPaymentsProbe
{
    public static async Task<List<ChainPayment>> RecordedForAsync(this IServiceProvider services, string wallet)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        return await db.Set<ChainPayment>().AsNoTracking().Where(p => p.Wallet == wallet).OrderBy(p => p.Id).ToListAsync();
    }

    public static async Task<List<ChainPayment>> WaitForRecordedAsync(this IServiceProvider services, string wallet, int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var recorded = await services.RecordedForAsync(wallet);
            if (recorded.Count >= count || deadline.IsCancellationRequested)
                return recorded;
            await Task.Delay(10);
        }
    }
}
