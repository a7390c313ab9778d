using Flux.Dashboard.Common;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Wallets;

/// <summary>
/// Wallet rules against the running app. Test mode checks accounts on the app's own sandbox; live-mode rules that need
/// Pi mainnet are in <see cref="WalletHorizonCheckTests"/>.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class WalletServiceTests(FluxAppFactory app) : IDisposable
{
    private const string Sandbox = ChainNetworkNames.Sandbox;
    private const string SecretSeed = "SADQOBYHA4DQOBYHA4DQOBYHA4DQOBYHA4DQOBYHA4DQOBYHA4DQP54X";

    private readonly IServiceScope services = app.Services.CreateScope();

    private WalletService Wallets => services.ServiceProvider.GetRequiredService<WalletService>();
    private WatchedWallets Watched => app.Services.GetRequiredService<WatchedWallets>();

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task Valid_address_becomes_the_first_and_default_wallet_and_is_watched()
    {
        var merchant = await app.NewMerchantAsync();
        var address = TestAddresses.Random();

        var result = await Wallets.AddAsync(merchant, $"  {address}\n", "  Shop till ");

        var wallet = Assert.IsType<Wallet>(result.Value);
        Assert.StartsWith("wal_", wallet.Id);
        Assert.Equal(address, wallet.Address);
        Assert.Equal("Shop till", wallet.Label);
        Assert.Equal(Sandbox, wallet.Network);
        Assert.False(wallet.Livemode);
        Assert.True(wallet.IsDefault);
        Assert.True(Watched.IsWatched(Sandbox, address));
        Assert.Equal(wallet.Id, Assert.Single(await Wallets.ListAsync(merchant)).Id);
    }

    [Fact]
    public async Task Sandbox_address_that_never_received_a_payment_is_accepted_in_test_mode()
    {
        var merchant = await app.NewMerchantAsync();

        var result = await Wallets.AddAsync(merchant, TestAddresses.Random(), null);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Null(result.Value!.Label);
    }

    [Fact]
    public async Task Address_with_a_bad_checksum_is_refused_naming_the_checksum_and_nothing_is_written()
    {
        var merchant = await app.NewMerchantAsync();
        var address = TestAddresses.Random();
        var typo = address[..^2] + (address[^2] == 'A' ? 'B' : 'A') + address[^1];

        var result = await Wallets.AddAsync(merchant, typo, "Till");

        Assert.False(result.Succeeded);
        Assert.Contains("checksum", result.ErrorFor(WalletFields.Address));
        Assert.Empty(await app.StoredWalletsAsync(merchant.MerchantId));
        Assert.False(Watched.IsWatched(Sandbox, typo));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Pasted_secret_seed_is_refused_with_a_never_share_it_warning(bool livemode)
    {
        var merchant = await app.NewMerchantAsync(livemode);

        var result = await Wallets.AddAsync(merchant, SecretSeed, null);

        Assert.True(WalletAddressRules.IsSecretKey(SecretSeed));
        Assert.StartsWith("This is a secret key — never share it.", result.ErrorFor(WalletFields.Address));
        Assert.DoesNotContain(SecretSeed, result.ErrorFor(WalletFields.Address));
        Assert.Empty(await app.StoredWalletsAsync(merchant.MerchantId));
    }

    [Fact]
    public async Task Sandbox_test_wallet_is_accepted_in_test_mode()
    {
        var merchant = await app.NewMerchantAsync();

        var result = await Wallets.AddAsync(merchant, SandboxTestWallet.Address, "Sandbox");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.True(Watched.IsWatched(Sandbox, SandboxTestWallet.Address));
    }

    [Fact]
    public async Task Sandbox_test_wallet_is_refused_in_live_mode_before_any_network_is_asked()
    {
        var merchant = await app.NewMerchantAsync(livemode: true);

        var result = await Wallets.AddAsync(merchant, SandboxTestWallet.Address, null);

        Assert.Contains("sandbox test wallet", result.ErrorFor(WalletFields.Address));
        Assert.Equal(ServiceFailure.Invalid, result.Failure);
        Assert.Empty(await app.StoredWalletsAsync(merchant.MerchantId));
    }

    [Fact]
    public async Task Muxed_address_is_refused_naming_the_wallet_it_belongs_to()
    {
        var merchant = await app.NewMerchantAsync();
        var address = TestAddresses.Random();
        var muxed = StrKey.EncodeMuxedAccount(StrKey.DecodeEd25519PublicKey(address), 42);

        var result = await Wallets.AddAsync(merchant, muxed, null);

        Assert.Contains(address, result.ErrorFor(WalletFields.Address));
        Assert.Empty(await app.StoredWalletsAsync(merchant.MerchantId));
    }

    [Fact]
    public async Task Bad_address_and_too_long_label_are_both_reported_and_nothing_is_written()
    {
        var merchant = await app.NewMerchantAsync();

        var result = await Wallets.AddAsync(merchant, "not an address", new string('x', 101));

        Assert.NotNull(result.ErrorFor(WalletFields.Address));
        Assert.Contains("at most 100 characters", result.ErrorFor(WalletFields.Label));
        Assert.Empty(await app.StoredWalletsAsync(merchant.MerchantId));
    }

    [Fact]
    public async Task Label_of_exactly_100_characters_is_accepted()
    {
        var merchant = await app.NewMerchantAsync();

        var result = await Wallets.AddAsync(merchant, TestAddresses.Random(), new string('x', 100));

        Assert.True(result.Succeeded, result.Error?.Message);
    }

    [Fact]
    public async Task Wallet_already_registered_is_refused_and_stays_one_row()
    {
        var merchant = await app.NewMerchantAsync();
        var address = TestAddresses.Random();
        await Wallets.AddAsync(merchant, address, "First");

        var again = await Wallets.AddAsync(merchant, address, "Second");

        Assert.Equal("This wallet is already registered.", again.ErrorFor(WalletFields.Address));
        Assert.Equal("First", Assert.Single(await app.StoredWalletsAsync(merchant.MerchantId)).Label);
    }

    [Fact]
    public async Task Second_wallet_is_not_default_and_set_default_leaves_exactly_one()
    {
        var merchant = await app.NewMerchantAsync();
        var first = (await Wallets.AddAsync(merchant, TestAddresses.Random(), "First")).Value!;
        var second = (await Wallets.AddAsync(merchant, TestAddresses.Random(), "Second")).Value!;
        Assert.False(second.IsDefault);

        var result = await Wallets.SetDefaultAsync(merchant, second.Id);

        Assert.True(result.Succeeded);
        var stored = await app.StoredWalletsAsync(merchant.MerchantId);
        Assert.Equal(second.Id, Assert.Single(stored, w => w.IsDefault).Id);
        Assert.Equal(second.Id, (await Wallets.ListAsync(merchant))[0].Id);
        Assert.Contains(stored, w => w.Id == first.Id && !w.IsDefault);
    }

    [Fact]
    public async Task Rename_sets_the_label_clears_it_when_empty_and_refuses_more_than_100_characters()
    {
        var merchant = await app.NewMerchantAsync();
        var wallet = (await Wallets.AddAsync(merchant, TestAddresses.Random(), "Old")).Value!;

        var renamed = await Wallets.RenameAsync(merchant, wallet.Id, " New name ");
        var tooLong = await Wallets.RenameAsync(merchant, wallet.Id, new string('x', 101));
        var stored = Assert.Single(await app.StoredWalletsAsync(merchant.MerchantId));
        var cleared = await Wallets.RenameAsync(merchant, wallet.Id, "   ");

        Assert.Equal("New name", renamed.Value!.Label);
        Assert.NotNull(tooLong.ErrorFor(WalletFields.Label));
        Assert.Equal("New name", stored.Label);
        Assert.Null(cleared.Value!.Label);
    }

    [Fact]
    public async Task Remove_keeps_the_row_for_history_moves_the_default_and_unwatches_the_address()
    {
        var merchant = await app.NewMerchantAsync();
        var first = (await Wallets.AddAsync(merchant, TestAddresses.Random(), "First")).Value!;
        var second = (await Wallets.AddAsync(merchant, TestAddresses.Random(), "Second")).Value!;
        var third = (await Wallets.AddAsync(merchant, TestAddresses.Random(), "Third")).Value!;

        var result = await Wallets.RemoveAsync(merchant, first.Id);

        Assert.True(result.Succeeded);
        var stored = await app.StoredWalletsAsync(merchant.MerchantId);
        Assert.Equal(3, stored.Count);
        var removed = Assert.Single(stored, w => w.RemovedAt is not null);
        Assert.Equal(first.Id, removed.Id);
        Assert.False(removed.IsDefault);
        Assert.Equal(second.Id, Assert.Single(stored, w => w.IsDefault).Id);
        Assert.False(Watched.IsWatched(Sandbox, first.Address));
        Assert.Equal([second.Id, third.Id], (await Wallets.ListAsync(merchant)).Select(w => w.Id));
        Assert.Equal(first.Id, (await Wallets.ListAsync(merchant, includeRemoved: true))[^1].Id);
    }

    [Fact]
    public async Task A_removed_wallet_that_orders_were_paid_into_stays_watched_for_late_payments()
    {
        var merchant = await app.NewMerchantAsync();
        var wallet = (await Wallets.AddAsync(merchant, TestAddresses.Random(), null)).Value!;
        await app.Services.GetRequiredService<OrderService>().CreateAsync(merchant, new CreateOrderRequest(5m, null));

        var result = await Wallets.RemoveAsync(merchant, wallet.Id);

        Assert.True(result.Succeeded);
        Assert.True(Watched.IsWatched(Sandbox, wallet.Address));
        Assert.Empty(await Wallets.ListAsync(merchant));
    }

    [Fact]
    public async Task Removing_the_last_wallet_leaves_no_default_and_the_next_one_added_becomes_default()
    {
        var merchant = await app.NewMerchantAsync();
        var only = (await Wallets.AddAsync(merchant, TestAddresses.Random(), null)).Value!;

        await Wallets.RemoveAsync(merchant, only.Id);
        var afterRemove = await app.StoredWalletsAsync(merchant.MerchantId);
        var next = await Wallets.AddAsync(merchant, TestAddresses.Random(), null);

        Assert.DoesNotContain(afterRemove, w => w.IsDefault);
        Assert.True(next.Value!.IsDefault);
        Assert.Equal(next.Value.Id, Assert.Single(await Wallets.ListAsync(merchant)).Id);
    }

    [Fact]
    public async Task Address_another_merchant_still_uses_stays_watched_after_one_removes_it()
    {
        var shop = await app.NewMerchantAsync();
        var other = await app.NewMerchantAsync();
        var address = TestAddresses.Random();
        var shopWallet = (await Wallets.AddAsync(shop, address, null)).Value!;
        await Wallets.AddAsync(other, address, null);

        await Wallets.RemoveAsync(shop, shopWallet.Id);

        Assert.True(Watched.IsWatched(Sandbox, address));
    }

    [Fact]
    public async Task Adding_a_removed_wallet_again_restores_its_row()
    {
        var merchant = await app.NewMerchantAsync();
        var address = TestAddresses.Random();
        var original = (await Wallets.AddAsync(merchant, address, "Till")).Value!;
        var other = (await Wallets.AddAsync(merchant, TestAddresses.Random(), null)).Value!;
        await Wallets.RemoveAsync(merchant, original.Id);

        var restored = await Wallets.AddAsync(merchant, address, null);

        Assert.Equal(original.Id, restored.Value!.Id);
        Assert.Null(restored.Value.RemovedAt);
        Assert.Equal("Till", restored.Value.Label);
        Assert.False(restored.Value.IsDefault);
        Assert.Equal(2, (await app.StoredWalletsAsync(merchant.MerchantId)).Count);
        Assert.Equal(other.Id, Assert.Single(await app.StoredWalletsAsync(merchant.MerchantId), w => w.IsDefault).Id);
        Assert.True(Watched.IsWatched(Sandbox, address));
    }

    [Fact]
    public async Task Another_merchants_wallet_id_is_not_found_and_left_untouched()
    {
        var shop = await app.NewMerchantAsync();
        var intruder = await app.NewMerchantAsync();
        var wallet = (await Wallets.AddAsync(shop, TestAddresses.Random(), "Till")).Value!;

        var results = new[]
        {
            await Wallets.SetDefaultAsync(intruder, wallet.Id),
            await Wallets.RenameAsync(intruder, wallet.Id, "Mine now"),
            await Wallets.RemoveAsync(intruder, wallet.Id),
        };

        Assert.All(results, r => Assert.Equal(ServiceFailure.NotFound, r.Failure));
        Assert.All(results, r => Assert.Null(r.Value));
        Assert.Empty(await Wallets.ListAsync(intruder, includeRemoved: true));
        var stored = Assert.Single(await app.StoredWalletsAsync(shop.MerchantId));
        Assert.Equal(("Till", true, (DateTimeOffset?)null), (stored.Label, stored.IsDefault, stored.RemovedAt));
        Assert.True(Watched.IsWatched(Sandbox, wallet.Address));
    }

    [Fact]
    public async Task Wallet_of_the_other_mode_is_not_found_and_not_listed()
    {
        var test = await app.NewMerchantAsync();
        var live = test with { Livemode = true };
        var wallet = (await Wallets.AddAsync(test, TestAddresses.Random(), null)).Value!;

        var renamed = await Wallets.RenameAsync(live, wallet.Id, "Live?");
        var removed = await Wallets.RemoveAsync(live, wallet.Id);

        Assert.Equal(ServiceFailure.NotFound, renamed.Failure);
        Assert.Equal(ServiceFailure.NotFound, removed.Failure);
        Assert.Empty(await Wallets.ListAsync(live, includeRemoved: true));
        Assert.Null(Assert.Single(await app.StoredWalletsAsync(test.MerchantId)).RemovedAt);
    }

    [Fact]
    public async Task Unknown_wallet_id_is_not_found()
    {
        var merchant = await app.NewMerchantAsync();

        var result = await Wallets.SetDefaultAsync(merchant, "wal_doesnotexist");

        Assert.Equal(ServiceFailure.NotFound, result.Failure);
        Assert.Equal("No such wallet: 'wal_doesnotexist'.", result.Error?.Message);
    }
}
