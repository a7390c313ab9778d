using System.Globalization;

namespace Flux.Dashboard.Features.Checkout;

/// <summary>
/// The SEP-0007 payment request a wallet scans from the checkout's QR code. Pi is not Stellar's public network, so the
/// URI always names the network passphrase (<c>Pi Network</c>, <c>Pi Testnet</c>, or the sandbox's).
/// </summary>
public static class PaymentUri
{
    /// <summary>
    /// <c>web+stellar:pay?destination=…&amp;amount=…&amp;memo=…&amp;memo_type=MEMO_TEXT&amp;network_passphrase=…</c>,
    /// the amount in invariant culture with exactly 7 decimals, each value percent-encoded (a space is <c>%20</c>).
    /// </summary>
    public static string For(string destination, decimal amount, string memo, string networkPassphrase) =>
        "web+stellar:pay"
        + $"?destination={Uri.EscapeDataString(destination)}"
        + $"&amount={Uri.EscapeDataString(amount.ToString("0.0000000", CultureInfo.InvariantCulture))}"
        + $"&memo={Uri.EscapeDataString(memo)}"
        + "&memo_type=MEMO_TEXT"
        + $"&network_passphrase={Uri.EscapeDataString(networkPassphrase)}";
}
