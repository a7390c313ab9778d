namespace Flux.Dashboard.Chain;

/// <summary>A muxed account (<c>M…</c>): a base <c>G…</c> account plus a 64-bit id. Payments to it credit the base account.</summary>
public sealed record MuxedAccount(string Address, string BaseAccount, ulong Id);
