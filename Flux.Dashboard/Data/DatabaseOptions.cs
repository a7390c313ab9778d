namespace Flux.Dashboard.Data;

public enum DatabaseProvider
{
    /// <summary>Embedded: <c>flux.db</c> and <c>hangfire.db</c> in the data folder; nothing to run beside Flux.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server at <c>ConnectionStrings:Flux</c>: Flux's tables, and Hangfire's in their own schema.</summary>
    Postgres,
}

/// <summary><c>Flux:Database</c>: which engine holds Flux's data and jobs, and for PostgreSQL where it is.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string? ConnectionString)
{
    public const string Section = "Flux:Database";
    public const string ConnectionStringName = "Flux";

    /// <summary>Hangfire's schema in a PostgreSQL database, beside Flux's tables.</summary>
    public const string JobsSchema = "hangfire";

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var provider = configuration.GetValue(Section + ":Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"{Section}:Provider is Postgres: set ConnectionStrings:{ConnectionStringName} to the database's connection string.");
        return new(provider, connectionString);
    }
}
