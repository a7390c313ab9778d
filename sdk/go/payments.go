package flux

import (
	"context"
	"time"
)

// Payment is a payment Flux saw on chain into one of the merchant's wallets.
type Payment struct {
	PaymentID       string    `json:"payment_id"`
	TransactionHash string    `json:"transaction_hash"`
	Ledger          *int64    `json:"ledger"`
	From            string    `json:"from"`
	To              string    `json:"to"`
	ToMuxed         string    `json:"to_muxed"`
	Amount          Amount    `json:"amount"`
	Memo            string    `json:"memo"`
	OrderID         string    `json:"order_id"`
	CreatedAt       time.Time `json:"created_at"`
	Livemode        bool      `json:"livemode"`
}

// PaymentsService is /v1/payments.
type PaymentsService struct {
	backend *backend
}

// Create creates an order, as the seed docs' "Handling Errors" sample does: POST /v1/payments (the merchant's
// default wallet when MerchantWallet is empty).
func (s *PaymentsService) Create(ctx context.Context, params *OrderParams, options ...RequestOption) (*Order, error) {
	return createOrder(ctx, s.backend, "/v1/payments", params, options)
}

// List walks the payments seen on chain, newest first: GET /v1/payments.
func (s *PaymentsService) List(ctx context.Context, params *ListParams) *List[Payment] {
	return newList(ctx, s.backend, "/v1/payments", params.query(), func(p *Payment) string { return p.PaymentID })
}
