using Flux.Dashboard.Api;

namespace Flux.Dashboard.Features.PaymentLinks;

/// <summary>A payment link as the API shows it to its merchant, with the <c>url</c> to share.</summary>
public sealed record PaymentLinkResource(
    string PaymentLinkId,
    string ProductName,
    decimal Amount,
    string Currency,
    bool QuantityAdjustable,
    string MerchantWallet,
    string? SuccessUrl,
    int? ExpiresIn,
    bool Active,
    bool Livemode,
    DateTimeOffset CreatedAt,
    string Url)
{
    public static PaymentLinkResource Of(PaymentLink link, HttpContext http) => new(
        link.Id, link.ProductName, link.Amount, link.Currency, link.QuantityAdjustable, link.PayTo, link.SuccessUrl, link.ExpiresIn,
        link.Active, link.Livemode, link.CreatedAt, PaymentLinkRules.UrlFor(ApiLinks.BaseUrl(http), link.Id));
}

/// <summary>
/// The body of <c>POST /v1/payment_links</c>: <c>{"product_name": "Coffee", "amount": 2.5}</c>, or a price in another
/// currency (<c>"currency": "USD"</c>), with <c>quantity_adjustable</c>, <c>success_url</c>, <c>expires_in</c> (each
/// order's lifetime) and <c>merchant_wallet</c> (optional: the default wallet).
/// </summary>
public sealed record CreatePaymentLinkBody(
    string? ProductName = null, decimal? Amount = null, string? Currency = null, bool? QuantityAdjustable = null,
    string? SuccessUrl = null, int? ExpiresIn = null, string? MerchantWallet = null);

/// <summary>The body of <c>POST /v1/payment_links/{id}</c>: <c>{"active": false}</c> deactivates the link, <c>true</c> turns it on again.</summary>
public sealed record UpdatePaymentLinkBody(bool? Active = null);
