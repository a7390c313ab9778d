using Flux.Dashboard.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Flux.Dashboard.Features.DatabaseCopy;

/// <summary>
/// <c>dotnet Flux.Dashboard.dll db copy --to-postgres "&lt;connection string&gt;"</c>: moves an install's SQLite
/// <c>flux.db</c> (in the configured data folder) into an empty PostgreSQL database, checks the copy and prints a report,
/// then exits without starting the web server.
/// </summary>
public static class DatabaseCopyCommand
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int BadArguments = 2;

    public const string Usage = """
        Usage: Flux.Dashboard db copy --to-postgres "<connection string>"

        Copies every table of the SQLite flux.db in Flux's data folder (Flux:Data:Folder) into an empty PostgreSQL
        database, creating Flux's tables there first, then checks rows per table, credit balances and the watcher's
        cursors. Stop Flux first. Hangfire's jobs are not copied: Flux registers its recurring jobs again at start.
        """;

    /// <summary>
    /// Runs the command when the arguments are one; true when they were (Environment.ExitCode is set). Called before
    /// the configured database is migrated: the command reads flux.db whichever engine Flux is configured for.
    /// </summary>
    public static async Task<bool> RunDatabaseCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "db")
            return false;
        Environment.ExitCode = await RunAsync(app.Services, args, Console.Out, Console.Error, CancellationToken.None);
        return true;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        if (Parse(args) is not { } connectionString)
        {
            await error.WriteLineAsync(Usage);
            return BadArguments;
        }
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"That is not a PostgreSQL connection string: {e.Message}");
            return BadArguments;
        }

        var sqlitePath = services.GetRequiredService<FluxDataOptions>()
            .DatabasePath(services.GetRequiredService<IHostEnvironment>().ContentRootPath);
        if (!File.Exists(sqlitePath))
        {
            await error.WriteLineAsync($"There is no flux.db at {sqlitePath}: set Flux:Data:Folder to the data folder of the Flux to move.");
            return Failed;
        }
        try
        {
            return await new PostgresCopy(sqlitePath, connectionString, output, error).RunAsync(cancellationToken) ? Succeeded : Failed;
        }
        catch (NpgsqlException e)
        {
            await error.WriteLineAsync($"PostgreSQL failed: {e.Message}");
            return Failed;
        }
        catch (SqliteException e)
        {
            await error.WriteLineAsync($"Reading {sqlitePath} failed: {e.Message}");
            return Failed;
        }
    }

    private static string? Parse(string[] args) => args switch
    {
        ["db", "copy", "--to-postgres", var connectionString] when !string.IsNullOrWhiteSpace(connectionString) => connectionString,
        ["db", "copy", var option] when option.StartsWith("--to-postgres=", StringComparison.Ordinal)
            && option["--to-postgres=".Length..] is { Length: > 0 } connectionString => connectionString,
        _ => null,
    };
}
