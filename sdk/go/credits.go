package flux

import (
	"context"
	"net/http"
	"time"
)

// CreditBalance is what GET /v1/credits/balance answers: credits left and used. Each confirmation uses one.
type CreditBalance struct {
	Available int  `json:"available"`
	Used      int  `json:"used"`
	Livemode  bool `json:"livemode"`
}

// CreditLedgerEntry is one change of the credit balance.
type CreditLedgerEntry struct {
	Object       string    `json:"object"`
	ID           string    `json:"id"`
	Delta        int       `json:"delta"`
	BalanceAfter int       `json:"balance_after"`
	Reason       string    `json:"reason"`
	OrderID      string    `json:"order_id"`
	PurchaseID   string    `json:"purchase_id"`
	Note         string    `json:"note"`
	CreatedAt    time.Time `json:"created_at"`
	Livemode     bool      `json:"livemode"`
}

// CreditsService is /v1/credits.
type CreditsService struct {
	backend *backend
}

// GetBalance reads the credit balance: GET /v1/credits/balance.
func (s *CreditsService) GetBalance(ctx context.Context) (*CreditBalance, error) {
	return callFor[CreditBalance](ctx, s.backend, http.MethodGet, "/v1/credits/balance", nil, nil)
}

// ListLedger walks the credit ledger, newest first: GET /v1/credits/ledger.
func (s *CreditsService) ListLedger(ctx context.Context, params *ListParams) *List[CreditLedgerEntry] {
	return newList(ctx, s.backend, "/v1/credits/ledger", params.query(), func(e *CreditLedgerEntry) string { return e.ID })
}
