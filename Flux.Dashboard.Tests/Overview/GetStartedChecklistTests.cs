using Flux.Dashboard.Features.Overview;

namespace Flux.Dashboard.Tests.Overview;

public sealed class GetStartedChecklistTests
{
    private static readonly GetStartedFacts Nothing = new(false, false, false, false, false, false, false);

    private static readonly GetStartedFacts Everything = new(true, true, true, true, true, true, true);

    [Fact]
    public void A_new_merchant_starts_at_the_wallet_with_nothing_done()
    {
        var progress = GetStartedChecklist.For(Nothing, hidden: false);

        Assert.Equal(["wallet", "test-order", "simulate", "button", "api-key", "shop-name", "go-live"], progress.Steps.Select(s => s.Key));
        Assert.Equal(0, progress.DoneCount);
        Assert.Equal("wallet", progress.Next!.Key);
        Assert.True(progress.Shown);
    }

    [Fact]
    public void The_next_step_is_the_first_not_done_whatever_was_done_after_it()
    {
        var progress = GetStartedChecklist.For(Nothing with { HasWallet = true, HasApiKey = true, HasShopName = true }, hidden: false);

        Assert.Equal(3, progress.DoneCount);
        Assert.Equal("test-order", progress.Next!.Key);
    }

    [Fact]
    public void Simulating_leads_to_the_newest_unpaid_test_order()
    {
        var progress = GetStartedChecklist.For(Nothing with { HasWallet = true, HasTestOrder = true, UnpaidTestOrderId = "ord_1" }, hidden: false);

        Assert.Equal("simulate", progress.Next!.Key);
        Assert.Equal("/orders/ord_1", progress.Next.Href);
        Assert.Equal("/orders", GetStartedChecklist.For(Nothing, false).Steps.Single(s => s.Key == "simulate").Href);
    }

    [Fact]
    public void Only_a_finished_list_that_was_put_away_is_hidden()
    {
        Assert.True(GetStartedChecklist.For(Nothing, hidden: true).Shown);
        Assert.True(GetStartedChecklist.For(Everything, hidden: false).Shown);
        Assert.True(GetStartedChecklist.For(Everything, hidden: false).Complete);
        Assert.Null(GetStartedChecklist.For(Everything, hidden: false).Next);
        Assert.False(GetStartedChecklist.For(Everything, hidden: true).Shown);
    }
}
