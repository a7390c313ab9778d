package flux_test

import (
	"context"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"testing"
	"time"

	flux "github.com/flux/flux-pi-sdk"
)

// pagesOfOne answers any list with one item per page, two pages in all.
func pagesOfOne(w http.ResponseWriter, r *http.Request, n int) {
	writeJSON(w, 200, `{"object":"list","data":[{"order_id":"ord_1","payment_id":"pay_1","id":"evt_1"}],"has_more":`+strconv.FormatBool(n == 1)+`}`)
}

// asked is what the stub was asked, its query unescaped (created%5Bgte%5D reads created[gte]).
func asked(t *testing.T, s *stub) []string {
	var urls []string
	for _, r := range s.recorded() {
		u, err := url.QueryUnescape(r.URL)
		if err != nil {
			t.Fatal(err)
		}
		urls = append(urls, u)
	}
	return urls
}

func TestOrdersAreNarrowedByStatusButtonAndCreatedTimesOnEveryPage(t *testing.T) {
	s := newStub(t, pagesOfOne)
	since := time.Date(2026, 12, 1, 11, 30, 15, 750_000_000, time.FixedZone("CET", 3600))

	orders := s.client().Orders.List(context.Background(), &flux.OrderListParams{
		ListParams: flux.ListParams{Created: flux.TimeRange{Gte: since, Lte: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)}},
		Status:     "canceled",
		ButtonID:   "btn_1",
	})
	for orders.Next() {
	}

	want := []string{
		"/v1/orders?button_id=btn_1&created[gte]=2026-12-01T10:30:15Z&created[lte]=2026-12-02T00:00:00Z&status=canceled",
		"/v1/orders?button_id=btn_1&created[gte]=2026-12-01T10:30:15Z&created[lte]=2026-12-02T00:00:00Z&starting_after=ord_1&status=canceled",
	}
	if got := asked(t, s); orders.Err() != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("asked %v (error %v), want %v", got, orders.Err(), want)
	}
}

func TestPaymentsAreNarrowedByOrderOrToTheUnmatchedOnes(t *testing.T) {
	s := newStub(t, pagesOfOne)
	ctx := context.Background()

	s.client().Payments.List(ctx, &flux.PaymentListParams{OrderID: "ord_1"}).Next()
	s.client().Payments.List(ctx, &flux.PaymentListParams{Unmatched: flux.Bool(true)}).Next()
	s.client().Payments.List(ctx, &flux.PaymentListParams{Unmatched: flux.Bool(false)}).Next()
	s.client().Payments.List(ctx, nil).Next()

	want := []string{"/v1/payments?order_id=ord_1", "/v1/payments?unmatched=true", "/v1/payments?unmatched=false", "/v1/payments"}
	if got := asked(t, s); !reflect.DeepEqual(got, want) {
		t.Fatalf("asked %v, want %v", got, want)
	}
}

func TestEventsAreNarrowedByTypeAndCreatedTimes(t *testing.T) {
	s := newStub(t, pagesOfOne)

	s.client().Events.List(context.Background(), &flux.EventListParams{
		ListParams: flux.ListParams{Limit: 2, Created: flux.TimeRange{Lte: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)}},
		Type:       "order.*",
	}).Next()

	want := []string{"/v1/events?created[lte]=2026-12-02T00:00:00Z&limit=2&type=order.*"}
	if got := asked(t, s); !reflect.DeepEqual(got, want) {
		t.Fatalf("asked %v, want %v", got, want)
	}
}
