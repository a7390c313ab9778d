using Flux.Dashboard.Chain;
using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Features.Credits;

/// <summary>One pack of credits for sale: how many credits and their price in Pi.</summary>
public sealed class CreditPack
{
    public int Credits { get; set; }
    public decimal Price { get; set; }
}

/// <summary>Bound from <c>Flux:Credits</c>: the packs on sale and Flux's treasury wallet per network.</summary>
public sealed class CreditsOptions
{
    public const string SectionName = "Flux:Credits";

    /// <summary>The packs on sale, smallest first; the defaults apply when configuration lists none.</summary>
    public List<CreditPack> Packs { get; set; } = [];

    /// <summary>Flux's treasury wallet per network; a network without one cannot sell credits.</summary>
    public Dictionary<string, string> Treasury { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [ChainNetworkNames.Sandbox] = SandboxTreasury.Address,
    };

    public static readonly IReadOnlyList<CreditPack> DefaultPacks =
    [
        new() { Credits = 100, Price = 10m },
        new() { Credits = 1_000, Price = 80m },
        new() { Credits = 10_000, Price = 600m },
    ];

    public IReadOnlyList<CreditPack> PacksOnSale => (Packs.Count > 0 ? Packs : DefaultPacks).OrderBy(p => p.Credits).ToList();

    public string? TreasuryFor(string network) =>
        Treasury.TryGetValue(network, out var address) && !string.IsNullOrWhiteSpace(address) ? address : null;
}

internal sealed class CreditsOptionsValidator : IValidateOptions<CreditsOptions>
{
    public ValidateOptionsResult Validate(string? name, CreditsOptions options)
    {
        var failures = new List<string>();
        foreach (var pack in options.Packs)
        {
            if (pack.Credits <= 0 || pack.Price <= 0 || decimal.Round(pack.Price, 7) != pack.Price)
                failures.Add($"{CreditsOptions.SectionName}:Packs needs Credits > 0 and a Price > 0 with at most 7 decimals; got {pack.Credits} for {pack.Price}.");
        }
        if (options.Packs.GroupBy(p => p.Credits).Any(g => g.Count() > 1))
            failures.Add($"{CreditsOptions.SectionName}:Packs lists the same number of credits twice.");
        foreach (var (network, address) in options.Treasury)
        {
            if (!string.IsNullOrWhiteSpace(address) && !StrKey.IsValidEd25519PublicKey(address))
                failures.Add($"{CreditsOptions.SectionName}:Treasury:{network} is not a valid G… address.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
