using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Flux.Dashboard.Features.DatabaseCopy;

/// <summary>
/// Every table of Flux's model, read from the SQLite model and written through the PostgreSQL one, principals before
/// their dependents so each foreign key is satisfied when its row arrives. Built from the EF model alone: a table a
/// migration adds is copied with no change here.
/// </summary>
public sealed class CopyPlan
{
    private CopyPlan(IReadOnlyList<TablePlan> tables) => Tables = tables;

    public IReadOnlyList<TablePlan> Tables { get; }

    public static CopyPlan For(FluxDbContext source, PostgresFluxDbContext target)
    {
        var sourceSql = source.GetService<ISqlGenerationHelper>();
        var targetSql = target.GetService<ISqlGenerationHelper>();
        var targetTables = ModelTables(target).Where(t => !t.IsExcludedFromMigrations)
            .ToDictionary(t => (t.Schema, t.Name));
        var tables = new List<TablePlan>();
        foreach (var table in InForeignKeyOrder(ModelTables(source).Where(t => !t.IsExcludedFromMigrations)))
        {
            if (!targetTables.TryGetValue((table.Schema, table.Name), out var targetTable))
                throw new InvalidOperationException($"The PostgreSQL model has no table {table.Name}.");
            var columns = table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(column =>
            {
                var targetColumn = targetTable.FindColumn(column.Name)
                    ?? throw new InvalidOperationException($"The PostgreSQL table {table.Name} has no column {column.Name}.");
                return new ColumnPlan(column.Name, sourceSql.DelimitIdentifier(column.Name), targetSql.DelimitIdentifier(column.Name),
                    Mapping(column), Mapping(targetColumn));
            }).ToList();
            var key = table.PrimaryKey?.Columns.Select(c => sourceSql.DelimitIdentifier(c.Name)).ToList() ?? [];
            // Rows the migrations insert themselves (HasData, such as the sandbox's paying account).
            var seedRows = table.EntityTypeMappings.Select(m => m.TypeBase).OfType<IEntityType>().Sum(e => e.GetSeedData().Count());
            tables.Add(new TablePlan(table.Name, sourceSql.DelimitIdentifier(table.Name, table.Schema),
                targetSql.DelimitIdentifier(targetTable.Name, targetTable.Schema), columns, key, seedRows));
        }
        return new CopyPlan(tables);
    }

    // The design-time model: the runtime one leaves out what only migrations need, such as excluded tables.
    private static IEnumerable<ITable> ModelTables(FluxDbContext db) =>
        db.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables;

    private static RelationalTypeMapping Mapping(IColumn column) => column.PropertyMappings[0].TypeMapping;

    /// <summary>Kahn's order over the foreign keys, alphabetical among equals so every run copies in the same order.</summary>
    private static IEnumerable<ITable> InForeignKeyOrder(IEnumerable<ITable> tables)
    {
        var all = tables.ToList();
        var waitingFor = all.ToDictionary(t => t, t => t.ForeignKeyConstraints
            .Select(fk => fk.PrincipalTable).Where(p => p != t && all.Contains(p)).ToHashSet());
        while (waitingFor.Count > 0)
        {
            var ready = waitingFor.Where(w => w.Value.Count == 0).Select(w => w.Key)
                .OrderBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault()
                ?? throw new InvalidOperationException("The model's foreign keys form a cycle: "
                    + string.Join(", ", waitingFor.Keys.Select(t => t.Name)));
            waitingFor.Remove(ready);
            foreach (var principals in waitingFor.Values)
                principals.Remove(ready);
            yield return ready;
        }
    }
}

/// <summary>
/// One table: its name quoted for each engine, its columns, its primary key's columns (rows are read in key order), and
/// how many rows the migrations seed into it, which the copy replaces with the source's.
/// </summary>
public sealed record TablePlan(string Name, string SourceName, string TargetName, IReadOnlyList<ColumnPlan> Columns,
    IReadOnlyList<string> SourceKey, int SeedRows);

/// <summary>
/// One column: the SQLite mapping that reads its stored value (a DateTimeOffset as ticks, an enum as its name) back to
/// the model's value, and the PostgreSQL mapping that stores that value in its own type.
/// </summary>
public sealed record ColumnPlan(string Name, string SourceName, string TargetName, RelationalTypeMapping Source, RelationalTypeMapping Target);
