package flux_test

import (
	"context"
	"net/http"
	"reflect"
	"strings"
	"testing"

	flux "github.com/flux/flux-pi-sdk"
)

const walletAddress = "GCNGWQ6O4BCRLJSPGYXWEZQCZJVGAMNW5EXZJHJIQJKW3XW2EZWRV2GQ"

const walletJSON = `{"object":"wallet","id":"wal_1","address":"` + walletAddress + `","label":"Till","default":true,"network":"sandbox",` +
	`"created_at":"2026-12-01T10:00:00Z","livemode":false}`

// walletsStub answers /v1/wallets as Flux does: a wallet, a page of one, or the answer to a delete.
func walletsStub(t *testing.T) *stub {
	return newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case r.Method == http.MethodDelete:
			writeJSON(w, 200, `{"id":"wal_1","object":"wallet","deleted":true}`)
		case r.Method == http.MethodGet && r.URL.Path == "/v1/wallets":
			writeJSON(w, 200, `{"object":"list","data":[`+walletJSON+`],"has_more":false}`)
		case r.Method == http.MethodPost && r.URL.Path == "/v1/wallets":
			writeJSON(w, 201, walletJSON)
		default:
			writeJSON(w, 200, walletJSON)
		}
	})
}

func TestWalletsCreateUpdateAndDeleteSendWhatTheAPITakes(t *testing.T) {
	s := walletsStub(t)
	wallets := s.client().Wallets
	ctx := context.Background()

	wallet, createErr := wallets.Create(ctx, &flux.WalletParams{Address: walletAddress, Label: "Till", Default: true}, flux.WithIdempotencyKey("wallet-1"))
	_, clearErr := wallets.Update(ctx, "wal_1", &flux.WalletUpdateParams{Label: flux.String(""), Default: flux.Bool(true)})
	_, relabelErr := wallets.Update(ctx, "wal_1", &flux.WalletUpdateParams{Label: flux.String("Front desk")})
	deleted, deleteErr := wallets.Delete(ctx, "wal_1")

	for _, err := range []error{createErr, clearErr, relabelErr, deleteErr} {
		if err != nil {
			t.Fatal(err)
		}
	}

	var sent []string
	for _, r := range s.recorded() {
		sent = append(sent, strings.TrimSpace(r.Method+" "+r.URL+" "+r.Body))
	}
	want := []string{
		`POST /v1/wallets {"address":"` + walletAddress + `","label":"Till","default":true}`,
		`POST /v1/wallets/wal_1 {"label":"","default":true}`,
		`POST /v1/wallets/wal_1 {"label":"Front desk"}`,
		`DELETE /v1/wallets/wal_1`,
	}
	if !reflect.DeepEqual(sent, want) {
		t.Fatalf("sent %q, want %q", sent, want)
	}
	if key := s.recorded()[0].Header.Get("Idempotency-Key"); key != "wallet-1" {
		t.Fatalf("Idempotency-Key %q", key)
	}
	if wallet.ID != "wal_1" || wallet.Address != walletAddress || wallet.Label != "Till" || !wallet.Default || wallet.Network != "sandbox" {
		t.Fatalf("wallet %+v", wallet)
	}
	if *deleted != (flux.DeletedWallet{Object: "wallet", ID: "wal_1", Deleted: true}) {
		t.Fatalf("deleted %+v", deleted)
	}
}

func TestWalletsGetAndListReadWallets(t *testing.T) {
	s := walletsStub(t)
	wallets := s.client().Wallets
	ctx := context.Background()

	wallet, err := wallets.Get(ctx, "wal/1")
	list := wallets.List(ctx, &flux.ListParams{Limit: 5})
	var ids []string
	for list.Next() {
		ids = append(ids, list.Current().ID)
	}

	if err != nil || list.Err() != nil {
		t.Fatal(err, list.Err())
	}
	if wallet.ID != "wal_1" || !reflect.DeepEqual(ids, []string{"wal_1"}) {
		t.Fatalf("wallet %+v, listed %v", wallet, ids)
	}
	if urls := []string{s.recorded()[0].URL, s.recorded()[1].URL}; !reflect.DeepEqual(urls, []string{"/v1/wallets/wal%2F1", "/v1/wallets?limit=5"}) {
		t.Fatalf("asked %v", urls)
	}
}
