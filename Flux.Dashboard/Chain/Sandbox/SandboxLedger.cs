using System.Security.Cryptography;
using System.Text;
using Flux.Dashboard.Common;
using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Chain.Sandbox;

public sealed record SimulatedPayment(string From, string To, decimal Amount, string? Memo);

/// <summary>
/// The outcome of closing a sandbox ledger: the closed payments, or why (and for which field) nothing closed.
/// <see cref="Transaction"/> and <see cref="Payment"/> are the last one, the payment the caller asked for.
/// </summary>
public sealed record SandboxPaymentResult(bool Succeeded, string? Error, string? Param, IReadOnlyList<(SandboxTransaction Transaction, SandboxPayment Payment)> Closed)
{
    public SandboxTransaction? Transaction => Closed.Count > 0 ? Closed[^1].Transaction : null;
    public SandboxPayment? Payment => Closed.Count > 0 ? Closed[^1].Payment : null;

    public static SandboxPaymentResult Fail(string param, string error) => new(false, error, param, []);
}

/// <summary>
/// The built-in sandbox ledger: simulated payments move test Pi between sandbox accounts and close a ledger at once
/// (each payment its own transaction), persisted in the app database. Every simulated customer payment comes from the
/// product docs' test wallet, which every merchant's tests share, so it never runs dry: a payment it cannot cover first
/// refills it to its starting balance plus what the payment needs, as a testnet's friendbot would.
/// </summary>
public sealed class SandboxLedger(IDbContextFactory<FluxDbContext> dbFactory, SandboxLedgerSignal signal, TimeProvider clock)
{
    /// <summary>Test Pi held by <see cref="SandboxTestWallet.Address"/> when the sandbox is created, and after each refill.</summary>
    public const long TestWalletStartingBalance = 1_000_000;

    /// <summary>Pi's base fee, 0.01 Pi, charged to the sender as on the real network.</summary>
    public const long FeeStroops = 100_000;

    public const int MaxMemoBytes = 28;

    /// <summary>The most test Pi one simulated payment moves, so no balance can outgrow a 64-bit count of stroops.</summary>
    public const decimal MaxPaymentPi = 1_000_000;

    public static readonly DateTimeOffset Genesis = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // One ledger closes at a time, as on a real network: this gate orders the closes of one process, the ledger lock
    // (DatabaseLocks, on PostgreSQL) those of processes sharing the database; the unique paging-token index backs both up.
    private const string LedgerLock = "flux:sandbox:ledger";
    private readonly AsyncGate closing = new();

    public Task<SandboxPaymentResult> SimulatePaymentAsync(SimulatedPayment payment, CancellationToken cancellationToken = default) =>
        SimulatePaymentsAsync([payment], cancellationToken: cancellationToken);

    /// <summary>
    /// A customer pays <paramref name="amount"/> test Pi to <paramref name="to"/>: from the test wallet, or — into the test
    /// wallet itself, which merchants may register as the product docs do — from a new sandbox customer the test wallet funds
    /// in the same ledger. Every simulated customer payment, whoever asks for it, is made here.
    /// </summary>
    public Task<SandboxPaymentResult> PayFromTestWalletAsync(string to, decimal amount, string? memo,
        RowsAlongside<SandboxPaymentResult>? alongside = null, CancellationToken cancellationToken = default)
    {
        if (to != SandboxTestWallet.Address)
            return SimulatePaymentsAsync([new(SandboxTestWallet.Address, to, amount, memo)], alongside, cancellationToken);
        var customer = StrKey.EncodeEd25519PublicKey(RandomNumberGenerator.GetBytes(32));
        return SimulatePaymentsAsync(
        [
            new(SandboxTestWallet.Address, customer, amount + Stroops.ToPi(FeeStroops), null),
            new(customer, to, amount, memo),
        ], alongside, cancellationToken);
    }

    /// <summary>
    /// Closes one ledger holding all the payments, in order, with the caller's <paramref name="alongside"/> rows; if any
    /// payment is refused, nothing is written.
    /// </summary>
    public async Task<SandboxPaymentResult> SimulatePaymentsAsync(IReadOnlyList<SimulatedPayment> payments,
        RowsAlongside<SandboxPaymentResult>? alongside = null, CancellationToken cancellationToken = default)
    {
        var amounts = new long[payments.Count];
        for (var i = 0; i < payments.Count; i++)
        {
            if (Refusal(payments[i], out amounts[i]) is { } refused)
                return refused;
        }

        using (await closing.EnterAsync(cancellationToken))
        {
            var result = await CloseLedgerAsync(payments, amounts, alongside, cancellationToken);
            if (result.Succeeded) signal.LedgerClosed();
            return result;
        }
    }

