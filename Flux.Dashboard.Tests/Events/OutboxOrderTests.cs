using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Events;

/// <summary>
/// Outbox events become visible in the order of their sequence numbers, on either engine: an event saved while a
/// transaction holding an earlier one is still open waits for it, so no reader ever sees sequence 11 without 10 — even
/// when the later save is a plain SaveChanges that EF would send without a transaction of its own.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class OutboxOrderTests(FluxAppFactory app)
{
    [Fact]
    public async Task An_event_saved_while_an_earlier_one_is_uncommitted_becomes_visible_only_after_it()
    {
        var merchant = await app.NewApiMerchantAsync();
        var contexts = app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>();
        var now = DateTimeOffset.UtcNow;

        await using var first = await contexts.CreateDbContextAsync();
        var transaction = await first.Database.BeginTransactionAsync();
        var earlier = Outbox.Append(first, merchant.MerchantId, false, new CreditsLow(1, 2), now);
        await first.SaveChangesAsync();

        var later = Task.Run(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            var appended = Outbox.Append(db, merchant.MerchantId, false, new CreditsLow(0, 2), now);
            await db.SaveChangesAsync();
            return appended.Sequence;
        });

        var watchUntil = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        while (DateTime.UtcNow < watchUntil)
        {
            await using var reader = await contexts.CreateDbContextAsync();
            Assert.False(await reader.Set<OutboxEvent>().AnyAsync(e => e.MerchantId == merchant.MerchantId),
                "An event of the merchant became visible while the earlier one was uncommitted.");
            await Task.Delay(50);
        }
        await transaction.CommitAsync();

        Assert.True(await later > earlier.Sequence);
        await using var check = await contexts.CreateDbContextAsync();
        Assert.Equal(2, await check.Set<OutboxEvent>().CountAsync(e => e.MerchantId == merchant.MerchantId));
    }
}
