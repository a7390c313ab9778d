namespace Flux.Dashboard.Features.Credits;

/// <summary>A pack as the Credits page shows it: price per credit and the saving against the smallest pack's rate.</summary>
public sealed record PackOffer(int Credits, decimal Price, decimal PricePerCredit, int SavingPercent)
{
    /// <summary>Offers for the packs; the saving compares each pack's per-credit price with the dearest pack's.</summary>
    public static IReadOnlyList<PackOffer> For(IReadOnlyList<CreditPack> packs)
    {
        if (packs.Count == 0)
            return [];
        var dearest = packs.Max(p => p.Price / p.Credits);
        return packs.Select(p =>
        {
            var perCredit = p.Price / p.Credits;
            var saving = (int)Math.Round((1 - perCredit / dearest) * 100, MidpointRounding.AwayFromZero);
            return new PackOffer(p.Credits, p.Price, Math.Round(perCredit, 7), saving);
        }).ToList();
    }
}
