package flux

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

// Refund is a refund as the API shows it: pay Amount from PayFrom to PayTo with Memo (or open PaymentURI, SEP-0007,
// in the wallet app); Flux marks it succeeded when it sees that payment on chain.
type Refund struct {
	RefundID        string     `json:"refund_id"`
	Amount          Amount     `json:"amount"`
	Status          string     `json:"status"` // pending, succeeded, partially_refunded, canceled
	CreatedAt       time.Time  `json:"created_at"`
	OrderID         string     `json:"order_id"`
	PaymentID       string     `json:"payment_id"`
	Reason          string     `json:"reason"`
	PayFrom         string     `json:"pay_from"`
	PayTo           string     `json:"pay_to"`
	Memo            string     `json:"memo"`
	PaymentURI      string     `json:"payment_uri"`
	AmountRefunded  Amount     `json:"amount_refunded"`
	TransactionHash string     `json:"transaction_hash"`
	RefundedAt      *time.Time `json:"refunded_at"`
	CanceledAt      *time.Time `json:"canceled_at"`
	Livemode        bool       `json:"livemode"`
}

// RefundParams creates a refund of an order (OrderID) or of a payment (PaymentID); a zero Amount means what is
// refundable by default (an order's overpaid part, everything an unfulfilled order received, a whole unmatched payment).
type RefundParams struct {
	OrderID   string `json:"order_id,omitempty"`
	PaymentID string `json:"payment_id,omitempty"`
	Amount    Amount `json:"amount,omitempty"`
	Reason    string `json:"reason,omitempty"`
}

// RefundListParams narrows the refunds to one Status (pending, succeeded, …) and to one order's (OrderID); empty fields
// narrow nothing.
type RefundListParams struct {
	ListParams
	Status  string
	OrderID string
}

func (p *RefundListParams) query() url.Values {
	if p == nil {
		return url.Values{}
	}
	q := p.ListParams.query()
	setText(q, "status", p.Status)
	setText(q, "order_id", p.OrderID)
	return q
}

// RefundsService is /v1/refunds.
type RefundsService struct {
	backend *backend
}

// Create creates a refund: POST /v1/refunds.
func (s *RefundsService) Create(ctx context.Context, params *RefundParams, options ...RequestOption) (*Refund, error) {
	if params == nil {
		params = &RefundParams{}
	}
	return callFor[Refund](ctx, s.backend, http.MethodPost, "/v1/refunds", params, options)
}

// Get retrieves a refund: GET /v1/refunds/{id}.
func (s *RefundsService) Get(ctx context.Context, refundID string) (*Refund, error) {
	return callFor[Refund](ctx, s.backend, http.MethodGet, "/v1/refunds/"+url.PathEscape(refundID), nil, nil)
}

// List walks the refunds, newest first: GET /v1/refunds.
func (s *RefundsService) List(ctx context.Context, params *RefundListParams) *List[Refund] {
	return newList(ctx, s.backend, "/v1/refunds", params.query(), func(r *Refund) string { return r.RefundID })
}

// Cancel cancels a pending refund: POST /v1/refunds/{id}/cancel.
func (s *RefundsService) Cancel(ctx context.Context, refundID string, options ...RequestOption) (*Refund, error) {
	return callFor[Refund](ctx, s.backend, http.MethodPost, "/v1/refunds/"+url.PathEscape(refundID)+"/cancel", struct{}{}, options)
}
