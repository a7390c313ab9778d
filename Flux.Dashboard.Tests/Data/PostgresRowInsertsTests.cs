using Flux.Dashboard.Api.Idempotency;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Rates;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Flux.Dashboard.Tests.Data;

/// <summary>
/// The group commit's direct INSERTs on PostgreSQL must store exactly what EF's SaveChanges stores, column by column, and
/// keep the outbox's events committing in sequence order.
/// </summary>
[Trait(TestDatabaseEngine.Trait, TestDatabaseEngine.PostgresOnly)]
[Collection(FluxAppCollection.Name)]
public sealed class PostgresRowInsertsTests(FluxAppFactory app)
{
    [Fact]
    public async Task An_order_an_event_and_an_idempotency_record_inserted_directly_are_stored_as_SaveChanges_stores_them()
    {
        var (scope, wallet) = await app.NewMerchantWithWalletAsync(livemode: false);
        var at = new DateTimeOffset(2026, 11, 25, 16, 30, 15, 123, TimeSpan.Zero).AddTicks(4567);
        Order NewOrder() => new()
        {
            Id = PublicId.New("ord"), MerchantId = scope.MerchantId, Livemode = false, WalletId = wallet.Id, Network = wallet.Network,
            PayTo = wallet.Address, Amount = 1234.5678901m, Description = "Ünïcode \"quoted\" 'text'", Status = OrderStatus.Underpaid,
            PriceAmount = 12.34m, PriceCurrency = "USD", RateValue = 0.123456789012m, RateSource = RateSource.Provider, RateAsOf = at,
            CustomerEmail = null, AmountReceived = 0.0000001m, CreatedAt = at, ExpiresAt = at.AddMinutes(30), PaidAt = null, TransactionHash = null,
        };
        // Dispatched already, so the running dispatcher leaves both rows as written.
        OutboxEvent NewEvent() => new()
        {
            Id = PublicId.New("evt"), MerchantId = scope.MerchantId, Livemode = false, Type = OrderCanceled.Type,
            Data = """{"order_id":"ord_Ünïcode \"quoted\""}""", CreatedAt = at, DispatchedAt = at,
        };
        IdempotencyRecord NewRecord() => new()
        {
            MerchantId = scope.MerchantId, Livemode = false, Key = Guid.NewGuid().ToString(), RequestMethod = "POST", RequestPath = "/v1/orders?x=1",
            RequestBodyHash = [.. Enumerable.Range(0, 32).Select(i => (byte)i)], CreatedAt = at, ResponseStatus = 201,
            ResponseContentType = "application/json", ResponseLocation = null, ResponseBody = [0, 1, 2, 255],
        };
        object[] byEf = [NewOrder(), NewEvent(), NewRecord()];
        object[] inserted = [NewOrder(), NewEvent(), NewRecord()];

        await using (var db = await app.DbAsync())
        {
            db.AddRange(byEf);
            await db.SaveChangesAsync();
        }
        await InsertDirectlyAsync(inserted);

        Assert.Equal(await StoredAsync("Orders", "Id", ((Order)byEf[0]).Id), await StoredAsync("Orders", "Id", ((Order)inserted[0]).Id));
        Assert.Equal(await StoredAsync("OutboxEvents", "Id", ((OutboxEvent)byEf[1]).Id), await StoredAsync("OutboxEvents", "Id", ((OutboxEvent)inserted[1]).Id));
        Assert.Equal(await StoredAsync("IdempotencyRecords", "Key", ((IdempotencyRecord)byEf[2]).Key),
            await StoredAsync("IdempotencyRecords", "Key", ((IdempotencyRecord)inserted[2]).Key));
        await using var read = await app.DbAsync();
        var order = await read.Set<Order>().AsNoTracking().SingleAsync(o => o.Id == ((Order)inserted[0]).Id);
        Assert.Equal((1234.5678901m, 0.0000001m, OrderStatus.Underpaid, RateSource.Provider, 0.123456789012m),
            (order.Amount, order.AmountReceived, order.Status, order.RateSource, order.RateValue));
    }

    [Fact]
    public async Task Events_inserted_directly_take_sequences_in_the_order_of_the_rows()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var events = Enumerable.Range(0, 5)
            .Select(i => Outbox.Event(scope.MerchantId, false, new OrderCanceled($"ord_{i}"), DateTimeOffset.UtcNow)).ToList();
        events.ForEach(e => e.DispatchedAt = e.CreatedAt);

        await InsertDirectlyAsync(events);

        await using var read = await app.DbAsync();
        var ids = events.Select(e => e.Id).ToList();
        var stored = await read.Set<OutboxEvent>().AsNoTracking().Where(e => ids.Contains(e.Id)).OrderBy(e => e.Sequence).Select(e => e.Id).ToListAsync();
        Assert.Equal(ids, stored);
    }

    [Fact]
    public async Task A_group_commit_with_events_waits_for_the_outbox_lock_another_transaction_holds()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        await using var other = await app.DbAsync();
        await using var otherTransaction = await other.Database.BeginTransactionAsync();
        Assert.True(await DatabaseLocks.LockAsync(other, OutboxOrder.LockName, CancellationToken.None));

        var created = app.Services.GetRequiredService<OrderService>().CreateAsync(scope, new CreateOrderRequest(10m, null));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(created.IsCompleted);
        await otherTransaction.CommitAsync();

        Assert.True((await created.WaitAsync(TimeSpan.FromSeconds(10))).Succeeded);
    }

    private async Task InsertDirectlyAsync(IReadOnlyList<object> rows)
    {
        await using var db = await app.DbAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await new PostgresRowInserts(db.Model).InsertAsync((NpgsqlConnection)db.Database.GetDbConnection(),
            (NpgsqlTransaction)transaction.GetDbTransaction(), [], rows, CancellationToken.None);
        await transaction.CommitAsync();
    }

    /// <summary>Every column of the row as PostgreSQL holds it (type and value), but its key and sequence.</summary>
    private async Task<List<string>> StoredAsync(string table, string keyColumn, string key)
    {
        await using var db = await app.DbAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT * FROM \"{table}\" WHERE \"{keyColumn}\" = @key", connection);
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return Enumerable.Range(0, reader.FieldCount)
            .Where(i => reader.GetName(i) is not ("Id" or "Sequence" or "Key"))
            .Select(i => $"{reader.GetName(i)}={reader.GetDataTypeName(i)}:{(reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : reader.GetValue(i))}")
            .ToList();
    }
}
