using Flux.Dashboard.Chain.Horizon;

namespace Flux.Dashboard.Chain.Watching;

/// <summary>
/// The one filter both the stream and catch-up use: records that pay native Pi into or out of a watched wallet go to the
/// sink together, each with its memo fetched when the server did not join the transaction; everything else is dropped.
/// A payment between two watched wallets goes to the sink twice, once for each direction.
/// </summary>
public sealed class PaymentIntake(WatchedWallets watched, IPaymentSink sink)
{
    /// <returns>How many of the records were handed to the sink.</returns>
    /// <exception cref="HorizonException">A memo could not be fetched; none of the records is handled yet.</exception>
    public async Task<int> TakeAsync(string network, HorizonClient horizon, IReadOnlyList<PaymentRecord> records, CancellationToken cancellationToken)
    {
        var observed = new List<ObservedPayment>();
        foreach (var record in records)
        {
            var credited = NativePaymentRules.CreditedWallet(record) is { } to && watched.IsWatched(network, to) ? to : null;
            var debited = NativePaymentRules.DebitedWallet(record) is { } from && watched.IsWatched(network, from) ? from : null;
            if (credited is null && debited is null)
                continue;
            var withMemo = await WithMemoAsync(horizon, record, cancellationToken);
            if (credited is not null)
                observed.Add(new ObservedPayment(network, credited, withMemo));
            if (debited is not null)
                observed.Add(new ObservedPayment(network, debited, withMemo, PaymentDirection.Outgoing));
        }
        if (observed.Count > 0)
            await sink.HandleAsync(observed, cancellationToken);
        return observed.Count;
    }

    private static async Task<PaymentRecord> WithMemoAsync(HorizonClient horizon, PaymentRecord record, CancellationToken cancellationToken)
    {
        if (record.IsTransactionJoined)
            return record;
        // Only the few payments into or out of watched wallets cost this extra request (docs/architecture.md, "The one path a payment takes").
        var lookup = await horizon.GetTransactionAsync(record.TransactionHash, cancellationToken);
        if (lookup is not TransactionLookup.Found { Transaction: var tx })
            throw new HorizonException($"Transaction {record.TransactionHash} of payment {record.Id} was not found.");
        return record with { IsTransactionJoined = true, Memo = tx.Memo, MemoType = tx.MemoType, Ledger = tx.Ledger };
    }
}
