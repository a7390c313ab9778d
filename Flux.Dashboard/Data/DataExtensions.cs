using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Flux.Dashboard.Data;

public static class DataExtensions
{
    /// <summary>Registers <see cref="FluxDbContext"/> on the SQLite file in the configured data folder.</summary>
    public static FluxDataOptions AddFluxData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(FluxDataOptions.Section).Get<FluxDataOptions>() ?? new();
        var folder = options.ResolveFolder(builder.Environment.ContentRootPath);
        Directory.CreateDirectory(folder);

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath(builder.Environment.ContentRootPath),
            Pooling = true,
        }.ToString();

        builder.Services.AddSingleton(options);
        // The factory serves Blazor circuits, services and jobs (one short-lived context per operation); the scoped
        // context serves Identity. Contexts are pooled: a hot path (an API request) does not build one from scratch.
        // A list in a query (ids.Contains(x)) goes to SQLite as one JSON parameter, so the query's SQL is generated once,
        // not again for each new length of the list (EF's default: one parameter per item). Features take part in every
        // context's saves and transactions through EF interceptors they register (the events feature wakes its dispatcher).
        builder.Services.AddPooledDbContextFactory<FluxDbContext>((services, o) => o
            .UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(new SqliteConnectionPragmas(options.Synchronous))
            .AddInterceptors(services.GetServices<IInterceptor>()));
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContext());
        builder.Services.AddSingleton<WriteGate>();
        builder.Services.AddSingleton<GroupCommit>();
        return options;
    }

    /// <summary>
    /// Applies committed migrations and switches the database to WAL before the app serves anything. A new database gets
    /// 8 KiB pages: the hot writes append (orders, events and their time-ordered keys), and with pages twice SQLite's
    /// default a batch splits pages and starts new ones half as often (README, "What keeps `POST /v1/orders` fast"). An
    /// existing database keeps the page size it was made with; SQLite cannot change it in WAL mode.
    /// </summary>
    public static async Task MigrateFluxDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FluxDbContext>();
        // Opened here, the connection that sets the page size is the one the migrations create the first table on.
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA page_size = 8192;");
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
