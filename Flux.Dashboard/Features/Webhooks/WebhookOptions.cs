namespace Flux.Dashboard.Features.Webhooks;

/// <summary>
/// <c>Flux:Webhooks</c>: where deliveries may go, how they are retried and when a failing endpoint is switched off.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Flux:Webhooks";

    private static readonly TimeSpan[] DefaultRetrySchedule =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(24), TimeSpan.FromHours(24),
    ];

    /// <summary>
    /// The wait before each retry; its length + 1 is the number of attempts (default 9 over about 2.7 days). Left
    /// unset in configuration it is the default, rather than the default with the configured waits appended.
    /// </summary>
    public TimeSpan[]? RetrySchedule { get; set; }

    public IReadOnlyList<TimeSpan> Retries => RetrySchedule ?? DefaultRetrySchedule;

    /// <summary>How long an endpoint may fail without a single success before it is disabled.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(3);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// For local development only (the repository's appsettings.Development.json): test-mode endpoints may be on this
    /// machine (localhost, 127.0.0.1, [::1]). Otherwise every endpoint, in either mode, must be HTTPS to a public address.
    /// An operator's choice, never a merchant's.
    /// </summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Whether endpoints of the mode may be on this machine.</summary>
    public bool LoopbackAllowed(bool livemode) => AllowLoopback && !livemode;

    public void Validate()
    {
        if (Retries.Count < 1 || Retries.Any(d => d < TimeSpan.Zero))
            throw new InvalidOperationException($"{Section}:RetrySchedule needs at least one wait, none negative.");
        if (Timeout <= TimeSpan.Zero || DisableAfter <= TimeSpan.Zero)
            throw new InvalidOperationException($"{Section}:Timeout and {Section}:DisableAfter must be positive.");
    }
}
