package flux_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"regexp"
	"testing"
	"time"

	flux "github.com/flux/flux-pi-sdk"
)

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestRequestCarriesTheKeyJSONAndAnIdempotencyKeyOnPostOnly(t *testing.T) {
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.Method == http.MethodPost {
			writeJSON(w, 201, orderJSON)
		} else {
			writeJSON(w, 200, `{"available":100,"used":0,"livemode":false}`)
		}
	})
	client := s.client()
	ctx := context.Background()

	order, err := client.Orders.Create(ctx, &flux.OrderParams{Amount: "12.3456789", Description: "Tea", MerchantWallet: "GABC"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.Credits.GetBalance(ctx); err != nil {
		t.Fatal(err)
	}

	post, get := s.recorded()[0], s.recorded()[1]
	if post.Method != "POST" || post.URL != "/v1/orders" {
		t.Fatalf("sent %s %s", post.Method, post.URL)
	}
	if post.Body != `{"amount":12.3456789,"description":"Tea","merchant_wallet":"GABC"}` {
		t.Fatalf("body %s", post.Body)
	}
	if post.Header.Get("Authorization") != "Bearer sk_test_stub" || post.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("headers %v", post.Header)
	}
	if !uuidPattern.MatchString(post.Header.Get("Idempotency-Key")) {
		t.Fatalf("Idempotency-Key %q", post.Header.Get("Idempotency-Key"))
	}
	if post.Header.Get("User-Agent") != "flux-pi-sdk (go)" {
		t.Fatalf("User-Agent %q", post.Header.Get("User-Agent"))
	}
	if get.URL != "/v1/credits/balance" || get.Header.Get("Idempotency-Key") != "" {
		t.Fatalf("GET %s with Idempotency-Key %q", get.URL, get.Header.Get("Idempotency-Key"))
	}
	if order.OrderID != "ord_1" || order.Amount != "12.3456789" || order.TransactionHash != "" || order.PaidAt != nil {
		t.Fatalf("order %+v", order)
	}
}

func TestA503IsRetriedWithTheSameIdempotencyKeyAndBody(t *testing.T) {
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			writeError(w, 503, "api_error", "")
			return
		}
		writeJSON(w, 201, orderJSON)
	})

	order, err := s.client().Payments.Create(context.Background(), &flux.OrderParams{Amount: "10.0", Currency: "PI", Description: "Premium subscription"})
	if err != nil {
		t.Fatal(err)
	}

	requests := s.recorded()
	if len(requests) != 2 || order.OrderID != "ord_1" {
		t.Fatalf("%d requests, order %v", len(requests), order)
	}
	if requests[0].URL != "/v1/payments" || requests[1].Body != requests[0].Body {
		t.Fatalf("retry differs: %+v", requests)
	}
	if key := requests[0].Header.Get("Idempotency-Key"); key == "" || requests[1].Header.Get("Idempotency-Key") != key {
		t.Fatalf("keys %q and %q", key, requests[1].Header.Get("Idempotency-Key"))
	}
}

func TestAConnectionDroppedBeforeTheAnswerIsRetried(t *testing.T) {
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
			return
		}
		writeJSON(w, 201, orderJSON)
	})

	if _, err := s.client().Orders.Create(context.Background(), &flux.OrderParams{Amount: "2.5"}); err != nil {
		t.Fatal(err)
	}

	requests := s.recorded()
	if len(requests) != 2 || requests[1].Header.Get("Idempotency-Key") != requests[0].Header.Get("Idempotency-Key") {
		t.Fatalf("requests %+v", requests)
	}
}

func TestTwoCallsSendTwoKeysAndAnExplicitKeyIsSentAsGiven(t *testing.T) {
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 201, orderJSON) })
	client := s.client()
	ctx := context.Background()
	params := &flux.OrderParams{Amount: "1"}

	for _, call := range []func() error{
		func() error { _, err := client.Orders.Create(ctx, params); return err },
		func() error { _, err := client.Orders.Create(ctx, params); return err },
		func() error {
			_, err := client.Orders.Cancel(ctx, "ord_1", flux.WithIdempotencyKey("cancel-ord_1"))
			return err
		},
	} {
		if err := call(); err != nil {
			t.Fatal(err)
		}
	}

	r := s.recorded()
	if r[0].Header.Get("Idempotency-Key") == r[1].Header.Get("Idempotency-Key") {
		t.Fatal("two calls shared an Idempotency-Key")
	}
	if r[2].URL != "/v1/orders/ord_1/cancel" || r[2].Header.Get("Idempotency-Key") != "cancel-ord_1" {
		t.Fatalf("cancel sent %s with %q", r[2].URL, r[2].Header.Get("Idempotency-Key"))
	}
}

func TestA429IsRetriedAfterItsRetryAfter(t *testing.T) {
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			writeError(w, 429, "rate_limit_exceeded", "")
			return
		}
		writeJSON(w, 200, `{"available":7,"used":3,"livemode":false}`)
	})

	started := time.Now()
	balance, err := s.client().Credits.GetBalance(context.Background())
	waited := time.Since(started)

	if err != nil || balance.Available != 7 || balance.Used != 3 {
		t.Fatalf("balance %+v, err %v", balance, err)
	}
	if waited < time.Second || waited > 4*time.Second {
		t.Fatalf("retried after %v, Retry-After said 1 s", waited)
	}
}

func TestA409WhileTheFirstRequestRunsIsRetried(t *testing.T) {
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			writeError(w, 409, "invalid_request", "")
			return
		}
		writeJSON(w, 201, orderJSON)
	})
	if _, err := s.client().Orders.Create(context.Background(), &flux.OrderParams{Amount: "1"}); err != nil {
		t.Fatal(err)
	}
	if len(s.recorded()) != 2 {
		t.Fatalf("%d requests", len(s.recorded()))
	}
}

