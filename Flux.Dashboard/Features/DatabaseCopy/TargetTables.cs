using Npgsql;

namespace Flux.Dashboard.Features.DatabaseCopy;

/// <summary>What the copy asks of the PostgreSQL side beyond inserting: is it empty, hold it, move its identity sequences.</summary>
public static class TargetTables
{
    /// <summary>The plan's tables that exist in the target and hold a row beyond those the migrations seed.</summary>
    public static async Task<IReadOnlyList<string>> WithRowsAsync(CopyPlan plan, NpgsqlConnection connection,
        NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var withRows = new List<string>();
        foreach (var table in plan.Tables)
        {
            // A freshly created database has none of Flux's tables yet.
            await using var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection, transaction);
            exists.Parameters.AddWithValue("table", table.TargetName);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
                continue;
            await using var count = new NpgsqlCommand(
                $"SELECT COUNT(*) FROM (SELECT 1 FROM {table.TargetName} LIMIT {table.SeedRows + 1}) AS t", connection, transaction);
            if (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken)) > table.SeedRows)
                withRows.Add(table.Name);
        }
        return withRows;
    }

    /// <summary>Keeps every other session out of Flux's tables until the copy's transaction ends.</summary>
    public static async Task LockAsync(CopyPlan plan, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        await using var lockTables = new NpgsqlCommand(
            $"LOCK TABLE {string.Join(", ", plan.Tables.Select(t => t.TargetName))} IN ACCESS EXCLUSIVE MODE", connection, transaction);
        await lockTables.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Removes the rows the migrations seeded: the source's own versions of them are copied instead.</summary>
    public static async Task RemoveSeedRowsAsync(CopyPlan plan, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        foreach (var table in plan.Tables.Reverse().Where(t => t.SeedRows > 0))
        {
            await using var delete = new NpgsqlCommand($"DELETE FROM {table.TargetName}", connection, transaction);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Moves each identity column's sequence (<c>OutboxEvents.Sequence</c>, the credit ledger's ids, …) past the highest
    /// copied value, so the next row Flux adds gets a key after the copied ones. Returns each column and its next value.
    /// </summary>
    public static async Task<IReadOnlyList<(string Column, long Next)>> MoveSequencesAsync(CopyPlan plan,
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var moved = new List<(string, long)>();
        foreach (var table in plan.Tables)
        {
            await using var find = new NpgsqlCommand("""
                SELECT a.attname, pg_get_serial_sequence(@table, a.attname)
                FROM pg_attribute a
                WHERE a.attrelid = to_regclass(@table) AND a.attnum > 0 AND NOT a.attisdropped
                  AND pg_get_serial_sequence(@table, a.attname) IS NOT NULL
                ORDER BY a.attnum
                """, connection, transaction);
            find.Parameters.AddWithValue("table", table.TargetName);
            var sequences = new List<(string Column, string Sequence)>();
            await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                    sequences.Add((reader.GetString(0), reader.GetString(1)));
            }
            foreach (var (column, sequence) in sequences)
            {
                var quoted = new NpgsqlCommandBuilder().QuoteIdentifier(column);
                await using var move = new NpgsqlCommand(
                    $"SELECT setval(@sequence::regclass, COALESCE((SELECT MAX({quoted}) FROM {table.TargetName}), 0) + 1, false)",
                    connection, transaction);
                move.Parameters.AddWithValue("sequence", sequence);
                moved.Add(($"{table.Name}.{column}", Convert.ToInt64(await move.ExecuteScalarAsync(cancellationToken))));
            }
        }
        return moved;
    }
}
