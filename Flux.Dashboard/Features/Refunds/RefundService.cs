using Flux.Dashboard.Api;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Common;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Checkout;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Features.Refunds;

/// <summary>What a merchant asks to refund: an order, or a payment (an unmatched one, or one of an order), and how much.</summary>
public sealed record CreateRefundRequest(string? OrderId, string? PaymentId, decimal? Amount = null, string? Reason = null);

/// <summary>
/// Creates, reads and cancels refunds for one merchant scope; the dashboard and the API both use it. The watcher's side,
/// a refund's payment seen on chain, is <see cref="RefundPayments"/>.
/// </summary>
public sealed class RefundService(IDbContextFactory<FluxDbContext> dbFactory, IOptions<ChainOptions> chain, TimeProvider clock)
{
    /// <summary>
    /// Refunds what the request names, once it checks against what is left of that money. The refunds of one order (or unmatched payment) are created one at a time under its refund lock,
    /// and each reads what the others take after it, so two refunds can never send back the same Pi.
    /// </summary>
    public async Task<ServiceResult<Refund>> CreateAsync(MerchantScope scope, CreateRefundRequest request,
        RowsAlongside<Refund>? alongside = null, CancellationToken cancellationToken = default)
    {
        if ((request.OrderId is null) == (request.PaymentId is null))
            return ServiceResult<Refund>.Invalid("order_id", "Name what to refund: an order_id or a payment_id (one of them).");
        if (request.Reason is { Length: > RefundRules.MaxReasonLength })
            return ServiceResult<Refund>.Invalid("reason", $"The reason holds at most {RefundRules.MaxReasonLength} characters.");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var source = request.OrderId is { } orderId
            ? await RefundSource.OfOrderAsync(db, scope, orderId, cancellationToken)
            : await RefundSource.OfPaymentAsync(db, scope, request.PaymentId!, cancellationToken);
        if (source is null)
            return NoSuchSource<Refund>(request.OrderId, request.PaymentId);
        // Before what the other refunds take is read: a refund of the same money being created elsewhere commits first.
        await DatabaseLocks.LockAsync(db, source.LockName, cancellationToken);
        var committed = (await source.RefundsOf(db).ToListAsync(cancellationToken)).Sum(r => r.Committed);

        var (money, unrefundable) = source.Refundable(committed);
        if (unrefundable is not null)
            return ServiceResult<Refund>.Invalid([unrefundable]);
        var (amount, invalidAmount) = RefundRules.Amount(money!, request.Amount);
        if (invalidAmount is not null)
            return ServiceResult<Refund>.Invalid([invalidAmount]);
        if (source.Payment is not { From: { } customer } payment)
            return ServiceResult<Refund>.Invalid(source.Field, "The payment's sender is not known, so Flux cannot say where the refund goes.");

        var now = clock.GetUtcNow();
        var refund = new Refund
        {
            Id = PublicId.Sequential("rf"),
            MerchantId = scope.MerchantId,
            Livemode = scope.Livemode,
            Network = payment.Network,
            OrderId = source.Order?.Id,
            PaymentId = payment.OperationId,
            PayFrom = payment.Wallet,
            PayTo = customer,
            Amount = amount!.Value,
            Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(),
            Status = RefundStatus.Pending,
            CreatedAt = now,
        };
        db.Add(refund);
        Outbox.Append(db, scope.MerchantId, scope.Livemode, RefundState.Of<RefundCreated>(refund), now);
        db.AddRange(alongside?.Invoke(refund) ?? []);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult<Refund>.Ok(refund);
    }

    /// <summary>
    /// What a new refund of the order or payment could take, for a form to offer before the merchant asks (a refund created
    /// meanwhile is checked again by <see cref="CreateAsync"/>), or why it can take nothing.
    /// </summary>
    public async Task<ServiceResult<RefundableMoney>> RefundableAsync(MerchantScope scope, string? orderId, string? paymentId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var source = orderId is not null
            ? await RefundSource.OfOrderAsync(db, scope, orderId, cancellationToken)
            : await RefundSource.OfPaymentAsync(db, scope, paymentId!, cancellationToken);
        if (source is null)
            return NoSuchSource<RefundableMoney>(orderId, paymentId);
        var (money, unrefundable) = source.Refundable((await source.RefundsOf(db).ToListAsync(cancellationToken)).Sum(r => r.Committed));
        return unrefundable is null ? ServiceResult<RefundableMoney>.Ok(money!) : ServiceResult<RefundableMoney>.Invalid([unrefundable]);
    }

    /// <summary>The order or payment a refund names is not one of the scope's.</summary>
    private static ServiceResult<T> NoSuchSource<T>(string? orderId, string? paymentId) => orderId is not null
        ? ServiceResult<T>.NotFound("order_id", OrderRules.NoSuchOrder(orderId))
        : ServiceResult<T>.NotFound("payment_id", $"No such payment: '{paymentId}'.");

    public async Task<Refund?> GetAsync(MerchantScope scope, string refundId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Scoped(db, scope).AsNoTracking().SingleOrDefaultAsync(r => r.Id == refundId, cancellationToken);
    }

    /// <summary>A page of the scope's refunds the filter lets through, newest first; null when anchored on an id that is not one of them.</summary>
    public async Task<ListPage<Refund>?> ListAsync(MerchantScope scope, RefundListFilter filter, ListRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await filter.Apply(Scoped(db, scope).AsNoTracking()).ReadPageAsync(request, cancellationToken);
    }

    /// <summary>
    /// Cancels a pending refund (committing the caller's <paramref name="alongside"/> rows with it); a refund in another
    /// state is refused as a whole (no field is at fault). The change is one conditional update, so a refund payment the watcher records at the same moment
    /// and the cancel cannot both win.
    /// </summary>
    public async Task<ServiceResult<Refund>> CancelAsync(MerchantScope scope, string refundId,
        RowsAlongside<Refund>? alongside = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var canceled = await Scoped(db, scope).Where(r => r.Id == refundId && r.Status == RefundStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RefundStatus.Canceled).SetProperty(r => r.CanceledAt, now), cancellationToken);
        var refund = await Scoped(db, scope).AsNoTracking().SingleOrDefaultAsync(r => r.Id == refundId, cancellationToken);
        if (refund is null)
            return ServiceResult<Refund>.NotFound("", RefundRules.NoSuchRefund(refundId));
        if (canceled == 0)
            return ServiceResult<Refund>.Invalid("", RefundRules.CancelError(refund.Status)!);

        Outbox.Append(db, scope.MerchantId, scope.Livemode, RefundState.Of<RefundCanceled>(refund), now);
        db.AddRange(alongside?.Invoke(refund) ?? []);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult<Refund>.Ok(refund);
    }

    /// <summary>The SEP-0007 payment request for the merchant's wallet app: the refund's amount, to its customer, with its memo.</summary>
    public string PaymentUriFor(Refund refund) =>
        PaymentUri.For(refund.PayTo, refund.Amount, refund.Memo, chain.Value.GetNetwork(refund.Network).Passphrase);

    private static IQueryable<Refund> Scoped(FluxDbContext db, MerchantScope scope) =>
        db.Set<Refund>().Where(r => r.MerchantId == scope.MerchantId && r.Livemode == scope.Livemode);
}
