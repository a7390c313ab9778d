using Flux.Dashboard.Features.Credits;

namespace Flux.Dashboard.Tests.Credits;

public sealed class PackOfferTests
{
    [Fact]
    public void Default_packs_show_price_per_credit_and_the_saving_against_the_smallest_pack()
    {
        var offers = PackOffer.For(CreditsOptions.DefaultPacks);

        Assert.Equal([100, 1_000, 10_000], offers.Select(o => o.Credits));
        Assert.Equal([0.1m, 0.08m, 0.06m], offers.Select(o => o.PricePerCredit));
        Assert.Equal([0, 20, 40], offers.Select(o => o.SavingPercent));
    }

    [Fact]
    public void Configured_packs_replace_the_defaults_and_are_sorted()
    {
        var options = new CreditsOptions { Packs = [new() { Credits = 500, Price = 45m }, new() { Credits = 50, Price = 5m }] };

        Assert.Equal([50, 500], options.PacksOnSale.Select(p => p.Credits));
    }

    [Fact]
    public void The_sandbox_treasury_is_a_valid_address_and_networks_without_one_have_none()
    {
        var options = new CreditsOptions();

        Assert.True(Flux.Dashboard.Chain.StrKey.IsValidEd25519PublicKey(options.TreasuryFor("sandbox")));
        Assert.Null(options.TreasuryFor("pi-mainnet"));
    }
}
