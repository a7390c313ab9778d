using Flux.Dashboard.Common;

namespace Flux.Dashboard.Features.Wallets;

/// <summary>
/// Wallet changes decide the default wallet and whether an address stays watched from what the other rows say, so they
/// run one at a time: two tabs cannot both make a first wallet default, nor unwatch an address the other just added.
/// </summary>
public sealed class WalletChangeGate : AsyncGate;
