namespace Flux.Dashboard.Features.Rates;

/// <summary><c>Flux:Rates</c>: how old a provider's rate may be for a fiat order, and the operator's rate provider.</summary>
public sealed class RatesOptions
{
    public const string Section = "Flux:Rates";

    /// <summary>A provider rate older than this refuses fiat orders: a price locked on a stale rate could cost the merchant.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(10);

    public RateProviderOptions Provider { get; set; } = new();

    public void Validate()
    {
        if (MaxAge <= TimeSpan.Zero)
            throw new InvalidOperationException($"{Section}:MaxAge must be positive.");
        Provider.Validate();
    }
}

/// <summary>
/// <c>Flux:Rates:Provider</c>: an HTTP JSON endpoint polled every minute. <see cref="Url"/> and <see cref="Path"/> may
/// hold <c>{currency}</c> (the lower-case code, as most price APIs spell it) or <c>{CURRENCY}</c>; each of
/// <see cref="Currencies"/> is read from the answer at its path, a number or a numeric string giving the price of one Pi.
/// </summary>
public sealed class RateProviderOptions
{
    /// <summary>Empty: no provider, only merchants' fixed rates.</summary>
    public string? Url { get; set; }

    /// <summary>Where the rate is in the answer: property names and array indexes, <c>pi-network.{currency}</c> or <c>$.data[0].price</c>.</summary>
    public string? Path { get; set; }

    /// <summary>The currencies to read (ISO 4217 codes).</summary>
    public string[] Currencies { get; set; } = [];

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    public void Validate()
    {
        if (!Enabled)
            return;
        var section = $"{RatesOptions.Section}:Provider";
        if (!Uri.TryCreate(Url!.Replace("{currency}", "usd").Replace("{CURRENCY}", "USD"), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw new InvalidOperationException($"{section}:Url must be an absolute http(s) URL.");
        if (string.IsNullOrWhiteSpace(Path))
            throw new InvalidOperationException($"{section}:Path is needed with {section}:Url: where the rate is in the answer.");
        if (Currencies.Length == 0 || Currencies.Any(c => PriceRules.CurrencyCode(c) is null))
            throw new InvalidOperationException($"{section}:Currencies must list ISO 4217 codes (USD, EUR, …).");
        if (Timeout <= TimeSpan.Zero)
            throw new InvalidOperationException($"{section}:Timeout must be positive.");
    }
}
