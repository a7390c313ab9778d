using System.Net;
using System.Text.RegularExpressions;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Foundation;

/// <summary>
/// Audit #21 item 8: wrong passwords throttle the client that sends them, not the merchant they aim at. An app of its
/// own trusts 127.0.0.1 as its proxy, so each test plays clients of its own through X-Forwarded-For, and counts the
/// password checks Identity's hasher makes.
/// </summary>
public sealed partial class SignInThrottleTests(SignInThrottleTests.ThrottledApp fixture) : IClassFixture<SignInThrottleTests.ThrottledApp>
{
    private const string WrongPassword = "Wrong-Password-1";
    private readonly FluxAppFactory app = fixture.App;

    public sealed class ThrottledApp : IDisposable
    {
        public CountingPasswordHasher Hasher { get; } = new();

        public FluxAppFactory App { get; }

        public ThrottledApp() => App = FluxAppFactory.Start(null,
            new Dictionary<string, string?> { ["Flux:Proxy:KnownProxies:0"] = "127.0.0.1" },
            services => services.AddSingleton<IPasswordHasher<Merchant>>(Hasher));

        public void Dispose() => App.Dispose();
    }

    /// <summary>Identity's own hasher, counting the passwords it checks against a hash.</summary>
    public sealed class CountingPasswordHasher : PasswordHasher<Merchant>
    {
        private int verified;

        public int Verified => Volatile.Read(ref verified);

        public override PasswordVerificationResult VerifyHashedPassword(Merchant user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verified);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task Five_wrong_passwords_refuse_that_client_while_the_merchant_still_signs_in_from_another()
    {
        var email = await NewMerchantAsync("throttled");
        using var attacker = ClientAt(NewAddress());

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await SignInAsync(attacker, email, WrongPassword);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("data-testid=\"login-error\"", await wrong.Content.ReadAsStringAsync());
        }
        using var refused = await SignInAsync(attacker, email, SignIn.Password);
        using var merchant = ClientAt(NewAddress());
        using var signedIn = await SignInAsync(merchant, email, SignIn.Password);

        await AssertThrottledAsync(refused);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.AbsolutePath);
        Assert.False(await WithMerchantAsync(email, (users, m) => users.IsLockedOutAsync(m)));
    }

    [Fact]
    public async Task The_throttle_answers_alike_whether_or_not_the_address_has_an_account()
    {
        var known = await NewMerchantAsync("known");
        var unknown = $"nobody-{Guid.NewGuid():N}@shop.test";

        var forKnown = await AnswersToSixWrongPasswordsAsync(known);
        var forUnknown = await AnswersToSixWrongPasswordsAsync(unknown);

        Assert.Equal(HttpStatusCode.TooManyRequests, forKnown[^1].Item1);
        Assert.Equal(forKnown, forUnknown);
    }

    [Fact]
    public async Task Sign_in_with_an_unknown_address_checks_a_password_hash_as_with_a_known_one()
    {
        var known = await NewMerchantAsync("hash-known");

        var forKnown = await PasswordChecksAsync(known);
        var forUnknown = await PasswordChecksAsync($"nobody-{Guid.NewGuid():N}@shop.test");

        Assert.Equal(1, forKnown);
        Assert.Equal(forKnown, forUnknown);
    }

    [Fact]
    public async Task Wrong_recovery_codes_count_towards_the_clients_limit()
    {
        var email = await NewMerchantAsync("recovery");
        await WithMerchantAsync(email, (users, m) => users.SetTwoFactorEnabledAsync(m, true));
        using var client = ClientAt(NewAddress());
        using (var password = await SignInAsync(client, email, SignIn.Password))
            Assert.Contains("LoginWith2fa", password.Headers.Location!.ToString());

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.PostFormAsync("/Account/LoginWithRecoveryCode", "login-with-recovery-code",
                new() { ["Input.RecoveryCode"] = "WRONG-CODE" });
            Assert.Contains("That recovery code is not valid", await wrong.Content.ReadAsStringAsync());
        }
        using var refused = await client.PostFormAsync("/Account/LoginWithRecoveryCode", "login-with-recovery-code",
            new() { ["Input.RecoveryCode"] = "WRONG-CODE" });

        await AssertThrottledAsync(refused);
    }

    [Fact]
    public async Task Five_wrong_authenticator_codes_still_lock_the_account()
    {
        // Only someone who knows the password gets this far; Identity's lockout guards the six-digit codes.
        var email = await NewMerchantAsync("totp-lockout");
        await WithMerchantAsync(email, (users, m) => users.SetTwoFactorEnabledAsync(m, true));
        using var client = ClientAt(NewAddress());
        using (await SignInAsync(client, email, SignIn.Password)) { }

        HttpResponseMessage? last = null;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            last?.Dispose();
            last = await client.PostFormAsync("/Account/LoginWith2fa", "login-with-2fa", new() { ["Input.TwoFactorCode"] = "000000" });
        }

        Assert.Equal(HttpStatusCode.Redirect, last!.StatusCode);
        Assert.Contains("Account/Lockout", last.Headers.Location!.ToString());
        Assert.True(await WithMerchantAsync(email, (users, m) => users.IsLockedOutAsync(m)));
        last.Dispose();
    }

    /// <summary>Status and message of six wrong sign-ins for <paramref name="email"/> from a client of their own (any number as N).</summary>
    private async Task<List<(HttpStatusCode, string)>> AnswersToSixWrongPasswordsAsync(string email)
    {
        using var client = ClientAt(NewAddress());
        var answers = new List<(HttpStatusCode, string)>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            using var response = await SignInAsync(client, email, WrongPassword);
            var message = SignInMessage().Match(await response.Content.ReadAsStringAsync()).Value;
            answers.Add((response.StatusCode, Regex.Replace(message, "[0-9]+", "N")));
        }
        return answers;
    }

    /// <summary>How many password hashes one wrong sign-in for <paramref name="email"/> checks.</summary>
    private async Task<int> PasswordChecksAsync(string email)
    {
        using var client = ClientAt(NewAddress());
        await client.GetStringAsync("/Account/Login");
        var before = fixture.Hasher.Verified;
        using var response = await SignInAsync(client, email, WrongPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return fixture.Hasher.Verified - before;
    }

    private static async Task AssertThrottledAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Matches("Too many sign-in attempts[^<]*Try again in [0-9]+ minutes?", await response.Content.ReadAsStringAsync());
    }

    private async Task<string> NewMerchantAsync(string who)
    {
        var email = $"{who}-{Guid.NewGuid():N}@shop.test";
        await app.CreateMerchantAsync(email);
        return email;
    }

    /// <summary>A browser-like client whose requests reach Flux through the proxy from <paramref name="address"/>.</summary>
    private HttpClient ClientAt(string address)
    {
        var client = app.FormClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    [GeneratedRegex("That e-mail address and password do not match a Flux account\\.|Too many sign-in attempts[^<]*")]
    private static partial Regex SignInMessage();

    private static string NewAddress() => $"198.18.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.PostFormAsync("/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    private async Task<T> WithMerchantAsync<T>(string email, Func<UserManager<Merchant>, Merchant, Task<T>> action)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Merchant>>();
        return await action(users, (await users.FindByEmailAsync(email))!);
    }
}
