using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Flux.Dashboard.Data;

/// <summary>
/// Inserts new rows with one prepared INSERT statement per entity type, kept on its connection and bound again for each
/// row by position: what EF's SaveChanges would write (table, columns, type mappings and value converters all come from
/// the EF model, values stored as Microsoft.Data.Sqlite stores them), at a fraction of its cost per row, for the group
/// commit's hot path. The statements are SQLite's own, not ADO.NET commands, which look every parameter up by name on
/// every execution. Which columns and values: <see cref="EntityColumns"/>.
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

    private sealed class Plan(string sql, IReadOnlyList<(EntityColumn Column, Binder Bind)> columns)
    {
        public string Sql => sql;

        public static Plan For(IModel model, Type clrType)
        {
            var entity = EntityColumns.For(model, clrType);
            var names = string.Join(", ", entity.Columns.Select(c => c.Name));
            var values = string.Join(", ", entity.Columns.Select(_ => "?"));
            var columns = entity.Columns.Select(c => (c, BinderFor(c.ProviderType)
                ?? throw new NotSupportedException($"{clrType.Name}.{c.Property.Name} is stored as {c.ProviderType.Name}; save it with SaveChanges."))).ToList();
            return new Plan($"INSERT INTO {entity.Table} ({names}) VALUES ({values})", columns);
        }

        public void Bind(sqlite3_stmt statement, object row)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Column.ValueOf(row) is { } value)
                    columns[i].Bind(statement, i + 1, value);
                else
                    raw.sqlite3_bind_null(statement, i + 1);
            }
        }
    }

    private delegate void Binder(sqlite3_stmt statement, int index, object value);

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
