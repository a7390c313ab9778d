using Flux.Dashboard.Api;

namespace Flux.Dashboard.Features.Buttons;

/// <summary>
/// Which of the merchant's buttons a list shows: those in use (the default) or the archived ones, as Stripe lists active
/// or archived products.
/// </summary>
public sealed record ButtonListFilter(bool Archived = false)
{
    public static readonly ButtonListFilter InUse = new();

    public static readonly ApiQueryParameter ArchivedParameter =
        new("archived", "true: only archived buttons; false (the default): only those not archived.", ApiQueryType.Boolean);

    public static readonly IReadOnlyList<ApiQueryParameter> Parameters = [ArchivedParameter];

    public static bool TryParse(IQueryCollection query, out ButtonListFilter filter, out ApiError? error)
    {
        filter = InUse;
        if (!ArchivedParameter.TryReadBoolean(query, out var archived, out error))
            return false;
        filter = new(archived ?? false);
        return true;
    }

    public IQueryable<OrderButton> Apply(IQueryable<OrderButton> buttons) =>
        Archived ? buttons.Where(b => b.ArchivedAt != null) : buttons.Where(b => b.ArchivedAt == null);
}
