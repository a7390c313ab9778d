package flux

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

// Order is an order as the API shows it.
type Order struct {
	OrderID         string     `json:"order_id"`
	Amount          Amount     `json:"amount"`
	Status          string     `json:"status"` // pending_confirmation, confirmed, underpaid, awaiting_credit, expired, paid_after_expiry, canceled
	CreatedAt       time.Time  `json:"created_at"`
	Currency        string     `json:"currency"`
	Price           *Price     `json:"price"` // nil for an order priced in Pi
	Rate            *Rate      `json:"rate"`  // nil for an order priced in Pi
	Description     string     `json:"description"`
	Memo            string     `json:"memo"`
	PayTo           string     `json:"pay_to"`
	ExpiresAt       time.Time  `json:"expires_at"`
	CheckoutURL     string     `json:"checkout_url"`
	AmountReceived  Amount     `json:"amount_received"`
	Overpaid        bool       `json:"overpaid"`
	PaidAt          *time.Time `json:"paid_at"`
	ConfirmedAt     *time.Time `json:"confirmed_at"`
	CanceledAt      *time.Time `json:"canceled_at"`
	TransactionHash string     `json:"transaction_hash"`
	PaymentLink     string     `json:"payment_link"`   // the payment link a customer started it from, if any
	CustomerEmail   string     `json:"customer_email"` // where its receipt is mailed, if given
	Livemode        bool       `json:"livemode"`
}

// Price is an order's price in the merchant's currency, which its Pi Amount was locked from.
type Price struct {
	Amount   Amount `json:"amount"` // exact, in Currency
	Currency string `json:"currency"`
}

// Rate is the rate an order's price was locked at: the price of one Pi in the price's currency.
type Rate struct {
	Value  Amount    `json:"value"`  // exact, in the price's currency
	Source string    `json:"source"` // fixed (the merchant's own rate) or provider (the operator's)
	AsOf   time.Time `json:"as_of"`
}

// OrderParams creates an order; Currency "PI" (or empty) makes Amount Pi, an ISO 4217 code (USD) a price in that
// currency locked into Pi at the current rate; MerchantWallet left empty means the merchant's default wallet.
type OrderParams struct {
	Amount         Amount `json:"amount"`
	Currency       string `json:"currency,omitempty"`
	Description    string `json:"description,omitempty"`
	MerchantWallet string `json:"merchant_wallet,omitempty"`
	ExpiresIn      int    `json:"expires_in,omitempty"`     // seconds the order waits for payment (60 to 604800); 0 means 30 minutes
	CustomerEmail  string `json:"customer_email,omitempty"` // the customer's address: the receipt is mailed there once the order is confirmed
}

// OrderListParams narrows the orders to one Status (pending_confirmation, confirmed, …) and to those customers started
// from one order button (ButtonID) or one payment link (PaymentLink); empty fields narrow nothing.
type OrderListParams struct {
	ListParams
	Status      string
	ButtonID    string
	PaymentLink string
}

func (p *OrderListParams) query() url.Values {
	if p == nil {
		return url.Values{}
	}
	q := p.ListParams.query()
	setText(q, "status", p.Status)
	setText(q, "button_id", p.ButtonID)
	setText(q, "payment_link", p.PaymentLink)
	return q
}

// OrdersService is /v1/orders.
type OrdersService struct {
	backend *backend
}

// Create creates an order: POST /v1/orders.
func (s *OrdersService) Create(ctx context.Context, params *OrderParams, options ...RequestOption) (*Order, error) {
	return createOrder(ctx, s.backend, "/v1/orders", params, options)
}

// Get retrieves an order: GET /v1/orders/{id}.
func (s *OrdersService) Get(ctx context.Context, orderID string) (*Order, error) {
	return callFor[Order](ctx, s.backend, http.MethodGet, "/v1/orders/"+url.PathEscape(orderID), nil, nil)
}

// List walks the orders, newest first: GET /v1/orders.
func (s *OrdersService) List(ctx context.Context, params *OrderListParams) *List[Order] {
	return newList(ctx, s.backend, "/v1/orders", params.query(), func(o *Order) string { return o.OrderID })
}

// Cancel cancels an order that is still waiting for its payment: POST /v1/orders/{id}/cancel.
func (s *OrdersService) Cancel(ctx context.Context, orderID string, options ...RequestOption) (*Order, error) {
	return callFor[Order](ctx, s.backend, http.MethodPost, "/v1/orders/"+url.PathEscape(orderID)+"/cancel", struct{}{}, options)
}

func createOrder(ctx context.Context, b *backend, path string, params *OrderParams, options []RequestOption) (*Order, error) {
	if params == nil {
		params = &OrderParams{}
	}
	return callFor[Order](ctx, b, http.MethodPost, path, params, options)
}
