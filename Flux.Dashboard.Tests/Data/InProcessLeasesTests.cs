using Flux.Dashboard.Data.Leases;

namespace Flux.Dashboard.Tests.Data;

public sealed class InProcessLeasesTests
{
    [Fact]
    public async Task Held_leases_are_one_collection_until_a_lease_is_taken_or_given_back()
    {
        var leases = new InProcessLeases();

        var watcher = await leases.AcquireAsync("watcher:testnet", CancellationToken.None);
        var held = leases.Held;

        // /healthz serializes its body again only when this collection is another.
        Assert.Equal(["watcher:testnet"], held);
        Assert.Same(held, leases.Held);
        await using (await leases.AcquireAsync("another", CancellationToken.None))
            Assert.Equal(["another", "watcher:testnet"], leases.Held);
        Assert.Equal(["watcher:testnet"], leases.Held);
        await watcher.DisposeAsync();
        Assert.Empty(leases.Held);
    }
}
