using System.Net;
using System.Security.Cryptography;
using System.Text;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Api;

[Collection(FluxAppCollection.Name)]
public sealed class ApiKeyAuthenticationTests(FluxAppFactory app)
{
    private ApiKeyService Keys => app.Services.GetRequiredService<ApiKeyService>();

    [Fact]
    public async Task No_key_is_401_saying_how_to_send_one()
    {
        using var client = app.ApiClient(null);

        using var response = await client.GetAsync("/v1/orders");

        var error = await response.AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
        Assert.Contains("Authorization", error.GetProperty("message").GetString());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("Bearer sk_test_invalid")]
    [InlineData("Bearer sk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Bearer sk_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Bearer ")]
    [InlineData("Bearer sk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA--")]
    [InlineData("Basic c2tfdGVzdF94eHg6")]
    [InlineData("sk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Bearer ' OR 1=1 --")]
    public async Task A_malformed_or_unknown_key_is_401_with_the_seed_message(string authorization)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/payments");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.SendAsync(request);

        var error = await response.AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
        Assert.Equal("The provided API key is invalid", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_very_long_key_is_401()
    {
        using var client = app.ApiClient("sk_test_" + new string('A', 10_000));

        using var response = await client.GetAsync("/v1/payments");

        await response.AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
    }

    [Fact]
    public async Task A_publishable_key_cannot_call_secret_endpoints()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.Test.Publishable.Secret);

        using var response = await client.GetAsync("/v1/payments");

        var error = await response.AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
        Assert.Contains("secret key", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_dashboard_sign_in_cookie_is_no_api_key()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = await app.SignedInClientAsync(merchant.Email);

        using var response = await client.GetAsync("/v1/orders");

        await response.AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.TestKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/payments")).StatusCode);

        Assert.NotNull(await Keys.RevokeAsync(merchant.TestScope, merchant.Test.Secret.Key.Id));
        using var response = await client.GetAsync("/v1/payments");

        await response.AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
    }

