//go:build integration

package flux_test

// The seed docs' samples (samples_integration_test.go) run against Flux: each prints what its comments promise.

import (
	"context"
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	flux "github.com/flux/flux-pi-sdk"
)

func TestCreditUsageExamplePrintsTheBalanceAndThenEachCreditUsed(t *testing.T) {
	ctx := context.Background()
	client := newClient(t, apiKey(t))
	var all events
	out := captureStdout(t)

	fatalIf(t, creditUsageExample(ctx, client))
	client.On(ctx, "*", all.add)
	fatalIf(t, client.Ready(ctx))
	order, err := client.Payments.Create(ctx, &flux.OrderParams{Amount: "10.0", Currency: "PI", Description: "Premium subscription"})
	fatalIf(t, err)
	payInSandbox(t, order.OrderID)
	waitFor(t, "the credit.used handler", func() bool { return len(out.lines()) >= 3 })

	want := []string{"Credits remaining: 100", "Credit used for order " + order.OrderID, "Credits remaining: 99"}
	if got := out.done(); !reflect.DeepEqual(got, want) {
		t.Fatalf("printed %q, want %q", got, want)
	}
	all.mu.Lock()
	defer all.mu.Unlock()
	var confirmed *flux.Event
	for _, event := range all.got {
		if event.Type == "order.confirmed" {
			confirmed = event
		}
	}
	if confirmed == nil || confirmed.OrderID != order.OrderID || confirmed.Status != "confirmed" || !confirmed.Amount.Equal("10") ||
		!regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(confirmed.TransactionHash) || confirmed.CreditsRemaining != 99 {
		t.Fatalf("order.confirmed reached * as %+v", confirmed)
	}
	balance, err := client.Credits.GetBalance(ctx)
	fatalIf(t, err)
	if *balance != (flux.CreditBalance{Available: 99, Used: 1}) {
		t.Fatalf("balance %+v", balance)
	}
}

func TestCodeExampleCallsOnOrderConfirmedForOrdersFromItsButtonOnly(t *testing.T) {
	ctx := context.Background()
	client := newClient(t, apiKey(t))
	direct := newClient(t, apiKey(t))
	out := captureStdout(t)

	button, err := codeExample(ctx, client, wallet(t))
	fatalIf(t, err)
	fatalIf(t, client.Ready(ctx))
	// Another order of the merchant, not from the button: its confirmation must not call OnOrderConfirmed.
	other, err := direct.Orders.Create(ctx, &flux.OrderParams{Amount: "1"})
	fatalIf(t, err)
	payInSandbox(t, other.OrderID)
	waitForStatus(t, direct, other.OrderID, "confirmed")
	var customerOrder map[string]interface{}
	api(t, "", http.MethodPost, "/v1/public/buttons/"+button.ButtonID+"/orders", map[string]string{}, &customerOrder)
	paid := payInSandbox(t, customerOrder["order_id"].(string))
	waitFor(t, "OnOrderConfirmed", func() bool { return len(out.lines()) >= 3 })
	time.Sleep(200 * time.Millisecond) // room for a wrong fourth line

	lines := out.done()
	if len(lines) != 3 || !regexp.MustCompile(`^Order confirmed! 10(\.0*)?$`).MatchString(lines[0]) ||
		lines[1] != "Transaction ID: "+paid["transaction_hash"].(string) || lines[2] != "Credits remaining: 98" {
		t.Fatalf("printed %q", lines)
	}
	if button.MerchantWallet != wallet(t) || !button.Amount.Equal("10") {
		t.Fatalf("button %+v", button)
	}
}

func TestAuthenticationCodeSampleListsPaymentsWithTheBearerKey(t *testing.T) {
	out := captureStdout(t)
	errorsLogged := captureLog(t)

	data, err := authenticationCodeSample(apiKey(t), baseURL(t))

	fatalIf(t, err)
	if !reflect.DeepEqual(data, map[string]interface{}{"object": "list", "data": []interface{}{}, "has_more": false}) {
		t.Fatalf("data %v", data)
	}
	if got := out.done(); !reflect.DeepEqual(got, []string{"Payments: map[data:[] has_more:false object:list]"}) {
		t.Fatalf("printed %q", got)
	}
	if errorsLogged.Len() != 0 {
		t.Fatalf("logged %q", errorsLogged)
	}

	wrong, err := authenticationCodeSample(wrongKey, baseURL(t))
	fatalIf(t, err)
	if wrong["error"].(map[string]interface{})["code"] != "authentication_error" {
		t.Fatalf("a wrong key gave %v", wrong)
	}
}

func TestHandlingErrorsTakesTheBranchEachFailureCallsFor(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name   string
		client func(t *testing.T) *flux.Client
		want   *regexp.Regexp
	}{
		{"a wrong key", func(t *testing.T) *flux.Client { return newClient(t, wrongKey) }, regexp.MustCompile(`^Authentication failed: \S`)},
		{"a mode without a wallet", func(t *testing.T) *flux.Client { return newClient(t, liveAPIKey(t)) }, regexp.MustCompile(`^Invalid request: \S`)},
		{"a Flux that keeps answering 429", func(t *testing.T) *flux.Client {
			s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
				w.Header().Set("Retry-After", "0")
				writeError(w, 429, "rate_limit_exceeded", "")
			})
			return s.client(flux.WithMaxNetworkRetries(1))
		}, regexp.MustCompile(`^Rate limit exceeded\. Try again later\.$`)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			logged := captureLog(t)
			handlingErrors(ctx, c.client(t))
			if !c.want.MatchString(strings.TrimSpace(logged.String())) {
				t.Fatalf("logged %q", logged)
			}
		})
	}

	t.Run("a good key", func(t *testing.T) {
		logged := captureLog(t)
		out := captureStdout(t)
		client := newClient(t, apiKey(t))
		handlingErrors(ctx, client)
		orders := client.Orders.List(ctx, nil)
		orders.Next()
		order := orders.Current()
		if logged.Len() != 0 || order == nil || order.Description != "Premium subscription" || !order.Amount.Equal("10") {
			t.Fatalf("logged %q, newest order %+v", logged, order)
		}
		if got := out.done(); !reflect.DeepEqual(got, []string{"Payment created: " + order.OrderID}) {
			t.Fatalf("printed %q", got)
		}
	})
}
