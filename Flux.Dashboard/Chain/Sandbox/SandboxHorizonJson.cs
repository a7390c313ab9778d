using System.Globalization;

namespace Flux.Dashboard.Chain.Sandbox;

/// <summary>Sandbox rows in Horizon's HAL JSON shape (field names as Horizon spells them).</summary>
internal sealed class SandboxHorizonJson(string baseUrl, string passphrase)
{
    public string BaseUrl => baseUrl;

    public object Root(long latestLedger) => new
    {
        _links = new
        {
            account = Templated("/accounts/{account_id}"),
            payments = Templated("/payments{?cursor,limit,order}"),
            transaction = Templated("/transactions/{hash}"),
        },
        horizon_version = "flux-sandbox",
        core_version = "flux-sandbox",
        history_latest_ledger = latestLedger,
        core_latest_ledger = latestLedger,
        network_passphrase = passphrase,
        current_protocol_version = 19,
        core_supported_protocol_version = 19,
    };

    public object Account(SandboxAccount a) => new
    {
        _links = new
        {
            self = Link($"/accounts/{a.Id}"),
            transactions = Templated($"/accounts/{a.Id}/transactions{{?cursor,limit,order}}"),
            operations = Templated($"/accounts/{a.Id}/operations{{?cursor,limit,order}}"),
            payments = Templated($"/accounts/{a.Id}/payments{{?cursor,limit,order}}"),
            effects = Templated($"/accounts/{a.Id}/effects{{?cursor,limit,order}}"),
            offers = Templated($"/accounts/{a.Id}/offers{{?cursor,limit,order}}"),
            trades = Templated($"/accounts/{a.Id}/trades{{?cursor,limit,order}}"),
            data = Templated($"/accounts/{a.Id}/data/{{key}}"),
        },
        id = a.Id,
        account_id = a.Id,
        sequence = a.Sequence.ToString(CultureInfo.InvariantCulture),
        subentry_count = 0,
        last_modified_ledger = a.LastModifiedLedger,
        last_modified_time = Time(a.LastModifiedAt),
        thresholds = new { low_threshold = 0, med_threshold = 0, high_threshold = 0 },
        flags = new { auth_required = false, auth_revocable = false, auth_immutable = false, auth_clawback_enabled = false },
        balances = new[]
        {
            new
            {
                balance = Stroops.Format(a.BalanceStroops),
                buying_liabilities = "0.0000000",
                selling_liabilities = "0.0000000",
                asset_type = "native",
            },
        },
        signers = new[] { new { weight = 1, key = a.Id, type = "ed25519_public_key" } },
        data = new { },
        num_sponsoring = 0,
        num_sponsored = 0,
        paging_token = a.Id,
    };

    public object Payment(SandboxPayment p, SandboxTransaction? joined)
    {
        var id = p.Id.ToString(CultureInfo.InvariantCulture);
        return new
        {
            _links = new
            {
                self = Link($"/operations/{id}"),
                transaction = Link($"/transactions/{p.TransactionHash}"),
                effects = Link($"/operations/{id}/effects"),
                succeeds = Link($"/effects?order=desc&cursor={id}"),
                precedes = Link($"/effects?order=asc&cursor={id}"),
            },
            id,
            paging_token = id,
            transaction_successful = true,
            source_account = p.From,
            type = "payment",
            type_i = 1,
            created_at = Time(p.CreatedAt),
            transaction_hash = p.TransactionHash,
            asset_type = "native",
            from = p.From,
            to = p.To,
            amount = Stroops.Format(p.AmountStroops),
            transaction = joined is null ? null : Transaction(joined),
        };
    }

    public object Transaction(SandboxTransaction t) => new
    {
        _links = new
        {
            self = Link($"/transactions/{t.Hash}"),
            account = Link($"/accounts/{t.SourceAccount}"),
            ledger = Link($"/ledgers/{t.Ledger}"),
            operations = Templated($"/transactions/{t.Hash}/operations{{?cursor,limit,order}}"),
            effects = Templated($"/transactions/{t.Hash}/effects{{?cursor,limit,order}}"),
            precedes = Link($"/transactions?order=asc&cursor={t.PagingToken}"),
            succeeds = Link($"/transactions?order=desc&cursor={t.PagingToken}"),
            transaction = Link($"/transactions/{t.Hash}"),
        },
        id = t.Hash,
        paging_token = t.PagingToken.ToString(CultureInfo.InvariantCulture),
        successful = true,
        hash = t.Hash,
        ledger = t.Ledger,
        created_at = Time(t.CreatedAt),
        source_account = t.SourceAccount,
        source_account_sequence = t.SourceAccountSequence.ToString(CultureInfo.InvariantCulture),
        fee_account = t.SourceAccount,
        fee_charged = t.FeeCharged.ToString(CultureInfo.InvariantCulture),
        max_fee = t.FeeCharged.ToString(CultureInfo.InvariantCulture),
        operation_count = 1,
        memo_type = t.Memo is null ? "none" : "text",
        memo = t.Memo,
        memo_bytes = t.Memo is null ? null : Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(t.Memo)),
        signatures = Array.Empty<string>(),
        valid_after = "1970-01-01T00:00:00Z",
        preconditions = new { timebounds = new { min_time = "0" } },
    };

    public object Page(string path, IReadOnlyList<object> records, PageQuery query, string? firstToken, string? lastToken) => new
    {
        _links = new
        {
            self = Link(PageHref(path, query.Cursor, query, query.Order)),
            next = Link(PageHref(path, lastToken ?? query.Cursor, query, query.Order)),
            prev = Link(PageHref(path, firstToken ?? query.Cursor, query, query.Order == "asc" ? "desc" : "asc")),
        },
        _embedded = new { records },
    };

    // Horizon keeps join in its page links (query keys in alphabetical order), so next() stays joined.
    private static string PageHref(string path, string? cursor, PageQuery query, string order) =>
        $"{path}?cursor={Uri.EscapeDataString(cursor ?? "")}{(query.JoinTransactions ? "&join=transactions" : "")}&limit={query.Limit}&order={order}";

    private object Link(string path) => new { href = baseUrl + path };

    private object Templated(string path) => new { href = baseUrl + path, templated = true };

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
