using System.ComponentModel.DataAnnotations;

namespace Flux.Dashboard.Features.Accounts;

/// <summary>
/// <c>Flux:SignIn</c>: how many failed sign-ins (wrong password, unknown address, wrong two-factor or recovery code)
/// Flux takes per window before it refuses further attempts, unchecked, for the rest of that window. Per client IP the
/// limit is tight; per account it is a looser backstop against guessing spread over many addresses.
/// </summary>
public sealed class SignInThrottleOptions : IValidatableObject
{
    public const string Section = "Flux:SignIn";

    [Range(1, 1_000)]
    public int FailuresPerClient { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromMinutes(15);

    [Range(1, 100_000)]
    public int FailuresPerAccount { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A client is stopped before it alone could spend an account's allowance and keep its merchant out.
        if (FailuresPerAccount <= FailuresPerClient)
            yield return new($"{Section}:{nameof(FailuresPerAccount)} ({FailuresPerAccount}) must be above "
                + $"{nameof(FailuresPerClient)} ({FailuresPerClient}).", [nameof(FailuresPerAccount)]);
    }
}
