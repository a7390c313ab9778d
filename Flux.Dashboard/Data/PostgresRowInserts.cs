using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Flux.Dashboard.Data;

/// <summary>
/// Inserts new rows on PostgreSQL without EF's change tracking: one INSERT per entity type, all in one
/// <see cref="NpgsqlBatch"/> (one round trip), each taking its rows' values as one array parameter per column
/// (<c>INSERT … SELECT … FROM unnest($1, $2, …) WITH ORDINALITY … ORDER BY</c>). Each statement's text depends on its table only, so Npgsql prepares
/// it once per connection (<c>Max Auto Prepare</c>), and the server runs one statement per table for a whole batch
/// instead of one per row. What is written is what SaveChanges would write (<see cref="EntityColumns"/>): the INSERT's
/// assignment to each column applies its length and precision, as it does to EF's parameters. The rows are selected in
/// array order, so a generated key (an outbox event's sequence) follows the order of <c>rows</c>. EF's interceptors do
/// not see these statements: the locks an INSERT needs are the caller's to name (the outbox's group commit hook names its
/// lock), and are taken first in the same round trip.
/// </summary>
public sealed class PostgresRowInserts(IModel model)
{
    // Per instance: a plan holds this model's properties and type mappings. One writer uses it at a time.
    private readonly Dictionary<Type, Plan> plans = [];

    /// <summary>
    /// Inserts <paramref name="rows"/> on <paramref name="connection"/>: a type's rows in their order, the types in the order
    /// their first rows come (a caller puts a row before the rows that refer to it), after taking <paramref name="locks"/>
    /// (<see cref="DatabaseLocks"/>). In <paramref name="transaction"/>, or without one as a transaction of its own.
    /// </summary>
    public async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IEnumerable<string> locks, IReadOnlyList<object> rows,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var name in locks)
            batch.BatchCommands.Add(DatabaseLocks.BatchCommand(name));
        foreach (var ofType in rows.GroupBy(row => row.GetType()))
        {
            if (!plans.TryGetValue(ofType.Key, out var plan))
                plans[ofType.Key] = plan = Plan.For(model, ofType.Key);
            batch.BatchCommands.Add(plan.Command(ofType.ToList()));
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class Plan(string sql, IReadOnlyList<(EntityColumn Column, Type Element)> columns)
    {
        // The provider types Npgsql sends as the PostgreSQL types EF maps them to (a string as text, assigned to a text or
        // character column); an entity with any other column is refused here, to be saved with SaveChanges.
        private static readonly HashSet<Type> Sent =
            [typeof(string), typeof(bool), typeof(int), typeof(long), typeof(double), typeof(decimal), typeof(DateTimeOffset), typeof(byte[])];

        public static Plan For(IModel model, Type clrType)
        {
            var entity = EntityColumns.For(model, clrType);
            foreach (var column in entity.Columns)
            {
                if (!Sent.Contains(column.ProviderType)
                    || (column.ProviderType == typeof(string) && !column.Mapping.StoreType.StartsWith("text", StringComparison.Ordinal)
                        && !column.Mapping.StoreType.StartsWith("character", StringComparison.Ordinal)))
                    throw new NotSupportedException($"{clrType.Name}.{column.Property.Name} is stored as {column.Mapping.StoreType}; save it with SaveChanges.");
            }
            var names = string.Join(", ", entity.Columns.Select(c => c.Name));
            var arrays = string.Join(", ", entity.Columns.Select((_, i) => $"${i + 1}"));
            // Arrays of a nullable value type (decimal?[]) where the column takes nulls: Npgsql writes their nulls as NULL.
            var elements = entity.Columns.Select(c => (c, c.ProviderType.IsValueType && c.Property.IsNullable
                ? typeof(Nullable<>).MakeGenericType(c.ProviderType) : c.ProviderType)).ToList();
            return new Plan(
                $"INSERT INTO {entity.Table} ({names}) SELECT {names} FROM unnest({arrays}) WITH ORDINALITY AS given({names}, \"ordinal\") ORDER BY \"ordinal\"",
                elements);
        }

        public NpgsqlBatchCommand Command(IReadOnlyList<object> rows)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var (column, element) in columns)
            {
                var values = Array.CreateInstance(element, rows.Count);
                for (var i = 0; i < rows.Count; i++)
                    values.SetValue(column.ValueOf(rows[i]), i);
                command.Parameters.Add(new NpgsqlParameter { Value = values });
            }
            return command;
        }
    }
}
