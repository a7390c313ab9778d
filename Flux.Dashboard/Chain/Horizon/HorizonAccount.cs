namespace Flux.Dashboard.Chain.Horizon;

public sealed record HorizonAccount(string AccountId, decimal NativeBalance);
