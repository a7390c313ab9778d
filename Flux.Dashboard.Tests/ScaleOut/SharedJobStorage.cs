using System.Globalization;
using System.Text.Json;
using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Tests.ScaleOut;

/// <summary>
/// One job a recurring job's occurrence made, as Hangfire's PostgreSQL tables record it: the recurring job, when a
/// scheduler triggered it (Hangfire's <c>Time</c> parameter) and so the minute it was for, and how often a worker began
/// it (<c>Processing</c>, with the server that did) and finished it (<c>Succeeded</c>). Each state row is written by the
/// worker that ran the job.
/// </summary>
internal sealed record RecurringJobRun(string RecurringJobId, DateTimeOffset Triggered, long JobId, int Processing, int Succeeded, IReadOnlyList<string> Servers)
{
    /// <summary>The occurrence of an every-minute job: its minute.</summary>
    public DateTimeOffset Minute => new(Triggered.Year, Triggered.Month, Triggered.Day, Triggered.Hour, Triggered.Minute, 0, TimeSpan.Zero);
}

/// <summary>What Flux's instances wrote into the Hangfire schema of their database, read from outside.</summary>
internal static class SharedJobStorage
{
    private const string Schema = DatabaseOptions.JobsSchema;

    private const string RunsQuery = $"""
        SELECT r.value AS "RecurringJobId", t.value AS "Time", j.id AS "JobId",
               (SELECT count(*) FROM {Schema}.state s WHERE s.jobid = j.id AND s.name = 'Processing')::int AS "Processing",
               (SELECT count(*) FROM {Schema}.state s WHERE s.jobid = j.id AND s.name = 'Succeeded')::int AS "Succeeded",
               (SELECT string_agg(s.data::json ->> 'ServerId', ' ') FROM {Schema}.state s WHERE s.jobid = j.id AND s.name = 'Processing') AS "Servers"
        FROM {Schema}.job j
        JOIN {Schema}.jobparameter r ON r.jobid = j.id AND r.name = 'RecurringJobId'
        JOIN {Schema}.jobparameter t ON t.jobid = j.id AND t.name = 'Time'
        """;

    private const string ServersQuery = $"""SELECT id AS "Value" FROM {Schema}.server""";

    private sealed record Row(string RecurringJobId, string Time, long JobId, int Processing, int Succeeded, string? Servers);

    /// <summary>Every job made by a recurring job so far.</summary>
    public static async Task<IReadOnlyList<RecurringJobRun>> RunsAsync(FluxDbContext db)
    {
        var rows = await db.Database.SqlQueryRaw<Row>(RunsQuery).ToListAsync();
        return rows.Select(r => new RecurringJobRun(JsonSerializer.Deserialize<string>(r.RecurringJobId)!,
                DateTimeOffset.FromUnixTimeSeconds(long.Parse(r.Time.Trim('"'), CultureInfo.InvariantCulture)),
                r.JobId, r.Processing, r.Succeeded, r.Servers?.Split(' ') ?? []))
            .ToList();
    }

    /// <summary>The ids of the Hangfire servers registered in the storage (<c>host:pid:guid</c>).</summary>
    public static async Task<IReadOnlyList<string>> ServersAsync(FluxDbContext db) =>
        await db.Database.SqlQueryRaw<string>(ServersQuery).ToListAsync();
}
