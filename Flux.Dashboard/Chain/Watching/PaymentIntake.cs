using Flux.Dashboard.Chain.Horizon;

namespace Flux.Dashboard.Chain.Watching;

/// <summary>
/// The one filter both the stream and catch-up use: a record that pays native Pi into a watched wallet goes to the
/// sink, with its memo fetched when the server did not join the transaction; everything else is dropped.
/// </summary>
public sealed class PaymentIntake(WatchedWallets watched, IPaymentSink sink)
{
    /// <returns>True when the record was handed to the sink.</returns>
    /// <exception cref="HorizonException">The memo could not be fetched; the record is not handled yet.</exception>
    public async Task<bool> TakeAsync(string network, HorizonClient horizon, PaymentRecord record, CancellationToken cancellationToken)
    {
        if (NativePaymentRules.CreditedWallet(record) is not { } wallet || !watched.IsWatched(network, wallet))
            return false;

        if (!record.IsTransactionJoined)
        {
            // Only the few payments into watched wallets cost this extra request (DESIGN.md §1).
            var lookup = await horizon.GetTransactionAsync(record.TransactionHash, cancellationToken);
            if (lookup is not TransactionLookup.Found { Transaction: var tx })
                throw new HorizonException($"Transaction {record.TransactionHash} of payment {record.Id} was not found.");
            record = record with { IsTransactionJoined = true, Memo = tx.Memo, MemoType = tx.MemoType, Ledger = tx.Ledger };
        }

        await sink.HandleAsync(new ObservedPayment(network, wallet, record), cancellationToken);
        return true;
    }
}