func TestA429ThatKeepsComingIsReturnedAfterTheRetries(t *testing.T) {
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("Retry-After", "0")
		writeError(w, 429, "rate_limit_exceeded", "")
	})

	_, err := s.client(flux.WithMaxNetworkRetries(3)).Orders.Get(context.Background(), "ord_x")

	var fluxErr *flux.Error
	if !errors.As(err, &fluxErr) {
		t.Fatalf("error %v is no *flux.Error", err)
	}
	if fluxErr.Type != flux.RateLimitExceeded || fluxErr.HTTPStatus != 429 || fluxErr.RequestID != stubRequestID {
		t.Fatalf("error %+v", fluxErr)
	}
	if len(s.recorded()) != 4 {
		t.Fatalf("%d requests, want 1 + 3 retries", len(s.recorded()))
	}
}

func TestAnInvalidRequestIsNotRetriedAndCarriesEveryField(t *testing.T) {
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeError(w, 400, "invalid_request", "amount")
	})

	_, err := s.client().Orders.Create(context.Background(), &flux.OrderParams{Amount: "-1"})

	var fluxErr *flux.Error
	if !errors.As(err, &fluxErr) {
		t.Fatalf("error %v", err)
	}
	want := flux.Error{Type: flux.InvalidRequest, Message: "Answered by the stub (400).", Param: "amount", RequestID: stubRequestID,
		HTTPStatus: 400, DocsURL: "https://docs.flux.test/errors#invalid_request"}
	if fluxErr.Type != want.Type || fluxErr.Message != want.Message || fluxErr.Param != want.Param || fluxErr.RequestID != want.RequestID ||
		fluxErr.HTTPStatus != want.HTTPStatus || fluxErr.DocsURL != want.DocsURL {
		t.Fatalf("error %+v, want %+v", fluxErr, want)
	}
	if fluxErr.Error() != "flux: invalid_request: Answered by the stub (400). (request "+stubRequestID+")" {
		t.Fatalf("Error() = %q", fluxErr.Error())
	}
	if len(s.recorded()) != 1 {
		t.Fatalf("%d requests", len(s.recorded()))
	}
}

func TestAnErrorAnswerWithoutTheErrorShapeIsStillTyped(t *testing.T) {
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("Request-Id", "req_FromHeader00000")
		w.WriteHeader(502)
	})
	_, err := s.client(flux.WithMaxNetworkRetries(0)).Credits.GetBalance(context.Background())
	var fluxErr *flux.Error
	if !errors.As(err, &fluxErr) || fluxErr.Type != flux.APIError || fluxErr.HTTPStatus != 502 || fluxErr.RequestID != "req_FromHeader00000" {
		t.Fatalf("error %+v", err)
	}
}

func TestAFluxNobodyListensOnIsAnAPIConnectionErrorAfterTheRetries(t *testing.T) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	address := listener.Addr().String()
	listener.Close()
	client := flux.NewClient("sk_test_x", flux.WithBaseURL("http://"+address), flux.WithMaxNetworkRetries(1), flux.WithInitialRetryDelay(time.Millisecond))

	_, err = client.Credits.GetBalance(context.Background())

	var fluxErr *flux.Error
	if !errors.As(err, &fluxErr) || fluxErr.Type != flux.APIConnectionError || fluxErr.HTTPStatus != 0 || fluxErr.Err == nil {
		t.Fatalf("error %+v", err)
	}
	if !regexp.MustCompile(`after 2 attempt`).MatchString(fluxErr.Message) {
		t.Fatalf("message %q", fluxErr.Message)
	}
}

func TestACanceledContextStopsTheRetries(t *testing.T) {
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("Retry-After", "30")
		writeError(w, 503, "api_error", "")
	})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()

	started := time.Now()
	_, err := s.client().Credits.GetBalance(ctx)

	if !errors.Is(err, context.DeadlineExceeded) || time.Since(started) > 5*time.Second {
		t.Fatalf("error %v after %v", err, time.Since(started))
	}
}

func TestTheKeyAndBaseURLFallBackToTheEnvironment(t *testing.T) {
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 200, `{"available":1,"used":0,"livemode":false}`)
	})
	t.Setenv("FLUX_API_KEY", "sk_test_fromEnv")
	t.Setenv("FLUX_BASE_URL", s.URL+"/")

	client := flux.NewClient("")
	if _, err := client.Credits.GetBalance(context.Background()); err != nil {
		t.Fatal(err)
	}
	if client.BaseURL() != s.URL || s.recorded()[0].Header.Get("Authorization") != "Bearer sk_test_fromEnv" {
		t.Fatalf("base %q, auth %q", client.BaseURL(), s.recorded()[0].Header.Get("Authorization"))
	}
	if flux.NewClient("k", flux.WithBaseURL("http://example.test/")).BaseURL() != "http://example.test" {
		t.Fatal("WithBaseURL did not win over FLUX_BASE_URL")
	}
	t.Setenv("FLUX_BASE_URL", "")
	if flux.NewClient("k").BaseURL() != flux.DefaultBaseURL {
		t.Fatal("no default base URL")
	}
}

func TestNoKeyAtAllIsAnAuthenticationErrorWithoutARequest(t *testing.T) {
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, `{}`) })
	t.Setenv("FLUX_API_KEY", "")

	_, err := flux.NewClient("  ", flux.WithBaseURL(s.URL)).Credits.GetBalance(context.Background())

	var fluxErr *flux.Error
	if !errors.As(err, &fluxErr) || fluxErr.Type != flux.AuthenticationError || len(s.recorded()) != 0 {
		t.Fatalf("error %v, %d requests", err, len(s.recorded()))
	}
}
