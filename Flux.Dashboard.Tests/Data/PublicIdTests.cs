using Flux.Dashboard.Data;

namespace Flux.Dashboard.Tests.Data;

public sealed class PublicIdTests
{
    [Fact]
    public async Task Sequential_ids_sort_by_creation_time_and_differ_in_their_random_part()
    {
        var earlier = Enumerable.Range(0, 1000).Select(_ => PublicId.Sequential("ord")).ToList();
        await Task.Delay(5);
        var later = PublicId.Sequential("ord");

        Assert.All(earlier.Append(later), id => Assert.Matches("^ord_[0-9A-Za-z]{20}$", id));
        Assert.All(earlier, id => Assert.True(string.CompareOrdinal(id, later) < 0, $"{id} sorts after the later {later}"));
        Assert.Equal(earlier.Count, earlier.Distinct().Count());
        // Made within a few milliseconds, they share the time part but not the 13 random characters.
        Assert.Equal(earlier.Count, earlier.Select(id => id[^13..]).Distinct().Count());
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.InRange(Base62(later[4..11]), now - 1000, now);
        Assert.Matches("^evt_[0-9A-Za-z]{24}$", PublicId.Sequential("evt", 24));
    }

    [Fact]
    public void Random_ids_use_every_base62_character_about_equally()
    {
        var counts = Enumerable.Range(0, 20_000).SelectMany(_ => PublicId.New("key")[4..]).CountBy(c => c).ToDictionary();

        Assert.Equal(62, counts.Count);
        // 400,000 characters: about 6,452 each; a character drawn from 64 values (or biased by a modulo) would stand out.
        Assert.All(counts, c => Assert.InRange(c.Value, 6_000, 6_900));
    }

    private static long Base62(string digits) =>
        digits.Aggregate(0L, (value, digit) => value * 62 + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".IndexOf(digit, StringComparison.Ordinal));
}
