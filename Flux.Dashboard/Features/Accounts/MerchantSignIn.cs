using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Flux.Dashboard.Features.Accounts;

/// <summary>What a sign-in attempt came to: Identity's result or, when the throttle refused it unchecked, how long to wait.</summary>
public sealed record SignInOutcome(SignInResult Result, TimeSpan TryAgainIn)
{
    public bool Refused => TryAgainIn > TimeSpan.Zero;
}

/// <summary>
/// Sign-in behind the <see cref="ISignInThrottle"/>: a client or an account with too many recent failures is refused
/// before anything is checked, and every failure counts. Wrong passwords never lock an account (Identity's lockout is
/// left to the two-factor codes), so nobody can lock a merchant out by guessing. An unknown address costs the same
/// password hashing as a known one, so neither the answer nor its timing tells whether an address has an account.
/// </summary>
public sealed class MerchantSignIn(
    SignInManager<Merchant> signInManager, IPasswordHasher<Merchant> hasher, NoAccountPasswordHash noAccount, ISignInThrottle throttle)
{
    private UserManager<Merchant> Users => signInManager.UserManager;

    public Task<SignInOutcome> WithPasswordAsync(
        IPAddress? client, string email, string password, bool rememberMe, CancellationToken cancellationToken) =>
        ThrottledAsync(new(client, Users.NormalizeEmail(email)), async () =>
        {
            // The e-mail address is the user name.
            var merchant = await Users.FindByNameAsync(email);
            if (merchant is null)
            {
                CheckAgainstNoAccount(password);
                return SignInResult.Failed;
            }
            var result = await signInManager.PasswordSignInAsync(merchant, password, rememberMe, lockoutOnFailure: false);
            // Identity answers these before it checks the password.
            if (result.IsNotAllowed || result.IsLockedOut)
                CheckAgainstNoAccount(password);
            return result;
        }, cancellationToken);

    public Task<SignInOutcome> WithAuthenticatorCodeAsync(
        IPAddress? client, Merchant merchant, string code, bool rememberMe, bool rememberMachine, CancellationToken cancellationToken) =>
        ThrottledAsync(AttemptOn(client, merchant),
            () => signInManager.TwoFactorAuthenticatorSignInAsync(code, rememberMe, rememberMachine), cancellationToken);

    public Task<SignInOutcome> WithRecoveryCodeAsync(IPAddress? client, Merchant merchant, string code, CancellationToken cancellationToken) =>
        ThrottledAsync(AttemptOn(client, merchant), () => signInManager.TwoFactorRecoveryCodeSignInAsync(code), cancellationToken);

    private async Task<SignInOutcome> ThrottledAsync(SignInAttempt attempt, Func<Task<SignInResult>> signIn, CancellationToken cancellationToken)
    {
        var wait = await throttle.WaitAsync(attempt, cancellationToken);
        if (wait > TimeSpan.Zero)
            return new(SignInResult.Failed, wait);
        var result = await signIn();
        if (!result.Succeeded && !result.RequiresTwoFactor)
            await throttle.RecordFailureAsync(attempt, cancellationToken);
        return new(result, TimeSpan.Zero);
    }

    private SignInAttempt AttemptOn(IPAddress? client, Merchant merchant) =>
        new(client, merchant.NormalizedEmail ?? merchant.Id);

    private void CheckAgainstNoAccount(string password) => hasher.VerifyHashedPassword(new Merchant(), noAccount.For(hasher), password);
}

/// <summary>
/// The hash a password for an address without an account is checked against: made once by the app's own hasher, so the
/// check costs what a real one does, from a random password nobody knows.
/// </summary>
public sealed class NoAccountPasswordHash
{
    private string? hash;

    public string For(IPasswordHasher<Merchant> hasher) =>
        hash ??= hasher.HashPassword(new Merchant(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
}
