package flux

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
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

// PaymentListParams narrows the payments to one order's (OrderID), or with Unmatched to those no order matched
// (flux.Bool(true)) or to the matched ones (flux.Bool(false)); nil and empty fields narrow nothing.
type PaymentListParams struct {
	ListParams
	OrderID   string
	Unmatched *bool
}

func (p *PaymentListParams) query() url.Values {
	if p == nil {
		return url.Values{}
	}
	q := p.ListParams.query()
	setText(q, "order_id", p.OrderID)
	if p.Unmatched != nil {
		q.Set("unmatched", strconv.FormatBool(*p.Unmatched))
	}
	return q
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

// Get retrieves a payment seen on chain by its PaymentID (as the list, payment.unmatched and refunds name it):
// GET /v1/payments/{id}.
func (s *PaymentsService) Get(ctx context.Context, paymentID string) (*Payment, error) {
	return callFor[Payment](ctx, s.backend, http.MethodGet, "/v1/payments/"+url.PathEscape(paymentID), nil, nil)
}

// List walks the payments seen on chain, newest first: GET /v1/payments.
func (s *PaymentsService) List(ctx context.Context, params *PaymentListParams) *List[Payment] {
	return newList(ctx, s.backend, "/v1/payments", params.query(), func(p *Payment) string { return p.PaymentID })
}
