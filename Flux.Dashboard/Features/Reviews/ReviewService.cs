using Flux.Dashboard.Api;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Reviews;

/// <summary>A new review request with its link's token, shown once.</summary>
public sealed record IssuedReviewRequest(ReviewRequest Request, string Token);

/// <summary>What the customer writes on the review page.</summary>
public sealed record ReviewInput(int? Rating, string? Title, string? Text, string? DisplayName);

/// <summary>What a review link leads to: an open form, the review already written, or nothing any more.</summary>
public enum InvitationState { Open, Submitted, Expired, Unknown }

/// <summary>A review link as the customer's page shows it: whose shop, which product, and the review once written.</summary>
public sealed record ReviewInvitation(InvitationState State, string? ProductName = null, string? MerchantName = null, Review? Review = null)
{
    public static readonly ReviewInvitation Unknown = new(InvitationState.Unknown);
}

/// <summary>A submitted review, or the form's field errors, or the link's state when it no longer takes a review.</summary>
public sealed record ReviewSubmission(Review? Review, IReadOnlyList<FieldError> Errors, InvitationState State);

/// <summary>A merchant's reviews that the public may see, and their average rating.</summary>
public sealed record PublicReviews(string MerchantName, IReadOnlyList<Review> Reviews, decimal? AverageRating, int Count);

/// <summary>
/// Verified reviews: requests for confirmed orders (one-time links), the customer's submission with the payment as proof
/// (one review per order, <c>review.submitted</c> in the same transaction), and the merchant's hide/show.
/// </summary>
public sealed class ReviewService(IDbContextFactory<FluxDbContext> dbFactory, TimeProvider clock)
{
    public async Task<ServiceResult<IssuedReviewRequest>> RequestAsync(MerchantScope scope, string? orderId, string? productName,
        RowsAlongside<IssuedReviewRequest>? alongside = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(orderId))
            return Refused("order_id", "order_id is required: the confirmed order the customer paid.");
        var product = productName?.Trim();
        if (string.IsNullOrEmpty(product))
            return Refused("product_name", "product_name is required: what the customer bought, as the review page shows it.");
        if (product.Length > ReviewRules.MaxProductNameLength)
            return Refused("product_name", $"product_name holds at most {ReviewRules.MaxProductNameLength} characters.");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Set<Order>().AsNoTracking()
            .SingleOrDefaultAsync(o => o.Id == orderId && o.MerchantId == scope.MerchantId && o.Livemode == scope.Livemode, cancellationToken);
        if (order is null)
            return ServiceResult<IssuedReviewRequest>.NotFound("order_id", OrderRules.NoSuchOrder(orderId));
        if (order.Status != OrderStatus.Confirmed)
            return Refused("order_id", $"Only a confirmed order can be reviewed; order {order.Id} is {order.Status.ApiName()}.");
        if (await db.Set<Review>().AnyAsync(r => r.OrderId == order.Id, cancellationToken))
            return Refused("order_id", $"Order {order.Id} already has its review: one review per order.");

        var now = clock.GetUtcNow();
        // A new link replaces the open one, so only the latest link given to the customer works.
        foreach (var open in await db.Set<ReviewRequest>()
                     .Where(r => r.OrderId == order.Id && r.SubmittedAt == null && r.ExpiresAt > now).ToListAsync(cancellationToken))
            open.ExpiresAt = now;

