using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Data;

/// <summary>The group commit's prepared INSERTs must store exactly what EF's SaveChanges stores, column by column.</summary>
[Trait(TestDatabaseEngine.Trait, TestDatabaseEngine.SqliteOnly)]
[Collection(FluxAppCollection.Name)]
public sealed class RowInsertsTests(FluxAppFactory app)
{
    [Fact]
    public async Task An_order_and_an_event_inserted_directly_are_stored_as_SaveChanges_stores_them()
    {
        var (scope, wallet) = await app.NewMerchantWithWalletAsync(livemode: false);
        var at = new DateTimeOffset(2026, 11, 25, 18, 30, 15, 123, TimeSpan.FromHours(2)).AddTicks(4567);
        Order NewOrder() => new()
        {
            Id = PublicId.New("ord"), MerchantId = scope.MerchantId, Livemode = false, WalletId = wallet.Id, Network = wallet.Network,
            PayTo = wallet.Address, Amount = 1234.5678901m, Description = "Ünïcode \"quoted\" 'text'", Status = OrderStatus.Underpaid,
            AmountReceived = 0.0000001m, CreatedAt = at, ExpiresAt = at.AddMinutes(30), PaidAt = null, TransactionHash = null,
        };
        // Dispatched already, so the running dispatcher leaves both rows as written.
        OutboxEvent NewEvent()
        {
            var outboxEvent = Outbox.Event(scope.MerchantId, false, new OrderCanceled("ord_Ünïcode \"quoted\""), at);
            outboxEvent.DispatchedAt = at;
            return outboxEvent;
        }
        var (byEf, byInsert) = (NewOrder(), NewOrder());
        var (efEvent, insertedEvent) = (NewEvent(), NewEvent());

        await using (var db = await app.DbAsync())
        {
            db.AddRange(byEf, efEvent);
            await db.SaveChangesAsync();
        }
        await using (var db = await app.DbAsync())
        {
            await db.Database.OpenConnectionAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            using var inserts = new RowInserts(db.Model, (SqliteConnection)db.Database.GetDbConnection());
            inserts.Insert([byInsert, insertedEvent]);
            await transaction.CommitAsync();
        }

        Assert.Equal(await StoredAsync("Orders", "Id", byEf.Id), await StoredAsync("Orders", "Id", byInsert.Id));
        Assert.Equal(await StoredAsync("OutboxEvents", "Id", efEvent.Id), await StoredAsync("OutboxEvents", "Id", insertedEvent.Id));
        await using var read = await app.DbAsync();
        var order = await read.Set<Order>().AsNoTracking().SingleAsync(o => o.Id == byInsert.Id);
        var efOrder = await read.Set<Order>().AsNoTracking().SingleAsync(o => o.Id == byEf.Id);
        Assert.Equal((1234.5678901m, 0.0000001m, OrderStatus.Underpaid, byInsert.Description), (order.Amount, order.AmountReceived, order.Status, order.Description));
        Assert.Equal((efOrder.CreatedAt, efOrder.ExpiresAt, efOrder.PaidAt), (order.CreatedAt, order.ExpiresAt, order.PaidAt));
        var stored = await read.Set<OutboxEvent>().AsNoTracking().SingleAsync(e => e.Id == insertedEvent.Id);
        Assert.True(stored.Sequence > (await read.Set<OutboxEvent>().SingleAsync(e => e.Id == efEvent.Id)).Sequence);
    }

    [Fact]
    public async Task A_row_that_breaks_a_constraint_throws_and_the_statement_serves_the_next_row()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var at = DateTimeOffset.UtcNow;
        var first = Outbox.Event(scope.MerchantId, false, new OrderCanceled("ord_1"), at);
        var duplicate = new OutboxEvent
        {
            Id = first.Id, MerchantId = scope.MerchantId, Livemode = false, Type = OrderCreated.Type, Data = """{"order_id":"ord_2"}""", CreatedAt = at,
        };
        var next = Outbox.Event(scope.MerchantId, false, new OrderCanceled("ord_3"), at);

        await using (var db = await app.DbAsync())
        {
            await db.Database.OpenConnectionAsync();
            using var inserts = new RowInserts(db.Model, (SqliteConnection)db.Database.GetDbConnection());
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                inserts.Insert([first]);
                var error = Assert.Throws<SqliteException>(() => inserts.Insert([duplicate]));
                Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT: the unique event id
                await transaction.RollbackAsync();
            }
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                inserts.Insert([next]);
                await transaction.CommitAsync();
            }
        }

        await using var read = await app.DbAsync();
        var stored = await read.Set<OutboxEvent>().AsNoTracking().Where(e => e.Id == first.Id || e.Id == next.Id).Select(e => e.Data).ToListAsync();
        Assert.Equal(["""{"order_id":"ord_3"}"""], stored);
    }

    /// <summary>Every column of the row as SQLite holds it (type and value), but its id and sequence.</summary>
    private async Task<List<string>> StoredAsync(string table, string keyColumn, string key)
    {
        await using var db = await app.DbAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{keyColumn}\" = $key";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return Enumerable.Range(0, reader.FieldCount)
            .Where(i => reader.GetName(i) is not ("Id" or "Sequence"))
            .Select(i => $"{reader.GetName(i)}={reader.GetDataTypeName(i)}:{reader.GetValue(i)}")
            .ToList();
    }
}
