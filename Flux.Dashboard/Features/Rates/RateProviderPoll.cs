using System.Text.Json;
using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Rates;

/// <summary>
/// Hangfire's every-minute job: asks the operator's rate provider for each configured currency and saves the rates it
/// gives, dated now. A currency the answer lacks, or a provider that fails, keeps its last rate, which ages until
/// <see cref="RatesOptions.MaxAge"/> refuses fiat orders in that currency.
/// </summary>
public sealed class RateProviderPoll(IHttpClientFactory http, IDbContextFactory<FluxDbContext> dbFactory, RatesOptions options,
    TimeProvider clock, ILogger<RateProviderPoll> logger)
{
    public const string JobId = "rates-provider-poll";

    /// <summary>The named client: only public addresses (loopback where the operator allows it), no redirects.</summary>
    public const string ClientName = "rates-provider";

    /// <returns>The currencies whose rate was saved.</returns>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        var provider = options.Provider;
        if (!provider.Enabled)
            return [];
        var fetched = new Dictionary<string, decimal>();
        var answers = new Dictionary<string, JsonElement?>();
        foreach (var currency in provider.Currencies.Select(c => PriceRules.CurrencyCode(c)!).Distinct())
        {
            var url = Expand(provider.Url!, currency);
            if (!answers.TryGetValue(url, out var answer))
                answers[url] = answer = await FetchAsync(url, cancellationToken);
            if (answer is not { } json)
                continue;
            var value = RateJsonPath.Read(json, Expand(provider.Path!, currency));
            if (value is { } rate && PriceRules.RateError(rate) is null)
                fetched[currency] = rate;
            else
                logger.LogWarning("The rate provider's answer has no usable {Currency} rate at {Path}", currency, Expand(provider.Path!, currency));
        }
        if (fetched.Count > 0)
            await SaveAsync(fetched, cancellationToken);
        return fetched.Keys.ToList();
    }

    private async Task<JsonElement?> FetchAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Provider.Timeout);
            using var response = await http.CreateClient(ClientName).GetAsync(url, timeout.Token);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: timeout.Token);
            return document.RootElement.Clone();
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The rate provider at {Host} did not answer with JSON", new Uri(url).Host);
            return null;
        }
    }

    private async Task SaveAsync(Dictionary<string, decimal> rates, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var saved = await db.Set<ProviderRate>().Where(r => rates.Keys.Contains(r.Currency)).ToDictionaryAsync(r => r.Currency, cancellationToken);
        foreach (var (currency, value) in rates)
        {
            if (!saved.TryGetValue(currency, out var rate))
                db.Add(rate = new ProviderRate { Currency = currency });
            rate.Value = value;
            rate.FetchedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Expand(string template, string currency) =>
        template.Replace("{currency}", currency.ToLowerInvariant()).Replace("{CURRENCY}", currency);
}
