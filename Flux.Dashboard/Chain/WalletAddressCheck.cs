namespace Flux.Dashboard.Chain;

/// <param name="IsValid">The address may be used as a merchant wallet in the mode asked about.</param>
/// <param name="StrKey">What StrKey validation said; for the sandbox test wallet it says the checksum is bad.</param>
/// <param name="Message">Why the address is refused, in words a merchant understands; null when valid.</param>
public sealed record WalletAddressCheck(bool IsValid, StrKeyValidation StrKey, string? Message);
