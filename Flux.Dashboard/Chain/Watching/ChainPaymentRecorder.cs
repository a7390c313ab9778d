using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Chain.Watching;

/// <summary>Records each observed payment once as a <see cref="ChainPayment"/>; a second hand-over is a no-op.</summary>
public sealed class ChainPaymentRecorder(IDbContextFactory<FluxDbContext> dbFactory, TimeProvider clock, ILogger<ChainPaymentRecorder> logger)
    : IPaymentSink
{
    public async Task HandleAsync(ObservedPayment payment, CancellationToken cancellationToken)
    {
        var record = payment.Record;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<ChainPayment>().AnyAsync(p => p.Network == payment.Network && p.OperationId == record.Id, cancellationToken))
            return;

        db.Add(new ChainPayment
        {
            Network = payment.Network,
            OperationId = record.Id,
            PagingToken = record.PagingToken,
            TransactionHash = record.TransactionHash,
            Ledger = record.Ledger,
            From = record.From,
            Wallet = payment.Wallet,
            ToMuxed = record.ToMuxed,
            Amount = record.Amount ?? 0,
            MemoType = record.MemoType,
            Memo = record.Memo,
            CreatedAt = record.CreatedAt,
            RecordedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Payment {OperationId} of {Amount} Pi to {Wallet} on {Network} recorded (memo {Memo})",
                record.Id, record.Amount, payment.Wallet, payment.Network, record.Memo);
        }
        catch (DbUpdateException)
        {
            // The other path (stream or catch-up) may have recorded it a moment earlier; anything else is a real failure.
            if (!await IsRecordedAsync(payment, cancellationToken))
                throw;
        }
    }

    private async Task<bool> IsRecordedAsync(ObservedPayment payment, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ChainPayment>().AnyAsync(p => p.Network == payment.Network && p.OperationId == payment.Record.Id, cancellationToken);
    }
}
