using System.ComponentModel.DataAnnotations;

namespace Flux.Dashboard.Data;

/// <summary>Where Flux keeps its embedded SQLite files (<c>Flux:Data</c>).</summary>
public sealed class FluxDataOptions
{
    public const string Section = "Flux:Data";

    /// <summary>Folder for flux.db and hangfire.db; relative paths are resolved against the content root.</summary>
    [Required]
    public string Folder { get; set; } = "data";

    /// <summary>How often SQLite syncs flux.db to disk; see <see cref="SqliteConnectionPragmas"/>.</summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;

    public string ResolveFolder(string contentRoot) => Path.GetFullPath(Folder, contentRoot);

    public string DatabasePath(string contentRoot) => Path.Combine(ResolveFolder(contentRoot), "flux.db");

    public string HangfirePath(string contentRoot) => Path.Combine(ResolveFolder(contentRoot), "hangfire.db");
}

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels that are safe with WAL.</summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}
