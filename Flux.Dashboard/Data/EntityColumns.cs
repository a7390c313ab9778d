using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Flux.Dashboard.Data;

/// <summary>
/// The row a new entity of one type is inserted as, read from the EF model: its table, and each column's name, type
/// mapping and value (the property's value through the mapping's value converter), which is what SaveChanges would
/// write. The group commit's direct inserts (<see cref="RowInserts"/> on SQLite, <see cref="PostgresRowInserts"/>) are
/// built from it. A key the database generates (an autoincrement or identity sequence) is left to it and not read back;
/// anything else SaveChanges would fill in or split up (shadow and generated values, owned or complex parts) is refused.
/// </summary>
public sealed class EntityColumns
{
    private EntityColumns(string table, IReadOnlyList<EntityColumn> columns) => (Table, Columns) = (table, columns);

    /// <summary>The table's name, quoted.</summary>
    public string Table { get; }

    public IReadOnlyList<EntityColumn> Columns { get; }

    public static EntityColumns For(IModel model, Type clrType)
    {
        var entity = model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not an entity.");
        if (entity.GetComplexProperties().Any() || entity.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
            throw new NotSupportedException($"{clrType.Name} has owned or complex parts; save it with SaveChanges.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = new List<EntityColumn>();
        foreach (var property in entity.GetProperties())
        {
            if (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(long))
                continue;
            if (property.IsShadowProperty() || property.ValueGenerated != ValueGenerated.Never)
                throw new NotSupportedException($"{clrType.Name}.{property.Name} is not a plain column; save it with SaveChanges.");
            columns.Add(new(Quote(property.GetColumnName(table)!), property, (RelationalTypeMapping)property.GetTypeMapping()));
        }
        return new(Quote(table.Name), columns);
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

/// <summary>One column of <see cref="EntityColumns"/>.</summary>
public sealed class EntityColumn(string name, IProperty property, RelationalTypeMapping mapping)
{
    /// <summary>The column's name, quoted.</summary>
    public string Name => name;

    public IProperty Property => property;

    public RelationalTypeMapping Mapping => mapping;

    /// <summary>The type the value is stored as (after the value converter), without <see cref="Nullable{T}"/>.</summary>
    public Type ProviderType { get; } = Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? mapping.ClrType)
        ?? mapping.Converter?.ProviderClrType ?? mapping.ClrType;

    /// <summary>The value to store for <paramref name="row"/>: the property's, converted as the type mapping converts it.</summary>
    public object? ValueOf(object row)
    {
        var value = property.GetGetter().GetClrValueUsingContainingEntity(row);
        return value is not null && mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }
}
