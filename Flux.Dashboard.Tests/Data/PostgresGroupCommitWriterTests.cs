using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Flux.Dashboard.Tests.Data;

/// <summary>
/// The group commit's writer on PostgreSQL keeps its connection open between batches; a connection the server ended in
/// the meantime (a restart, an administrator, an idle timeout) must not cost the next order.
/// </summary>
[Trait(TestDatabaseEngine.Trait, TestDatabaseEngine.PostgresOnly)]
[Collection(FluxAppCollection.Name)]
public sealed class PostgresGroupCommitWriterTests(FluxAppFactory app)
{
    [Fact]
    public async Task The_next_order_commits_after_the_server_ended_the_writers_idle_connection()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var orders = app.Services.GetRequiredService<OrderService>();
        Assert.True((await orders.CreateAsync(scope, new CreateOrderRequest(1m, null))).Succeeded);

        Assert.True(await EndWriterConnectionsAsync() > 0);

        var created = await orders.CreateAsync(scope, new CreateOrderRequest(2m, null));
        Assert.True(created.Succeeded);
        await using var db = await app.DbAsync();
        Assert.True(await db.Set<Order>().AnyAsync(o => o.Id == created.Value!.Id));
    }

    /// <summary>Ends the writer's backend on the server and waits until it is gone; how many there were.</summary>
    private async Task<long> EndWriterConnectionsAsync()
    {
        await using var db = await app.DbAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var ended = await ScalarAsync(connection, "SELECT count(pg_terminate_backend(pid))");
        for (var wait = 0; await ScalarAsync(connection, "SELECT count(*)") > 0; wait++)
        {
            Assert.True(wait < 100, "the writer's backend did not end");
            await Task.Delay(50);
        }
        return ended;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string select)
    {
        await using var command = new NpgsqlCommand(
            $"{select} FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name", connection);
        command.Parameters.AddWithValue("name", PostgresGroupCommitWriter.ApplicationName);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
