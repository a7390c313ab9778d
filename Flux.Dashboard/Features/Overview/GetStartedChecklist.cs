namespace Flux.Dashboard.Features.Overview;

/// <summary>What a merchant has done so far, read from their data (<see cref="GetStartedQuery"/>).</summary>
public sealed record GetStartedFacts(
    bool HasWallet,
    bool HasTestOrder,
    bool HasPaidTestOrder,
    bool HasButton,
    bool HasApiKey,
    bool HasShopName,
    bool BoughtLiveCredits,
    string? UnpaidTestOrderId = null);

/// <summary>One step of the checklist: what to do, why, and where to do it.</summary>
public sealed record GetStartedStep(string Key, string Title, string Description, string Href, string Action, bool Done);

/// <summary>The checklist as the Overview shows it; <see cref="Next"/> is the first step not done yet.</summary>
public sealed record GetStartedProgress(IReadOnlyList<GetStartedStep> Steps, bool Hidden)
{
    public int DoneCount => Steps.Count(s => s.Done);
    public bool Complete => DoneCount == Steps.Count;
    public GetStartedStep? Next => Steps.FirstOrDefault(s => !s.Done);

    /// <summary>Shown until every step is done and the merchant has put it away.</summary>
    public bool Shown => !(Complete && Hidden);
}

/// <summary>
/// The Overview's "Get started" checklist, as Stripe's: the path from a new account to taking live payments, each step
/// ticked by the merchant's real data, never by a click on the list.
/// </summary>
public static class GetStartedChecklist
{
    public static GetStartedProgress For(GetStartedFacts facts, bool hidden) => new(
    [
        new("wallet", "Add a wallet", "The Pi wallet your customers pay into. Flux only watches it: your Pi and keys stay yours.",
            "/wallets", "Add a wallet", facts.HasWallet),
        new("test-order", "Create a test order", "In test mode an order is paid with sandbox Pi, so nothing real moves.",
            "/orders", "Create an order", facts.HasTestOrder),
        new("simulate", "Simulate the payment", "Pay the test order from the sandbox wallet and watch it confirm on its own.",
            facts.UnpaidTestOrderId is { } id ? $"/orders/{id}" : "/orders", "Simulate a payment", facts.HasPaidTestOrder),
        new("button", "Make an order button", "Paste its snippet into your shop: customers click it and pay in Pi.",
            "/buttons", "Make a button", facts.HasButton),
        new("api-key", "Create an API key", "For your server to create orders and hear about payments.",
            "/developers", "Create a key", facts.HasApiKey),
        new("shop-name", "Set your shop's name", "Customers see it when they pay and when they review.",
            "/settings#business", "Set the name", facts.HasShopName),
        new("go-live", "Go live: buy credits", "Each confirmed live order uses one credit. Switch off test mode and buy a pack.",
            "/credits", "Buy credits", facts.BoughtLiveCredits),
    ], hidden);
}
