using System.Globalization;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Features.Rates;

/// <summary>An order's price in the merchant's currency, as the API shows it: <c>{"amount": 4.99, "currency": "USD"}</c>.</summary>
public sealed record PriceResource(decimal Amount, string Currency)
{
    /// <summary>For people: the price and the Pi it was locked into, <c>4.99 USD = 15.3287409 Pi</c>.</summary>
    public string WithPi(decimal pi) => $"{Amount.ToString("#,0.####", CultureInfo.InvariantCulture)} {Currency} = {PiFormat.Amount(pi)} Pi";

    public static PriceResource? Of(Order order) =>
        order is { PriceAmount: { } amount, PriceCurrency: { } currency } ? new(amount, currency) : null;
}

/// <summary>The rate an order's price was locked at: the price of one Pi in the price's currency, its source and its time.</summary>
public sealed record RateResource(decimal Value, RateSource Source, DateTimeOffset AsOf)
{
    public static RateResource? Of(Order order) =>
        order is { RateValue: { } value, RateSource: { } source, RateAsOf: { } asOf } ? new(value, source, asOf) : null;

    /// <summary>For people: <c>1 Pi = 0.325531 USD (your fixed rate)</c>.</summary>
    public string Describe(string currency) =>
        $"1 Pi = {Value.ToString("#,0.############", CultureInfo.InvariantCulture)} {currency} ({(Source == RateSource.Fixed ? "your fixed rate" : "provider rate")})";
}