    [Fact]
    public async Task Keys_of_one_merchant_cannot_be_revoked_or_rolled_by_another()
    {
        var owner = await app.NewApiMerchantAsync();
        var other = await app.NewApiMerchantAsync();

        Assert.Null(await Keys.RevokeAsync(other.TestScope, owner.Test.Secret.Key.Id));
        Assert.Null(await Keys.RollAsync(other.TestScope, owner.Test.Secret.Key.Id));
        Assert.Null(await Keys.RevokeAsync(owner.LiveScope, owner.Test.Secret.Key.Id));

        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(owner.TestKey).GetAsync("/v1/payments")).StatusCode);
    }

    [Fact]
    public async Task Rolling_without_grace_stops_the_old_key_and_the_new_one_works()
    {
        var merchant = await app.NewApiMerchantAsync();
        // Used first, so the old key is in the key cache when it is rolled.
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(merchant.TestKey).GetAsync("/v1/payments")).StatusCode);

        var rolled = await Keys.RollAsync(merchant.TestScope, merchant.Test.Secret.Key.Id);

        Assert.NotNull(rolled);
        Assert.StartsWith("sk_test_", rolled.Secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient(merchant.TestKey).GetAsync("/v1/payments")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(rolled.Secret).GetAsync("/v1/payments")).StatusCode);
    }

    [Fact]
    public async Task A_rolled_key_with_grace_works_until_it_expires()
    {
        var merchant = await app.NewApiMerchantAsync();
        var before = DateTimeOffset.UtcNow;

        var rolled = await Keys.RollAsync(merchant.TestScope, merchant.Test.Secret.Key.Id, TimeSpan.FromHours(24));

        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(merchant.TestKey).GetAsync("/v1/payments")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(rolled!.Secret).GetAsync("/v1/payments")).StatusCode);
        var old = (await Keys.ListAsync(merchant.TestScope)).Single(k => k.Id == merchant.Test.Secret.Key.Id);
        // Stored times keep 0.1 ms (SQLite binary DateTimeOffset), hence the millisecond of slack.
        Assert.InRange(old.ExpiresAt!.Value, before.AddHours(24).AddMilliseconds(-1), DateTimeOffset.UtcNow.AddHours(24));
    }

    [Fact]
    public async Task A_rolled_key_stops_the_moment_its_grace_ends_though_it_is_cached()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.TestKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/payments")).StatusCode);

        await Keys.RollAsync(merchant.TestScope, merchant.Test.Secret.Key.Id, TimeSpan.FromSeconds(2));
        var old = (await Keys.ListAsync(merchant.TestScope)).Single(k => k.Id == merchant.Test.Secret.Key.Id);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/payments")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/payments")).StatusCode);

        // Well inside the cache's lifetime, so only the exact expiry check can refuse it.
        var wait = old.ExpiresAt!.Value - DateTimeOffset.UtcNow;
        Assert.True(wait < ApiKeyCache.Lifetime);
        await Task.Delay(wait + TimeSpan.FromMilliseconds(50));

        await (await client.GetAsync("/v1/payments")).AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
        Assert.DoesNotContain(await Keys.ListAsync(merchant.TestScope), k => k.Id == old.Id);
        Assert.Contains(await Keys.ListAsync(merchant.TestScope, includeInactive: true), k => k.Id == old.Id);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_by_the_next_request_even_when_many_requests_hold_it_cached()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.TestKey);
        var revoked = false;
        // Requests run while the key is revoked; every one that starts after the revocation returned must be refused.
        var load = Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            for (var i = 0; i < 10; i++)
            {
                var startedAfterRevoke = Volatile.Read(ref revoked);
                using var response = await client.GetAsync("/v1/payments");
                if (startedAfterRevoke)
                    Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
        }));
        await Task.Delay(50);

        Assert.NotNull(await Keys.RevokeAsync(merchant.TestScope, merchant.Test.Secret.Key.Id));
        Volatile.Write(ref revoked, true);
        await load;

        await (await client.GetAsync("/v1/payments")).AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
    }

    [Fact]
    public async Task A_deleted_accounts_cached_key_is_refused_by_the_next_request()
    {
        var email = $"delete-{Guid.NewGuid():N}@shop.test";
        using var browser = await app.SignedInClientAsync(email);
        await using var scope = app.Services.CreateAsyncScope();
        var merchant = await scope.ServiceProvider.GetRequiredService<UserManager<Merchant>>().FindByEmailAsync(email);
        var pair = (await Keys.CreatePairAsync(new MerchantScope(merchant!.Id, false), "Tests")).Value!;
        using var client = app.ApiClient(pair.Secret.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/payments")).StatusCode);

        using var deleted = await browser.PostFormAsync("/Account/Manage/DeletePersonalData", "delete-user", new() { ["Input.Password"] = SignIn.Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        await (await client.GetAsync("/v1/payments")).AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
    }

    [Fact]
    public async Task Keys_are_stored_as_hashes_with_prefix_and_last_4_only()
    {
        var merchant = await app.NewApiMerchantAsync();
        var secret = merchant.Test.Secret;
        var publishable = merchant.Test.Publishable;

        Assert.Matches("^sk_test_[0-9A-Za-z]{32}$", secret.Secret);
        Assert.Matches("^pk_test_[0-9A-Za-z]{32}$", publishable.Secret);
        Assert.Matches("^sk_live_[0-9A-Za-z]{32}$", merchant.LiveKey);
        Assert.Matches("^pk_live_[0-9A-Za-z]{32}$", merchant.Live.Publishable.Secret);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        var stored = await db.Set<ApiKey>().AsNoTracking().SingleAsync(k => k.Id == secret.Key.Id);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret.Secret)), stored.Hash);
        Assert.Equal("sk_test_", stored.Prefix);
        Assert.Equal(secret.Secret[^4..], stored.Last4);
        Assert.Equal(ApiKeyKind.Secret, stored.Kind);
        Assert.Equal("Tests", stored.Name);

        // Nowhere in the database file is the key itself.
        var rows = await db.Database.SqlQueryRaw<string>(
            "SELECT \"Id\" || \"Name\" || \"Prefix\" || \"Last4\" || \"MerchantId\" AS \"Value\" FROM \"ApiKeys\"").ToListAsync();
        Assert.DoesNotContain(rows, r => r.Contains(secret.Secret[8..]) || r.Contains(publishable.Secret[8..]));
    }

    [Fact]
    public async Task Listing_shows_no_secrets_and_the_last_used_time_is_written_in_batches()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.TestKey);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/payments")).StatusCode);
        await app.Services.GetRequiredService<ApiKeyUsage>().FlushAsync();

        var keys = await Keys.ListAsync(merchant.TestScope);
        Assert.Equal([ApiKeyKind.Secret, ApiKeyKind.Publishable], keys.Select(k => k.Kind));
        Assert.Equal($"sk_test_…{merchant.TestKey[^4..]}", keys[0].Redacted);
        Assert.NotNull(keys[0].LastUsedAt);
        Assert.InRange(keys[0].LastUsedAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Null(keys[1].LastUsedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task A_key_pair_needs_a_name(string? name)
    {
        var merchant = await app.NewApiMerchantAsync();

        var result = await Keys.CreatePairAsync(merchant.TestScope, name);

        Assert.False(result.Succeeded);
        Assert.NotNull(result.Error);
    }
}