        var token = ReviewToken.New();
        var request = new ReviewRequest
        {
            Id = PublicId.New("rvr"),
            MerchantId = scope.MerchantId,
            Livemode = scope.Livemode,
            OrderId = order.Id,
            ProductName = product,
            TokenHash = ReviewToken.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + ReviewRules.RequestLifetime,
        };
        var issued = new IssuedReviewRequest(request, token);
        db.Add(request);
        db.AddRange(alongside?.Invoke(issued) ?? []);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult<IssuedReviewRequest>.Ok(issued);
    }

    private static ServiceResult<IssuedReviewRequest> Refused(string field, string message) =>
        ServiceResult<IssuedReviewRequest>.Invalid(field, message);

    /// <summary>What the link with this token leads to; never throws for a made-up token.</summary>
    public async Task<ReviewInvitation> OpenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token))
            return ReviewInvitation.Unknown;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = ReviewToken.Hash(token);
        var request = await db.Set<ReviewRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
        if (request is null)
            return ReviewInvitation.Unknown;
        var merchantName = await MerchantNameAsync(db, request.MerchantId, cancellationToken);
        var state = StateOf(request);
        var review = state == InvitationState.Submitted
            ? await db.Set<Review>().AsNoTracking().SingleOrDefaultAsync(r => r.ReviewRequestId == request.Id, cancellationToken)
            : null;
        return new(state, request.ProductName, merchantName, review);
    }

    /// <summary>
    /// The customer's review, in ONE transaction with the request it answers and its <c>review.submitted</c> event, so
    /// a token works once even when the form is sent twice at the same moment: of two racing submissions (on a database
    /// server both may pass the check), the unique index on the order lets one commit, and the other reads as submitted.
    /// </summary>
    public async Task<ReviewSubmission> SubmitAsync(string? token, ReviewInput input, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SubmitOnceAsync(token, input, cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await HasReviewAsync(token!, cancellationToken))
                throw;
            return new(null, [], InvitationState.Submitted);
        }
    }

    private async Task<bool> HasReviewAsync(string token, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = ReviewToken.Hash(token);
        return await db.Set<ReviewRequest>().Where(r => r.TokenHash == hash)
            .AnyAsync(r => db.Set<Review>().Any(v => v.OrderId == r.OrderId), cancellationToken);
    }

    private async Task<ReviewSubmission> SubmitOnceAsync(string? token, ReviewInput input, CancellationToken cancellationToken)
    {
        var errors = Validate(input);
        if (string.IsNullOrEmpty(token))
            return new(null, [], InvitationState.Unknown);

        Review review;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var hash = ReviewToken.Hash(token);
            var request = await db.Set<ReviewRequest>().SingleOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
            if (request is null)
                return new(null, [], InvitationState.Unknown);
            if (StateOf(request) is not InvitationState.Open and var state)
                return new(null, [], state);
            if (errors.Count > 0)
                return new(null, errors, InvitationState.Open);
            if (await db.Set<Review>().AnyAsync(r => r.OrderId == request.OrderId, cancellationToken))
                return new(null, [], InvitationState.Submitted);

            var order = await db.Set<Order>().AsNoTracking().SingleAsync(o => o.Id == request.OrderId, cancellationToken);
            var payment = await ProofOfPaymentAsync(db, order, cancellationToken);
            var now = clock.GetUtcNow();
            review = new Review
            {
                Id = PublicId.New("rev"),
                MerchantId = request.MerchantId,
                Livemode = request.Livemode,
                OrderId = request.OrderId,
                ReviewRequestId = request.Id,
                ProductName = request.ProductName,
                Rating = input.Rating!.Value,
                Title = NullIfEmpty(input.Title),
                Text = input.Text!.Trim(),
                DisplayName = input.DisplayName!.Trim(),
                Network = order.Network,
                TransactionHash = payment?.TransactionHash ?? order.TransactionHash ?? "",
                PaidAt = payment?.CreatedAt ?? order.PaidAt ?? order.ConfirmedAt ?? now,
                CreatedAt = now,
            };
            request.SubmittedAt = now;
            db.Add(review);
            Outbox.Append(db, review.MerchantId, review.Livemode, new ReviewSubmitted(review.Id, request.Id, review.OrderId, review.ProductName,
                review.Rating, review.Title, review.Text, review.DisplayName, review.TransactionHash), now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return new(review, [], InvitationState.Submitted);
    }

    /// <summary>The scope's reviews, newest first, hidden ones included (the merchant sees them all).</summary>
    public async Task<IReadOnlyList<Review>> ReviewsAsync(MerchantScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Review>().AsNoTracking()
            .Where(r => r.MerchantId == scope.MerchantId && r.Livemode == scope.Livemode)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The scope's requests still waiting for the customer, newest first.</summary>
    public async Task<IReadOnlyList<ReviewRequest>> PendingRequestsAsync(MerchantScope scope, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ReviewRequest>().AsNoTracking()
            .Where(r => r.MerchantId == scope.MerchantId && r.Livemode == scope.Livemode && r.SubmittedAt == null && r.ExpiresAt > now)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Hides a review from the widget, or shows it again; the words stay the customer's. Null when the scope has no such review.</summary>
    public async Task<Review?> SetHiddenAsync(MerchantScope scope, string reviewId, bool hidden, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var review = await db.Set<Review>()
            .SingleOrDefaultAsync(r => r.Id == reviewId && r.MerchantId == scope.MerchantId && r.Livemode == scope.Livemode, cancellationToken);
        if (review is null)
            return null;
        review.Hidden = hidden;
        await db.SaveChangesAsync(cancellationToken);
        return review;
    }

    /// <summary>The scope's visible reviews, newest first (up to <paramref name="limit"/>), with the average of all visible ones.</summary>
    public async Task<PublicReviews> PublicReviewsAsync(MerchantScope scope, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = db.Set<Review>().AsNoTracking().Where(r => r.MerchantId == scope.MerchantId && r.Livemode == scope.Livemode && !r.Hidden);
        var ratings = await visible.Select(r => r.Rating).ToListAsync(cancellationToken);
        var reviews = await visible.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(limit).ToListAsync(cancellationToken);
        return new(await MerchantNameAsync(db, scope.MerchantId, cancellationToken), reviews, Average(ratings), ratings.Count);
    }

    public static decimal? Average(IReadOnlyCollection<int> ratings) =>
        ratings.Count == 0 ? null : Math.Round((decimal)ratings.Sum() / ratings.Count, 1, MidpointRounding.AwayFromZero);

    /// <summary>One of the scope's review requests with its review once written; null when the scope has no such request.</summary>
    public async Task<(ReviewRequest Request, Review? Review)?> GetRequestAsync(MerchantScope scope, string requestId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.Set<ReviewRequest>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == requestId && r.MerchantId == scope.MerchantId && r.Livemode == scope.Livemode, cancellationToken);
        if (request is null)
            return null;
        return (request, await db.Set<Review>().AsNoTracking().SingleOrDefaultAsync(r => r.ReviewRequestId == request.Id, cancellationToken));
    }

    /// <summary>A page of the scope's review requests, newest first; null when the page is anchored on an id that is not one of them.</summary>
    public async Task<ListPage<(ReviewRequest Request, Review? Review)>?> ListRequestsAsync(MerchantScope scope, ListRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var requests = db.Set<ReviewRequest>().AsNoTracking().Where(r => r.MerchantId == scope.MerchantId && r.Livemode == scope.Livemode)
            .CreatedWithin(request, r => r.CreatedAt);
        var take = request.Limit + 1;
        List<ReviewRequest> rows;
        if (request.Cursor is not { } cursorId)
        {
            rows = await requests.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken);
        }
        else
        {
            var cursor = await requests.Where(r => r.Id == cursorId).Select(r => (DateTimeOffset?)r.CreatedAt).SingleOrDefaultAsync(cancellationToken);
            if (cursor is not { } at)
                return null;
            rows = request.StartingAfter is not null
                ? await requests.Where(r => r.CreatedAt < at || (r.CreatedAt == at && string.Compare(r.Id, cursorId) < 0))
                    .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken)
                : await requests.Where(r => r.CreatedAt > at || (r.CreatedAt == at && string.Compare(r.Id, cursorId) > 0))
                    .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(take).ToListAsync(cancellationToken);
        }
        var ids = rows.Select(r => r.Id).ToList();
        var reviews = await db.Set<Review>().AsNoTracking().Where(r => ids.Contains(r.ReviewRequestId)).ToDictionaryAsync(r => r.ReviewRequestId, cancellationToken);
        return ListPage<(ReviewRequest, Review?)>.From(rows.Select(r => (r, reviews.GetValueOrDefault(r.Id))).ToList(), request);
    }

    private InvitationState StateOf(ReviewRequest request) => request.StatusAt(clock.GetUtcNow()) switch
    {
        ReviewRequestStatus.Submitted => InvitationState.Submitted,
        ReviewRequestStatus.Expired => InvitationState.Expired,
        _ => InvitationState.Open,
    };

    private static List<FieldError> Validate(ReviewInput input)
    {
        var errors = new List<FieldError>();
        if (input.Rating is not (>= ReviewRules.MinRating and <= ReviewRules.MaxRating))
            errors.Add(new("rating", $"Choose a rating from {ReviewRules.MinRating} to {ReviewRules.MaxRating} stars."));
        if (input.Title?.Trim() is { Length: > ReviewRules.MaxTitleLength })
            errors.Add(new("title", $"The title holds at most {ReviewRules.MaxTitleLength} characters."));
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text))
            errors.Add(new("text", "Write a few words about your purchase."));
        else if (text.Length > ReviewRules.MaxTextLength)
            errors.Add(new("text", $"The review holds at most {ReviewRules.MaxTextLength} characters."));
        var name = input.DisplayName?.Trim();
        if (string.IsNullOrEmpty(name))
            errors.Add(new("display_name", "Enter the name to show with your review."));
        else if (name.Length > ReviewRules.MaxDisplayNameLength)
            errors.Add(new("display_name", $"The name holds at most {ReviewRules.MaxDisplayNameLength} characters."));
        return errors;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The payment that completed the order: the one with the order's transaction hash, else the latest matched to it.</summary>
    private static async Task<ChainPayment?> ProofOfPaymentAsync(FluxDbContext db, Order order, CancellationToken cancellationToken)
    {
        var payments = await db.Set<ChainPayment>().AsNoTracking().Where(p => p.OrderId == order.Id).ToListAsync(cancellationToken);
        return payments.FirstOrDefault(p => p.TransactionHash == order.TransactionHash) ?? payments.MaxBy(p => p.CreatedAt);
    }

    /// <summary>The shop's name as customers see it: the name set in the merchant's profile, else the e-mail's domain.</summary>
    private static async Task<string> MerchantNameAsync(FluxDbContext db, string merchantId, CancellationToken cancellationToken)
    {
        var merchant = await db.Users.Where(u => u.Id == merchantId).Select(u => new { u.ShopName, u.Email }).SingleOrDefaultAsync(cancellationToken);
        return MerchantName.Of(merchant?.ShopName, merchant?.Email);
    }
}

public static class MerchantName
{
    public static string Of(string? shopName, string? email) =>
        !string.IsNullOrWhiteSpace(shopName) ? shopName
        : email is not null && email.LastIndexOf('@') is var at and >= 0 && at < email.Length - 1 ? email[(at + 1)..]
        : "this shop";
}
