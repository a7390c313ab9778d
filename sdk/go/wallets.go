package flux

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

// Wallet is a wallet orders are paid into, registered with the dashboard's checks: an order's MerchantWallet names
// one, and the Default one takes the orders that name none.
type Wallet struct {
	Object    string    `json:"object"`
	ID        string    `json:"id"`
	Address   string    `json:"address"`
	Label     string    `json:"label"`
	Default   bool      `json:"default"`
	Network   string    `json:"network"`
	CreatedAt time.Time `json:"created_at"`
	Livemode  bool      `json:"livemode"`
}

// WalletParams registers a wallet: a Pi address (in live mode, an account that exists on Pi mainnet), a Label, and
// Default to make it the default (the first wallet always is).
type WalletParams struct {
	Address string `json:"address"`
	Label   string `json:"label,omitempty"`
	Default bool   `json:"default,omitempty"`
}

// WalletUpdateParams changes a wallet: a new Label (flux.String("") clears it), and Default flux.Bool(true) makes it
// the default. A default wallet stays the default until another one is made the default: flux.Bool(false) on it is
// refused. Nil fields are left as they are.
type WalletUpdateParams struct {
	Label   *string `json:"label,omitempty"`
	Default *bool   `json:"default,omitempty"`
}

// DeletedWallet is the answer to Delete.
type DeletedWallet struct {
	Object  string `json:"object"`
	ID      string `json:"id"`
	Deleted bool   `json:"deleted"`
}

// WalletsService is /v1/wallets.
type WalletsService struct {
	backend *backend
}

// Create registers a wallet, which Flux watches at once: POST /v1/wallets. A wallet removed earlier is restored with
// its id.
func (s *WalletsService) Create(ctx context.Context, params *WalletParams, options ...RequestOption) (*Wallet, error) {
	if params == nil {
		params = &WalletParams{}
	}
	return callFor[Wallet](ctx, s.backend, http.MethodPost, "/v1/wallets", params, options)
}

// Get retrieves a wallet: GET /v1/wallets/{id}.
func (s *WalletsService) Get(ctx context.Context, walletID string) (*Wallet, error) {
	return callFor[Wallet](ctx, s.backend, http.MethodGet, "/v1/wallets/"+url.PathEscape(walletID), nil, nil)
}

// List walks the wallets, newest first; removed ones are not listed: GET /v1/wallets.
func (s *WalletsService) List(ctx context.Context, params *ListParams) *List[Wallet] {
	return newList(ctx, s.backend, "/v1/wallets", params.query(), func(w *Wallet) string { return w.ID })
}

// Update relabels a wallet or makes it the default: POST /v1/wallets/{id}.
func (s *WalletsService) Update(ctx context.Context, walletID string, params *WalletUpdateParams, options ...RequestOption) (*Wallet, error) {
	if params == nil {
		params = &WalletUpdateParams{}
	}
	return callFor[Wallet](ctx, s.backend, http.MethodPost, "/v1/wallets/"+url.PathEscape(walletID), params, options)
}

// Delete takes a wallet out of use; orders paid into it keep it, and if it was the default the earliest added
// remaining wallet becomes the default: DELETE /v1/wallets/{id}.
func (s *WalletsService) Delete(ctx context.Context, walletID string) (*DeletedWallet, error) {
	return callFor[DeletedWallet](ctx, s.backend, http.MethodDelete, "/v1/wallets/"+url.PathEscape(walletID), nil, nil)
}
