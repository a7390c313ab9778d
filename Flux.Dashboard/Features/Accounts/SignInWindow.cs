namespace Flux.Dashboard.Features.Accounts;

/// <summary>
/// The fixed window of the sign-in throttle that a moment falls in: windows are counted from the Unix epoch on the
/// injected clock, so every instance (and a test's clock) agrees on where one ends.
/// </summary>
public readonly record struct SignInWindow(long Number, TimeSpan Left)
{
    public static SignInWindow Now(TimeProvider clock, TimeSpan window)
    {
        var now = clock.GetUtcNow().UtcTicks;
        return new(now / window.Ticks, TimeSpan.FromTicks(window.Ticks - now % window.Ticks));
    }
}
