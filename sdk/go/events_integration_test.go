//go:build integration

package flux_test

// The event stream against Flux itself (the samples' tests follow a sandbox payment through it; stream_test.go pins
// reconnecting and resuming on a stub).

import (
	"context"
	"errors"
	"sync"
	"testing"

	flux "github.com/flux/flux-pi-sdk"
)

func TestAWrongKeyOnTheStreamFailsReadyAndIsReportedOnce(t *testing.T) {
	var mu sync.Mutex
	var reported []error
	client := flux.NewClient(wrongKey, flux.WithBaseURL(baseURL(t)),
		flux.WithStreamErrorHandler(func(err error) { mu.Lock(); reported = append(reported, err); mu.Unlock() }))
	defer client.Close()

	client.On(context.Background(), "*", func(*flux.Event) error { return nil })
	err := client.Ready(context.Background())

	var fluxErr *flux.Error
	if !errors.As(err, &fluxErr) || fluxErr.Type != flux.AuthenticationError || fluxErr.HTTPStatus != 401 {
		t.Fatalf("Ready = %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(reported) != 1 {
		t.Fatalf("reported %v", reported)
	}
}

func TestHandlersGetTheEventsFromWhenOnWasCalled(t *testing.T) {
	ctx := context.Background()
	client := newClient(t, apiKey(t))
	before, err := client.Orders.Create(ctx, &flux.OrderParams{Amount: "1", Description: "Before On"})
	fatalIf(t, err)
	var created events

	client.On(ctx, "order.created", created.add)
	fatalIf(t, client.Ready(ctx))
	after, err := client.Orders.Create(ctx, &flux.OrderParams{Amount: "2", Description: "After On"})
	fatalIf(t, err)
	waitFor(t, "order.created", func() bool { return len(created.ids()) == 1 })

	created.mu.Lock()
	defer created.mu.Unlock()
	if got := created.got[0]; got.OrderID != after.OrderID || !got.Amount.Equal("2") || got.OrderID == before.OrderID {
		t.Fatalf("got %+v", got.EventData)
	}
}
