package flux_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"

	flux "github.com/flux/flux-pi-sdk"
)

// pagedOrders answers GET /v1/orders from ids, newest first, honouring limit and starting_after as Flux does.
func pagedOrders(ids []string) func(w http.ResponseWriter, r *http.Request, n int) {
	return func(w http.ResponseWriter, r *http.Request, n int) {
		start := 0
		if after := r.URL.Query().Get("starting_after"); after != "" {
			for i, id := range ids {
				if id == after {
					start = i + 1
				}
			}
		}
		limit := 10
		fmt.Sscan(r.URL.Query().Get("limit"), &limit)
		end := start + limit
		if end > len(ids) {
			end = len(ids)
		}
		var items []string
		for _, id := range ids[start:end] {
			items = append(items, fmt.Sprintf(`{"order_id":%q,"amount":1}`, id))
		}
		writeJSON(w, 200, fmt.Sprintf(`{"object":"list","data":[%s],"has_more":%t}`, strings.Join(items, ","), end < len(ids)))
	}
}

func TestListWalksEveryPageWithStartingAfter(t *testing.T) {
	ids := []string{"ord_7", "ord_6", "ord_5", "ord_4", "ord_3", "ord_2", "ord_1"}
	s := newStub(t, pagedOrders(ids))

	orders := s.client().Orders.List(context.Background(), &flux.OrderListParams{ListParams: flux.ListParams{Limit: 3, EndingBefore: "ord_8"}})
	var walked []string
	for orders.Next() {
		walked = append(walked, orders.Current().OrderID)
	}

	if err := orders.Err(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(walked, ids) {
		t.Fatalf("walked %v", walked)
	}
	var urls []string
	for _, r := range s.recorded() {
		urls = append(urls, r.URL)
	}
	want := []string{"/v1/orders?ending_before=ord_8&limit=3", "/v1/orders?limit=3&starting_after=ord_5", "/v1/orders?limit=3&starting_after=ord_2"}
	if !reflect.DeepEqual(urls, want) {
		t.Fatalf("asked %v, want %v", urls, want)
	}
}

func TestListAsksForTheNextPageOnlyWhenItIsNeeded(t *testing.T) {
	s := newStub(t, pagedOrders([]string{"ord_3", "ord_2", "ord_1"}))

	orders := s.client().Orders.List(context.Background(), &flux.OrderListParams{ListParams: flux.ListParams{Limit: 1}})
	if len(s.recorded()) != 0 {
		t.Fatal("List asked before Next")
	}
	orders.Next()
	orders.Next()

	if len(s.recorded()) != 2 || orders.Current().OrderID != "ord_2" || !orders.Page().HasMore {
		t.Fatalf("%d requests, current %v", len(s.recorded()), orders.Current())
	}
}

func TestAnEmptyListEndsAtOnceWithItsPage(t *testing.T) {
	s := newStub(t, pagedOrders(nil))
	orders := s.client().Orders.List(context.Background(), nil)
	if orders.Next() || orders.Err() != nil || orders.Current() != nil {
		t.Fatal("an empty list gave an item or an error")
	}
	if page := orders.Page(); page.Object != "list" || page.HasMore || len(page.Data) != 0 {
		t.Fatalf("page %+v", page)
	}
	if s.recorded()[0].URL != "/v1/orders" {
		t.Fatalf("asked %s", s.recorded()[0].URL)
	}
}

func TestAnErrorOnALaterPageStopsTheListWithIt(t *testing.T) {
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			writeJSON(w, 200, `{"object":"list","data":[{"id":"cle_2","delta":-1}],"has_more":true}`)
			return
		}
		writeError(w, 400, "invalid_request", "starting_after")
	})

	entries := s.client().Credits.ListLedger(context.Background(), &flux.ListParams{Limit: 1})
	count := 0
	for entries.Next() {
		count++
	}

	var fluxErr *flux.Error
	if count != 1 || !errors.As(entries.Err(), &fluxErr) || fluxErr.Param != "starting_after" {
		t.Fatalf("%d items, error %v", count, entries.Err())
	}
	if entries.Next() {
		t.Fatal("Next went on after an error")
	}
}
