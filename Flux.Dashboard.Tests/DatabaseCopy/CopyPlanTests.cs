using Flux.Dashboard.Data;
using Flux.Dashboard.Features.DatabaseCopy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Flux.Dashboard.Tests.DatabaseCopy;

/// <summary>The copy's plan comes from the two models alone: every table, principals first, each value read the SQLite way.</summary>
public sealed class CopyPlanTests : IDisposable
{
    private readonly FluxDbContext sqlite = new(new DbContextOptionsBuilder<FluxDbContext>().UseSqlite("Data Source=:memory:").Options);
    private readonly PostgresFluxDbContext postgres = new(new DbContextOptionsBuilder<PostgresFluxDbContext>().UseNpgsql("Host=localhost;Database=flux").Options);

    public void Dispose()
    {
        sqlite.Dispose();
        postgres.Dispose();
    }

    [Fact]
    public void Every_table_of_the_model_is_copied_once()
    {
        var plan = CopyPlan.For(sqlite, postgres);

        var tables = sqlite.GetService<IDesignTimeModel>().Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct();
        Assert.Equal(tables.Order(), plan.Tables.Select(t => t.Name).Order());
    }

    [Fact]
    public void A_table_comes_after_every_table_its_foreign_keys_point_to()
    {
        var order = CopyPlan.For(sqlite, postgres).Tables.Select((t, i) => (t.Name, i)).ToDictionary(t => t.Name, t => t.i);

        var foreignKeys = sqlite.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys())
            .Select(fk => (Dependent: fk.DeclaringEntityType.GetTableName()!, Principal: fk.PrincipalEntityType.GetTableName()!))
            .Where(fk => fk.Dependent != fk.Principal).ToList();
        Assert.NotEmpty(foreignKeys);
        Assert.All(foreignKeys, fk => Assert.True(order[fk.Principal] < order[fk.Dependent], $"{fk.Dependent} is copied before {fk.Principal}."));
    }

    [Fact]
    public void Times_are_read_back_from_sqlites_numbers_and_written_as_timestamptz_and_amounts_as_numeric()
    {
        var orders = CopyPlan.For(sqlite, postgres).Tables.Single(t => t.Name == "Orders");

        var created = orders.Columns.Single(c => c.Name == "CreatedAt");
        Assert.Equal(typeof(long), created.Source.Converter?.ProviderClrType);
        Assert.Equal("timestamp with time zone", created.Target.StoreType);
        var amount = orders.Columns.Single(c => c.Name == "Amount");
        Assert.Equal(typeof(decimal), amount.Source.ClrType);
        Assert.Equal("numeric(28,7)", amount.Target.StoreType);
    }
}
