package flux

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

// PaymentLink is a link to a hosted page (URL) that sells one product: each customer who proceeds gets an order of
// their own, listed by Orders.List with OrderListParams.PaymentLink.
type PaymentLink struct {
	PaymentLinkID      string    `json:"payment_link_id"`
	ProductName        string    `json:"product_name"`
	Amount             Amount    `json:"amount"`   // the price of one item: Pi, or a price in Currency
	Currency           string    `json:"currency"` // PI, or an ISO 4217 code (USD)
	QuantityAdjustable bool      `json:"quantity_adjustable"`
	MerchantWallet     string    `json:"merchant_wallet"`
	SuccessURL         string    `json:"success_url"`
	ExpiresIn          *int      `json:"expires_in"` // seconds each of its orders waits for payment; nil for the default
	Active             bool      `json:"active"`
	Livemode           bool      `json:"livemode"`
	CreatedAt          time.Time `json:"created_at"`
	URL                string    `json:"url"`
}

// PaymentLinkParams creates a payment link: Amount is Pi, or with a Currency other than PI (an ISO 4217 code) a price
// locked into Pi as each order starts. With QuantityAdjustable the customer chooses how many (1 to 99); SuccessURL is
// where the checkout takes the customer once the order is confirmed ({ORDER_ID} in it becomes the order's id);
// MerchantWallet left empty means the merchant's default wallet.
type PaymentLinkParams struct {
	ProductName        string `json:"product_name,omitempty"`
	Amount             Amount `json:"amount,omitempty"`
	Currency           string `json:"currency,omitempty"`
	QuantityAdjustable bool   `json:"quantity_adjustable,omitempty"`
	SuccessURL         string `json:"success_url,omitempty"`
	ExpiresIn          int    `json:"expires_in,omitempty"` // seconds each order waits for payment (60 to 604800); 0 means the default
	MerchantWallet     string `json:"merchant_wallet,omitempty"`
}

// PaymentLinkUpdateParams changes a payment link: Active flux.Bool(false) deactivates it (its page says the product
// is no longer available and starts no orders), flux.Bool(true) turns it on again.
type PaymentLinkUpdateParams struct {
	Active *bool `json:"active,omitempty"`
}

// PaymentLinksService is /v1/payment_links.
type PaymentLinksService struct {
	backend *backend
}

// Create creates a payment link: POST /v1/payment_links.
func (s *PaymentLinksService) Create(ctx context.Context, params *PaymentLinkParams, options ...RequestOption) (*PaymentLink, error) {
	if params == nil {
		params = &PaymentLinkParams{}
	}
	return callFor[PaymentLink](ctx, s.backend, http.MethodPost, "/v1/payment_links", params, options)
}

// Get retrieves a payment link: GET /v1/payment_links/{id}.
func (s *PaymentLinksService) Get(ctx context.Context, paymentLinkID string) (*PaymentLink, error) {
	return callFor[PaymentLink](ctx, s.backend, http.MethodGet, "/v1/payment_links/"+url.PathEscape(paymentLinkID), nil, nil)
}

// Update deactivates or activates a payment link: POST /v1/payment_links/{id}.
func (s *PaymentLinksService) Update(ctx context.Context, paymentLinkID string, params *PaymentLinkUpdateParams, options ...RequestOption) (*PaymentLink, error) {
	if params == nil {
		params = &PaymentLinkUpdateParams{}
	}
	return callFor[PaymentLink](ctx, s.backend, http.MethodPost, "/v1/payment_links/"+url.PathEscape(paymentLinkID), params, options)
}

// List walks the payment links, newest first: GET /v1/payment_links.
func (s *PaymentLinksService) List(ctx context.Context, params *ListParams) *List[PaymentLink] {
	return newList(ctx, s.backend, "/v1/payment_links", params.query(), func(l *PaymentLink) string { return l.PaymentLinkID })
}
