package flux_test

import (
	"context"
	"net/http"
	"reflect"
	"strings"
	"testing"

	flux "github.com/flux/flux-pi-sdk"
)

const paymentLinkJSON = `{"payment_link_id":"plink_1","product_name":"Flat white","amount":2.5,"currency":"PI","quantity_adjustable":true,` +
	`"merchant_wallet":"` + walletAddress + `","success_url":"https://shop.test/thanks?order={ORDER_ID}","expires_in":null,` +
	`"active":true,"livemode":false,"created_at":"2026-12-01T10:00:00Z","url":"https://flux.test/pay/plink_1"}`

// paymentLinksStub answers /v1/payment_links as Flux does: a link, or a page of one.
func paymentLinksStub(t *testing.T) *stub {
	return newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/v1/payment_links":
			writeJSON(w, 200, `{"object":"list","data":[`+paymentLinkJSON+`],"has_more":false}`)
		case r.Method == http.MethodPost && r.URL.Path == "/v1/payment_links":
			writeJSON(w, 201, paymentLinkJSON)
		default:
			writeJSON(w, 200, paymentLinkJSON)
		}
	})
}

func TestPaymentLinksCreateAndUpdateSendWhatTheAPITakes(t *testing.T) {
	s := paymentLinksStub(t)
	links := s.client().PaymentLinks
	ctx := context.Background()

	link, createErr := links.Create(ctx, &flux.PaymentLinkParams{ProductName: "Flat white", Amount: "2.5", QuantityAdjustable: true,
		SuccessURL: "https://shop.test/thanks?order={ORDER_ID}"}, flux.WithIdempotencyKey("link-1"))
	_, deactivateErr := links.Update(ctx, "plink_1", &flux.PaymentLinkUpdateParams{Active: flux.Bool(false)})
	_, activateErr := links.Update(ctx, "plink_1", &flux.PaymentLinkUpdateParams{Active: flux.Bool(true)})

	for _, err := range []error{createErr, deactivateErr, activateErr} {
		if err != nil {
			t.Fatal(err)
		}
	}
	var sent []string
	for _, r := range s.recorded() {
		sent = append(sent, strings.TrimSpace(r.Method+" "+r.URL+" "+r.Body))
	}
	want := []string{
		`POST /v1/payment_links {"product_name":"Flat white","amount":2.5,"quantity_adjustable":true,"success_url":"https://shop.test/thanks?order={ORDER_ID}"}`,
		`POST /v1/payment_links/plink_1 {"active":false}`,
		`POST /v1/payment_links/plink_1 {"active":true}`,
	}
	if !reflect.DeepEqual(sent, want) {
		t.Fatalf("sent %q, want %q", sent, want)
	}
	if key := s.recorded()[0].Header.Get("Idempotency-Key"); key != "link-1" {
		t.Fatalf("Idempotency-Key %q", key)
	}
	if link.PaymentLinkID != "plink_1" || !link.Amount.Equal("2.5") || !link.QuantityAdjustable || link.ExpiresIn != nil ||
		link.URL != "https://flux.test/pay/plink_1" || !link.Active {
		t.Fatalf("link %+v", link)
	}
}

func TestPaymentLinksGetAndListReadLinks(t *testing.T) {
	s := paymentLinksStub(t)
	links := s.client().PaymentLinks
	ctx := context.Background()

	link, err := links.Get(ctx, "plink/1")
	list := links.List(ctx, &flux.ListParams{Limit: 5})
	var ids []string
	for list.Next() {
		ids = append(ids, list.Current().PaymentLinkID)
	}

	if err != nil || list.Err() != nil {
		t.Fatal(err, list.Err())
	}
	if link.ProductName != "Flat white" || !reflect.DeepEqual(ids, []string{"plink_1"}) {
		t.Fatalf("link %+v, listed %v", link, ids)
	}
	if urls := []string{s.recorded()[0].URL, s.recorded()[1].URL}; !reflect.DeepEqual(urls, []string{"/v1/payment_links/plink%2F1", "/v1/payment_links?limit=5"}) {
		t.Fatalf("asked %v", urls)
	}
}
