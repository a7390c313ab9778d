namespace Flux.Dashboard.Data;

/// <summary>Flux's SQLite file, for code that keeps a connection of its own (the group commit's <see cref="WriterConnection"/>).</summary>
public sealed record FluxDatabase(string ConnectionString, SqliteSynchronous Synchronous);
