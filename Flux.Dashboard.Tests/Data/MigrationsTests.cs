using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Tests.Data;

/// <summary>
/// Each engine has its own generated migrations (SQLite: Data/Migrations, PostgreSQL: Data/Migrations/Postgres): a model
/// change without a migration for either engine fails here, before a database finds out; so does a migration added
/// without naming it the engine's latest (<see cref="LatestMigration"/>: a start on a database that has it migrates nothing).
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public void The_sqlite_migrations_hold_the_whole_model()
    {
        using var db = new FluxDbContext(new DbContextOptionsBuilder<FluxDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --context FluxDbContext -o Data/Migrations");
    }

    [Fact]
    public void The_postgres_migrations_hold_the_whole_model()
    {
        using var db = new PostgresFluxDbContextDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            "Add a migration: dotnet ef migrations add <Name>Postgres --context PostgresFluxDbContext -o Data/Migrations/Postgres");
    }

    [Fact]
    public void A_start_checks_for_each_engines_last_migration()
    {
        using var sqlite = new FluxDbContext(new DbContextOptionsBuilder<FluxDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresFluxDbContextDesignTimeFactory().CreateDbContext([]);

        Assert.Equal(LatestMigration.Sqlite, sqlite.Database.GetMigrations().Last());
        Assert.Equal(LatestMigration.Postgres, postgres.Database.GetMigrations().Last());
        Assert.Equal(LatestMigration.Sqlite, LatestMigration.Of(sqlite));
        Assert.Equal(LatestMigration.Postgres, LatestMigration.Of(postgres));
    }
}
