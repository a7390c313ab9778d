using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Flux.Dashboard.Data;

/// <summary>
/// Inserts new rows with one prepared INSERT statement per entity type, kept on its connection and bound again for each
/// row: what EF's SaveChanges would write (table, columns, type mappings and value converters all come from the EF
/// model), at a fraction of its cost per row, for the group commit's hot path. A key the database generates (an
/// autoincrement sequence) is left to it and not read back.
/// </summary>
public sealed class RowInserts(IModel model, DbConnection connection) : IDisposable
{
    private static readonly ConcurrentDictionary<Type, Plan> Plans = new();
    private readonly Dictionary<Type, DbCommand> commands = [];

    /// <summary>Inserts <paramref name="rows"/> in order inside <paramref name="transaction"/>, which is on this connection.</summary>
    public void Insert(DbTransaction transaction, IReadOnlyList<object> rows)
    {
        foreach (var row in rows)
        {
            var plan = Plans.GetOrAdd(row.GetType(), type => Plan.For(model, type));
            if (!commands.TryGetValue(row.GetType(), out var command))
                commands[row.GetType()] = command = plan.CreateCommand(connection);
            command.Transaction = transaction;
            plan.Bind(command, row);
            // SQLite is synchronous: an async call would only wrap this one.
            command.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        foreach (var command in commands.Values)
            command.Dispose();
        commands.Clear();
    }

    private sealed class Plan(string sql, IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping)> columns)
    {
        public static Plan For(IModel model, Type clrType)
        {
            var entity = model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not an entity.");
            if (entity.GetComplexProperties().Any() || entity.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
                throw new NotSupportedException($"{clrType.Name} has owned or complex parts; save it with SaveChanges.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = new List<(IProperty, RelationalTypeMapping)>();
            foreach (var property in entity.GetProperties())
            {
                if (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(long))
                    continue;
                if (property.IsShadowProperty() || property.ValueGenerated != ValueGenerated.Never)
                    throw new NotSupportedException($"{clrType.Name}.{property.Name} is not a plain column; save it with SaveChanges.");
                columns.Add((property, (RelationalTypeMapping)property.GetTypeMapping()));
            }
            var names = string.Join(", ", columns.Select(c => Quote(c.Item1.GetColumnName(table)!)));
            var values = string.Join(", ", columns.Select((_, i) => $"@p{i}"));
            return new Plan($"INSERT INTO {Quote(table.Name)} ({names}) VALUES ({values})", columns);
        }

        public DbCommand CreateCommand(DbConnection connection)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < columns.Count; i++)
                command.Parameters.Add(columns[i].Mapping.CreateParameter(command, $"@p{i}", null, columns[i].Property.IsNullable));
            // Compiled once here; without it each execution compiles the statement again.
            command.Prepare();
            return command;
        }

        public void Bind(DbCommand command, object row)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var (property, mapping) = columns[i];
                var value = property.GetGetter().GetClrValueUsingContainingEntity(row);
                if (value is not null && mapping.Converter is { } converter)
                    value = converter.ConvertToProvider(value);
                command.Parameters[i].Value = value ?? DBNull.Value;
            }
        }

        private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