    private static SandboxPaymentResult? Refusal(SimulatedPayment payment, out long amount)
    {
        amount = 0;
        if (payment.Amount <= 0 || !Stroops.TryFromPi(payment.Amount, out amount))
            return SandboxPaymentResult.Fail("amount", "Amount must be greater than 0 with at most 7 decimal places.");
        if (payment.Amount > MaxPaymentPi)
            return SandboxPaymentResult.Fail("amount", FormattableString.Invariant($"A simulated payment moves at most {MaxPaymentPi:#,0} test Pi."));
        if (payment.Memo is not null && Encoding.UTF8.GetByteCount(payment.Memo) > MaxMemoBytes)
            return SandboxPaymentResult.Fail("memo", $"A text memo holds at most {MaxMemoBytes} bytes.");
        if (WalletAddressRules.Validate(payment.From, testMode: true) is { IsValid: false } badSender)
            return SandboxPaymentResult.Fail("from", badSender.Message!);
        if (WalletAddressRules.Validate(payment.To, testMode: true) is { IsValid: false } badDestination)
            return SandboxPaymentResult.Fail("to", badDestination.Message!);
        if (payment.From == payment.To)
            return SandboxPaymentResult.Fail("to", "Sender and destination are the same account.");
        return null;
    }

    private async Task<SandboxPaymentResult> CloseLedgerAsync(IReadOnlyList<SimulatedPayment> payments, long[] amounts,
        RowsAlongside<SandboxPaymentResult>? alongside, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Before the last ledger and the balances are read: another process's close commits first, and this one reads it.
        await DatabaseLocks.LockAsync(db, LedgerLock, cancellationToken);

        var ledger = (await db.Set<SandboxTransaction>().MaxAsync(t => (long?)t.Ledger, cancellationToken) ?? 0) + 1;
        var now = clock.GetUtcNow();
        var accounts = new Dictionary<string, SandboxAccount>();
        var closed = new List<(SandboxTransaction, SandboxPayment)>(payments.Count);
        for (var i = 0; i < payments.Count; i++)
        {
            var request = payments[i];
            var sender = await AccountAsync(db, accounts, request.From, cancellationToken);
            if (sender is null)
                return SandboxPaymentResult.Fail("from", $"The sandbox has no account {request.From}.");
            if (sender.Id == SandboxTestWallet.Address && sender.BalanceStroops < amounts[i] + FeeStroops)
                sender.BalanceStroops = TestWalletStartingBalance * Stroops.PerPi + amounts[i] + FeeStroops;
            if (sender.BalanceStroops < amounts[i] + FeeStroops)
                return SandboxPaymentResult.Fail("amount",
                    $"Insufficient balance: the sender holds {Stroops.Format(sender.BalanceStroops)} Pi and the payment needs {Stroops.Format(amounts[i] + FeeStroops)} Pi including the 0.01 Pi fee.");
            // The sandbox opens a destination account on its first payment, where the real network would need create_account.
            var receiver = await AccountAsync(db, accounts, request.To, cancellationToken) ?? Open(db, accounts, request.To);

            sender.BalanceStroops -= amounts[i] + FeeStroops;
            sender.Sequence++;
            receiver.BalanceStroops += amounts[i];
            foreach (var account in new[] { sender, receiver })
            {
                account.LastModifiedLedger = ledger;
                account.LastModifiedAt = now;
            }

            var tx = new SandboxTransaction
            {
                Hash = TransactionHash(ledger, i, request),
                Ledger = ledger,
                PagingToken = Toid(ledger, i + 1, 0),
                SourceAccount = sender.Id,
                SourceAccountSequence = sender.Sequence,
                Memo = request.Memo,
                CreatedAt = now,
                FeeCharged = FeeStroops,
            };
            var payment = new SandboxPayment
            {
                Id = Toid(ledger, i + 1, 1),
                TransactionHash = tx.Hash,
                Ledger = ledger,
                From = sender.Id,
                To = receiver.Id,
                AmountStroops = amounts[i],
                CreatedAt = now,
            };
            db.AddRange(tx, payment);
            closed.Add((tx, payment));
        }

        var result = new SandboxPaymentResult(true, null, null, closed);
        db.AddRange(alongside?.Invoke(result) ?? []);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static async Task<SandboxAccount?> AccountAsync(FluxDbContext db, Dictionary<string, SandboxAccount> accounts, string id, CancellationToken cancellationToken)
    {
        if (accounts.TryGetValue(id, out var account))
            return account;
        account = await db.Set<SandboxAccount>().FindAsync([id], cancellationToken);
        if (account is not null)
            accounts[id] = account;
        return account;
    }

    private static SandboxAccount Open(FluxDbContext db, Dictionary<string, SandboxAccount> accounts, string id)
    {
        var account = new SandboxAccount { Id = id };
        db.Add(account);
        accounts[id] = account;
        return account;
    }

    /// <summary>Horizon's total order id: ledger sequence, transaction order and operation index packed in 64 bits.</summary>
    public static long Toid(long ledger, int transactionOrder, int operationIndex) =>
        (ledger << 32) | ((long)transactionOrder << 12) | (long)operationIndex;

    private static string TransactionHash(long ledger, int order, SimulatedPayment request)
    {
        var text = $"{ledger}|{order}|{request.From}|{request.To}|{request.Amount}|{request.Memo}|{Guid.NewGuid():N}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
