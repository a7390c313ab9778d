package flux

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

// Button is an order button as its merchant sees it, with the HTML snippet to paste into a shop.
type Button struct {
	ButtonID       string      `json:"button_id"`
	Label          string      `json:"label"`
	ProductName    string      `json:"product_name"`
	Amount         Amount      `json:"amount"`
	AmountMin      Amount      `json:"amount_min"`
	AmountMax      Amount      `json:"amount_max"`
	Currency       string      `json:"currency"`
	MerchantWallet string      `json:"merchant_wallet"`
	Style          ButtonStyle `json:"style"`
	SuccessURL     string      `json:"success_url"`
	ExpiresIn      *int        `json:"expires_in"`
	Enabled        bool        `json:"enabled"`
	Archived       bool        `json:"archived"`
	Livemode       bool        `json:"livemode"`
	CreatedAt      time.Time   `json:"created_at"`
	Snippet        string      `json:"snippet"`
}

// ButtonStyle is how a button looks; what a request leaves empty keeps Flux's default.
type ButtonStyle struct {
	Color string `json:"color,omitempty"`
	Size  string `json:"size,omitempty"`
	Shape string `json:"shape,omitempty"`
	Theme string `json:"theme,omitempty"`
}

// ButtonParams creates a button with a fixed Amount, or an AmountMin–AmountMax range the customer chooses from.
type ButtonParams struct {
	Amount         Amount       `json:"amount,omitempty"`
	AmountMin      Amount       `json:"amount_min,omitempty"`
	AmountMax      Amount       `json:"amount_max,omitempty"`
	Label          string       `json:"label,omitempty"`
	MerchantWallet string       `json:"merchant_wallet,omitempty"`
	Style          *ButtonStyle `json:"style,omitempty"`
	SuccessURL     string       `json:"success_url,omitempty"`
	Currency       string       `json:"currency,omitempty"`
	ProductName    string       `json:"product_name,omitempty"`
	ExpiresIn      int          `json:"expires_in,omitempty"`

	// OnOrderConfirmed is no field of the API (the seed docs' "Code Example"): the SDK calls it over the event stream
	// for each order.confirmed event of an order started from this button, until the client is closed.
	OnOrderConfirmed func(*Transaction) `json:"-"`
}

// ButtonUpdateParams changes a button: nil fields are left as they are; flux.String("") clears ProductName and
// SuccessURL. Amount makes the amount fixed, AmountMin and AmountMax the customer's; Archived flux.Bool(true)
// archives the button (it takes no new orders), flux.Bool(false) restores it.
type ButtonUpdateParams struct {
	Amount         Amount       `json:"amount,omitempty"`
	AmountMin      Amount       `json:"amount_min,omitempty"`
	AmountMax      Amount       `json:"amount_max,omitempty"`
	Label          *string      `json:"label,omitempty"`
	ProductName    *string      `json:"product_name,omitempty"`
	MerchantWallet *string      `json:"merchant_wallet,omitempty"`
	Style          *ButtonStyle `json:"style,omitempty"`
	SuccessURL     *string      `json:"success_url,omitempty"`
	Currency       *string      `json:"currency,omitempty"`
	ExpiresIn      *int         `json:"expires_in,omitempty"`
	Archived       *bool        `json:"archived,omitempty"`
}

// Transaction is what OnOrderConfirmed gets: the order.confirmed event's data, ID being the transaction hash.
type Transaction struct {
	ID      string
	EventID string
	EventData
}

// ButtonsService is /v1/buttons.
type ButtonsService struct {
	backend *backend
	stream  *eventStream
}

// Create creates an order button: POST /v1/buttons.
func (s *ButtonsService) Create(ctx context.Context, params *ButtonParams, options ...RequestOption) (*Button, error) {
	if params == nil {
		params = &ButtonParams{}
	}
	var button Button
	if err := s.backend.call(ctx, http.MethodPost, "/v1/buttons", nil, params, &button, options); err != nil {
		return nil, err
	}
	if onConfirmed := params.OnOrderConfirmed; onConfirmed != nil {
		// The button's own subscription lasts as long as the client's stream, not as the ctx of this one request.
		s.stream.on(context.Background(), "order.confirmed", func(e *Event) error {
			if e.ButtonID == button.ButtonID {
				onConfirmed(&Transaction{ID: e.TransactionHash, EventID: e.ID, EventData: e.EventData})
			}
			return nil
		})
	}
	return &button, nil
}

// Get retrieves a button: GET /v1/buttons/{id}.
func (s *ButtonsService) Get(ctx context.Context, buttonID string) (*Button, error) {
	return callFor[Button](ctx, s.backend, http.MethodGet, "/v1/buttons/"+url.PathEscape(buttonID), nil, nil)
}

// Update changes a button, archives or restores it: POST /v1/buttons/{id}.
func (s *ButtonsService) Update(ctx context.Context, buttonID string, params *ButtonUpdateParams, options ...RequestOption) (*Button, error) {
	if params == nil {
		params = &ButtonUpdateParams{}
	}
	return callFor[Button](ctx, s.backend, http.MethodPost, "/v1/buttons/"+url.PathEscape(buttonID), params, options)
}

// List walks the buttons, newest first: GET /v1/buttons.
func (s *ButtonsService) List(ctx context.Context, params *ListParams) *List[Button] {
	return newList(ctx, s.backend, "/v1/buttons", params.query(), func(b *Button) string { return b.ButtonID })
}
