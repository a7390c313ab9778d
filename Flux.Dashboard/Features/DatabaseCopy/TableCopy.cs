using System.Data.Common;
using System.Reflection;
using System.Text;
using Npgsql;

namespace Flux.Dashboard.Features.DatabaseCopy;

/// <summary>
/// Copies one table's rows, keys and all, from SQLite into the PostgreSQL transaction: each stored value is read back to
/// the model's value through the SQLite mapping (ticks become a DateTimeOffset, text a decimal) and written through the
/// PostgreSQL mapping (<c>timestamptz</c>, <c>numeric</c>), many rows per INSERT.
/// </summary>
public static class TableCopy
{
    // PostgreSQL takes up to 65,535 parameters in one statement; this stays well below.
    private const int MaxParameters = 30_000;
    private const int MaxRowsPerInsert = 1_000;

    private static readonly MethodInfo ReadAs = typeof(TableCopy).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static async Task<long> CopyAsync(TablePlan table, DbConnection source, DbTransaction sourceTransaction,
        NpgsqlConnection target, NpgsqlTransaction targetTransaction, CancellationToken cancellationToken)
    {
        await using var select = source.CreateCommand();
        select.Transaction = sourceTransaction;
        select.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => c.SourceName))} FROM {table.SourceName}"
            + (table.SourceKey.Count > 0 ? $" ORDER BY {string.Join(", ", table.SourceKey)}" : "");
        var readers = table.Columns.Select(ReaderFor).ToArray();
        var rowsPerInsert = Math.Clamp(MaxParameters / table.Columns.Count, 1, MaxRowsPerInsert);
        var rows = new List<object?[]>(rowsPerInsert);
        long copied = 0;

        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[readers.Length];
            for (var i = 0; i < readers.Length; i++)
                row[i] = readers[i](reader, i);
            rows.Add(row);
            if (rows.Count == rowsPerInsert)
            {
                copied += await InsertAsync(table, rows, target, targetTransaction, cancellationToken);
                rows.Clear();
            }
        }
        if (rows.Count > 0)
            copied += await InsertAsync(table, rows, target, targetTransaction, cancellationToken);
        return copied;
    }

    private static async Task<int> InsertAsync(TablePlan table, List<object?[]> rows, NpgsqlConnection target,
        NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var insert = target.CreateCommand();
        insert.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO {table.TargetName} ({string.Join(", ", table.Columns.Select(c => c.TargetName))}) VALUES ");
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var name = $"p{(r * table.Columns.Count) + c}";
                sql.Append(c == 0 ? "@" : ", @").Append(name);
                // The mapping converts as EF does when it saves: an enum to its stored name, a decimal to numeric.
                insert.Parameters.Add(table.Columns[c].Target.CreateParameter(insert, name, rows[r][c], nullable: true));
            }
            sql.Append(')');
        }
        insert.CommandText = sql.ToString();
        return await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Reads a column's stored value as the SQLite mapping stores it and converts it back to the model's value.</summary>
    private static Func<DbDataReader, int, object?> ReaderFor(ColumnPlan column)
    {
        var converter = column.Source.Converter;
        var stored = converter?.ProviderClrType ?? column.Source.ClrType;
        var read = ReadAs.MakeGenericMethod(Nullable.GetUnderlyingType(stored) ?? stored)
            .CreateDelegate<Func<DbDataReader, int, object?>>();
        return (reader, ordinal) =>
        {
            if (reader.IsDBNull(ordinal))
                return null;
            var value = read(reader, ordinal);
            if (converter is not null)
                value = converter.ConvertFromProvider(value);
            // timestamptz holds instants: Npgsql writes a DateTimeOffset only in UTC. Flux stores UTC times anyway.
            return value is DateTimeOffset time ? time.ToUniversalTime() : value;
        };
    }

    private static object? Read<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal);
}
