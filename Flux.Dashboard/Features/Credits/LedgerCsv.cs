using System.Globalization;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Features.Credits;

/// <summary>The credit ledger as RFC 4180 CSV, in the Orders export's field rules.</summary>
public static class LedgerCsv
{
    public static readonly string[] Columns = ["id", "created_at", "kind", "delta", "balance_after", "order_id", "purchase_id", "note"];

    public static string Header => string.Join(',', Columns);

    public static string Row(CreditEntry e) => string.Join(',',
        CreditService.LedgerIdPrefix + e.Id.ToString(CultureInfo.InvariantCulture),
        OrderCsv.Time(e.CreatedAt),
        LedgerFilter.KindName(e.Reason),
        e.Delta.ToString(CultureInfo.InvariantCulture),
        e.BalanceAfter.ToString(CultureInfo.InvariantCulture),
        OrderCsv.Field(e.OrderId),
        OrderCsv.Field(e.PurchaseId),
        OrderCsv.Text(e.Note));
}
