using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Features.Checkout;

public enum CheckoutTone { Waiting, Warning, Success, Error }

/// <summary>What the customer reads for each status of the order, kept out of the page so it can be tested.</summary>
public sealed record CheckoutView(string Title, string Message, CheckoutTone Tone, bool AcceptsPayment)
{
    public static CheckoutView For(PublicOrderResource order) => order.Status switch
    {
        OrderStatus.PendingConfirmation => new("Waiting for payment", "Send the exact amount with the memo below. This page updates as soon as the payment arrives.", CheckoutTone.Waiting, true),
        OrderStatus.Underpaid => new("Partly paid", $"{PiFormat.Amount(order.AmountReceived)} Pi received. Send the remaining {PiFormat.Amount(order.AmountDue)} Pi with the same memo.", CheckoutTone.Warning, true),
        OrderStatus.AwaitingCredit => new("Payment received", "Your payment arrived and is being confirmed.", CheckoutTone.Waiting, false),
        OrderStatus.Confirmed => new("Payment confirmed", "Thank you: the payment is complete.", CheckoutTone.Success, false),
        OrderStatus.Expired => new("Order expired", "This order is no longer payable. Do not send a payment; ask the shop for a new order.", CheckoutTone.Error, false),
        OrderStatus.PaidAfterExpiry => new("Paid after expiry", "The payment arrived after the order had expired. Contact the shop to settle it.", CheckoutTone.Error, false),
        OrderStatus.Canceled => new("Order canceled", "The shop canceled this order. Do not send a payment.", CheckoutTone.Error, false),
        _ => new("Unknown status", "Contact the shop about this order.", CheckoutTone.Error, false),
    };

    /// <summary>
    /// The web origin in a <c>parent_origin</c> value (<c>https://shop.example</c>, a port if not the default), or null for
    /// anything that is not exactly an http(s) origin: a path, a query, credentials or <c>*</c> are refused, not trimmed.
    /// </summary>
    public static string? Origin(string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.UserInfo.Length > 0)
            return null;
        var origin = uri.GetLeftPart(UriPartial.Authority);
        return string.Equals(value.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase) ? origin : null;
    }

    /// <summary>How long a confirmed order's checkout shows that the payment went through before it goes to the shop's success URL.</summary>
    public static readonly TimeSpan SuccessRedirectDelay = TimeSpan.FromSeconds(3);

    /// <summary>How a success URL names the site to people: its host (<c>shop.example</c>).</summary>
    public static string SiteOf(string url) => new Uri(url).Host;

    /// <summary>A countdown for people: <c>14:59</c>, <c>1:02:03</c>, or <c>0:00</c> once time is up.</summary>
    public static string Countdown(TimeSpan left)
    {
        if (left <= TimeSpan.Zero)
            return "0:00";
        var whole = TimeSpan.FromSeconds(Math.Ceiling(left.TotalSeconds));
        return whole.TotalHours >= 1
            ? $"{(int)whole.TotalHours}:{whole.Minutes:00}:{whole.Seconds:00}"
            : $"{whole.Minutes}:{whole.Seconds:00}";
    }
}
