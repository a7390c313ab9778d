using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Data;

/// <summary>
/// Which engine a context runs on, told by its type: PostgreSQL's contexts are <see cref="PostgresFluxDbContext"/>
/// (<see cref="DataExtensions.AddFluxData"/>). EF's own <c>IsNpgsql()</c> loads EF's PostgreSQL provider into a SQLite
/// deployment on the paths that ask (every confirmation, every save of a stream cursor): code it maps and never runs
/// (docs/performance.md, P6; SqliteDeploymentAssembliesTests).
/// </summary>
public static class DatabaseEngine
{
    public static bool RunsOnPostgres(this DbContext db) => db is PostgresFluxDbContext;
}
