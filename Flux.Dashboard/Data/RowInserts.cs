using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Flux.Dashboard.Data;

/// <summary>
/// Inserts new rows with one prepared INSERT statement per entity type, kept on its connection and bound again for each
/// row by position: what EF's SaveChanges would write (table, columns, type mappings and value converters all come from
/// the EF model, values stored as Microsoft.Data.Sqlite stores them), at a fraction of its cost per row, for the group
/// commit's hot path. The statements are SQLite's own, not ADO.NET commands, which look every parameter up by name on
/// every execution. A key the database generates (an autoincrement sequence) is left to it and not read back.
/// </summary>
public sealed class RowInserts(IModel model, SqliteConnection connection) : IDisposable
{
    // Per instance, like the statements: a plan holds this model's properties and type mappings.
    private readonly Dictionary<Type, (Plan Plan, sqlite3_stmt Statement)> inserts = [];

    /// <summary>Inserts <paramref name="rows"/> in order, inside the transaction open on the connection.</summary>
    public void Insert(IReadOnlyList<object> rows)
    {
        foreach (var row in rows)
        {
            if (!inserts.TryGetValue(row.GetType(), out var insert))
            {
                var plan = Plan.For(model, row.GetType());
                inserts[row.GetType()] = insert = (plan, SqliteStatements.Prepare(connection, plan.Sql));
            }
            insert.Plan.Bind(insert.Statement, row);
            SqliteStatements.Execute(connection, insert.Statement);
        }
    }

    public void Dispose()
    {
        foreach (var (_, statement) in inserts.Values)
            statement.Dispose();
        inserts.Clear();
    }

    private sealed class Plan(string sql, IReadOnlyList<Column> columns)
    {
        public string Sql => sql;

        public static Plan For(IModel model, Type clrType)
        {
            var entity = model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not an entity.");
            if (entity.GetComplexProperties().Any() || entity.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
                throw new NotSupportedException($"{clrType.Name} has owned or complex parts; save it with SaveChanges.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = new List<Column>();
            foreach (var property in entity.GetProperties())
            {
                if (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(long))
                    continue;
                if (property.IsShadowProperty() || property.ValueGenerated != ValueGenerated.Never)
                    throw new NotSupportedException($"{clrType.Name}.{property.Name} is not a plain column; save it with SaveChanges.");
                columns.Add(Column.For(property, table));
            }
            var names = string.Join(", ", columns.Select(c => c.Name));
            var values = string.Join(", ", columns.Select(_ => "?"));
            return new Plan($"INSERT INTO {Quote(table.Name)} ({names}) VALUES ({values})", columns);
        }

        public void Bind(sqlite3_stmt statement, object row)
        {
            for (var i = 0; i < columns.Count; i++)
                columns[i].Bind(statement, i + 1, row);
        }
    }

    /// <summary>A column and how its provider value is bound, chosen once from the property's type mapping.</summary>
    private sealed class Column(string name, IProperty property, RelationalTypeMapping mapping, Column.Binder bind)
    {
        public delegate void Binder(sqlite3_stmt statement, int index, object value);

        public string Name => name;

        public static Column For(IProperty property, StoreObjectIdentifier table)
        {
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var providerType = Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? mapping.ClrType)
                ?? mapping.Converter?.ProviderClrType ?? mapping.ClrType;
            return new(Quote(property.GetColumnName(table)!), property, mapping, BinderFor(providerType)
                ?? throw new NotSupportedException($"{property.DeclaringType.ClrType.Name}.{property.Name} is stored as {providerType.Name}; save it with SaveChanges."));
        }

        public void Bind(sqlite3_stmt statement, int index, object row)
        {
            var value = property.GetGetter().GetClrValueUsingContainingEntity(row);
            if (value is not null && mapping.Converter is { } converter)
                value = converter.ConvertToProvider(value);
            if (value is null)
                raw.sqlite3_bind_null(statement, index);
            else
                bind(statement, index, value);
        }

        // As Microsoft.Data.Sqlite binds these types (decimals as invariant text, so they keep every digit).
        private static Binder? BinderFor(Type type) =>
            type == typeof(string) ? (s, i, v) => raw.sqlite3_bind_text(s, i, (string)v)
            : type == typeof(bool) ? (s, i, v) => raw.sqlite3_bind_int64(s, i, (bool)v ? 1 : 0)
            : type == typeof(int) ? (s, i, v) => raw.sqlite3_bind_int64(s, i, (int)v)
            : type == typeof(long) ? (s, i, v) => raw.sqlite3_bind_int64(s, i, (long)v)
            : type == typeof(double) ? (s, i, v) => raw.sqlite3_bind_double(s, i, (double)v)
            : type == typeof(decimal) ? (s, i, v) => raw.sqlite3_bind_text(s, i, ((decimal)v).ToString("0.0###########################", CultureInfo.InvariantCulture))
            : type == typeof(byte[]) ? (s, i, v) => raw.sqlite3_bind_blob(s, i, (byte[])v)
            : null;
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
