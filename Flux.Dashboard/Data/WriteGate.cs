using Flux.Dashboard.Common;

namespace Flux.Dashboard.Data;

/// <summary>
/// SQLite lets one writer at a time, and a writer that finds the lock taken waits in SQLite's busy handler, which
/// sleeps 1 to 100 ms between attempts. The app's busiest writers — order group commits, payment confirmations and
/// outbox dispatch — queue here instead, in this process, and start the moment the one before them has committed.
/// Other writers (the dashboard's saves, Identity) still meet them in SQLite's busy handler, as before.
/// </summary>
public sealed class WriteGate : AsyncGate;
