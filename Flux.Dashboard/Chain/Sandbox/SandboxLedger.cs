using System.Security.Cryptography;
using System.Text;
using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Chain.Sandbox;

public sealed record SimulatedPayment(string From, string To, decimal Amount, string? Memo);

public sealed record SandboxPaymentResult(bool Succeeded, string? Error, string? Param, SandboxTransaction? Transaction, SandboxPayment? Payment)
{
    public static SandboxPaymentResult Fail(string param, string error) => new(false, error, param, null, null);
}

/// <summary>
/// The built-in sandbox ledger: simulated payments move test Pi between sandbox accounts and close a ledger at once
/// (one transaction per ledger, one payment per transaction), persisted in the app database.
/// </summary>
public sealed class SandboxLedger(IDbContextFactory<FluxDbContext> dbFactory, SandboxLedgerSignal signal, TimeProvider clock)
{
    /// <summary>Test Pi held by <see cref="SandboxTestWallet.Address"/> when the sandbox is created.</summary>
    public const long TestWalletStartingBalance = 1_000_000;

    /// <summary>Pi's base fee, 0.01 Pi, charged to the sender as on the real network.</summary>
    public const long FeeStroops = 100_000;

    public const int MaxMemoBytes = 28;

    public static readonly DateTimeOffset Genesis = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // One ledger closes at a time, as on a real network; the unique ledger index backs this up.
    private static readonly SemaphoreSlim CloseLock = new(1, 1);

    public async Task<SandboxPaymentResult> SimulatePaymentAsync(SimulatedPayment request, CancellationToken cancellationToken = default)
    {
        if (request.Amount <= 0 || !Stroops.TryFromPi(request.Amount, out var amount))
            return SandboxPaymentResult.Fail("amount", "Amount must be greater than 0 with at most 7 decimal places.");
        if (request.Memo is not null && Encoding.UTF8.GetByteCount(request.Memo) > MaxMemoBytes)
            return SandboxPaymentResult.Fail("memo", $"A text memo holds at most {MaxMemoBytes} bytes.");
        if (WalletAddressRules.Validate(request.From, testMode: true) is { IsValid: false } badSender)
            return SandboxPaymentResult.Fail("from", badSender.Message!);
        if (WalletAddressRules.Validate(request.To, testMode: true) is { IsValid: false } badDestination)
            return SandboxPaymentResult.Fail("to", badDestination.Message!);
        if (request.From == request.To)
            return SandboxPaymentResult.Fail("to", "Sender and destination are the same account.");

        await CloseLock.WaitAsync(cancellationToken);
        try
        {
            var result = await CloseLedgerAsync(request, amount, cancellationToken);
            if (result.Succeeded) signal.LedgerClosed();
            return result;
        }
        finally
        {
            CloseLock.Release();
        }
    }

    private async Task<SandboxPaymentResult> CloseLedgerAsync(SimulatedPayment request, long amount, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var sender = await db.Set<SandboxAccount>().FindAsync([request.From], cancellationToken);
        if (sender is null)
            return SandboxPaymentResult.Fail("from", $"The sandbox has no account {request.From}.");
        if (sender.BalanceStroops < amount + FeeStroops)
            return SandboxPaymentResult.Fail("amount",
                $"Insufficient balance: the sender holds {Stroops.Format(sender.BalanceStroops)} Pi and the payment needs {Stroops.Format(amount + FeeStroops)} Pi including the 0.01 Pi fee.");

        var ledger = (await db.Set<SandboxTransaction>().MaxAsync(t => (long?)t.Ledger, cancellationToken) ?? 0) + 1;
        var now = clock.GetUtcNow();
        // The sandbox opens a destination account on its first payment, where the real network would need create_account.
        var receiver = await db.Set<SandboxAccount>().FindAsync([request.To], cancellationToken);
        if (receiver is null)
        {
            receiver = new SandboxAccount { Id = request.To };
            db.Add(receiver);
        }

        sender.BalanceStroops -= amount + FeeStroops;
        sender.Sequence++;
        receiver.BalanceStroops += amount;
        foreach (var account in new[] { sender, receiver })
        {
            account.LastModifiedLedger = ledger;
            account.LastModifiedAt = now;
        }

        var tx = new SandboxTransaction
        {
            Hash = TransactionHash(ledger, request, amount),
            Ledger = ledger,
            PagingToken = Toid(ledger, 1, 0),
            SourceAccount = sender.Id,
            SourceAccountSequence = sender.Sequence,
            Memo = request.Memo,
            CreatedAt = now,
            FeeCharged = FeeStroops,
        };
        var payment = new SandboxPayment
        {
            Id = Toid(ledger, 1, 1),
            TransactionHash = tx.Hash,
            Ledger = ledger,
            From = sender.Id,
            To = receiver.Id,
            AmountStroops = amount,
            CreatedAt = now,
        };
        db.AddRange(tx, payment);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(true, null, null, tx, payment);
    }

    /// <summary>Horizon's total order id: ledger sequence, transaction order and operation index packed in 64 bits.</summary>
    public static long Toid(long ledger, int transactionOrder, int operationIndex) =>
        (ledger << 32) | ((long)transactionOrder << 12) | (long)operationIndex;

    private static string TransactionHash(long ledger, SimulatedPayment request, long amount)
    {
        var text = $"{ledger}|{request.From}|{request.To}|{amount}|{request.Memo}|{Guid.NewGuid():N}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
