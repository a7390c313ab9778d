using Flux.Dashboard.Features.Events;

namespace Flux.Dashboard.Features.Credits;

// The data of the credit events (see IEventData), in the order their fields go out.

/// <summary><c>credit.used</c>: one credit spent confirming the order (the product docs' <c>flux.on('credit.used')</c>).</summary>
public sealed record CreditUsed(string OrderId, int CreditsRemaining) : IOrderEventData
{
    public static string Type => "credit.used";
    public static IEventData Example => new CreditUsed(EventExamples.OrderId, 41);
}

/// <summary><c>credits.low</c>: the balance dropped below the merchant's threshold.</summary>
public sealed record CreditsLow(int CreditsRemaining, int Threshold) : IEventData
{
    public static string Type => "credits.low";
    public static IEventData Example => new CreditsLow(9, 10);
}

/// <summary><c>credits.purchased</c>: a credit pack was paid in full and its credits added.</summary>
public sealed record CreditsPurchased(
    string PurchaseId, int Credits, decimal Price, decimal AmountReceived, decimal Overpayment, string? TransactionHash, int CreditsAvailable)
    : IEventData
{
    public static string Type => "credits.purchased";
    public static IEventData Example => new CreditsPurchased("cp_4Gm2XkQ9tLzR8bWc1Nd7", 1000, 80m, 80m, 0m, EventExamples.TransactionHash, 1041);
}

/// <summary><c>credits.purchase_underpaid</c>: part of a credit pack's price arrived.</summary>
public sealed record CreditsPurchaseUnderpaid(string PurchaseId, decimal Price, decimal AmountReceived, decimal AmountDue) : IEventData
{
    public static string Type => "credits.purchase_underpaid";
    public static IEventData Example => new CreditsPurchaseUnderpaid("cp_4Gm2XkQ9tLzR8bWc1Nd7", 80m, 50m, 30m);
}
