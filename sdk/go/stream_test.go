package flux_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"sync"
	"testing"
	"time"

	flux "github.com/flux/flux-pi-sdk"
)

func eventJSON(id, eventType, data string) string {
	return fmt.Sprintf(`{"id":%q,"object":"event","type":%q,"created_at":"2026-11-25T16:00:00Z","livemode":false,"data":%s}`, id, eventType, data)
}

func writeFrame(w http.ResponseWriter, id, eventType, data string) {
	fmt.Fprintf(w, "id: %s\nevent: %s\ndata: %s\n\n", id, eventType, eventJSON(id, eventType, data))
	w.(http.Flusher).Flush()
}

func openStream(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(200)
	fmt.Fprint(w, "retry: 3000\n\n")
	w.(http.Flusher).Flush()
}

// events collects what handlers got, safely across the stream's goroutine.
type events struct {
	mu  sync.Mutex
	got []*flux.Event
}

func (e *events) add(event *flux.Event) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.got = append(e.got, event)
	return nil
}

func (e *events) ids() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	var ids []string
	for _, event := range e.got {
		ids = append(ids, event.ID)
	}
	return ids
}

func eventually(t *testing.T, what string, check func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !check(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func TestHandlersGetTheirEventsAndADroppedStreamResumesAfterTheLastOne(t *testing.T) {
	release := make(chan struct{})
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case r.URL.Path == "/v1/events":
			writeJSON(w, 200, `{"object":"list","data":[`+eventJSON("evt_0", "order.created", `{"order_id":"ord_0"}`)+`],"has_more":true}`)
		case r.Header.Get("Last-Event-ID") == "evt_0":
			openStream(w)
			writeFrame(w, "evt_1", "order.confirmed", `{"order_id":"ord_1","amount":10.0,"status":"confirmed","transaction_hash":"ab12","credits_remaining":99}`)
			writeFrame(w, "evt_2", "credit.used", `{"order_id":"ord_1","credits_remaining":99}`)
			// Returning drops the connection, as a flaky network would.
		default:
			openStream(w)
			fmt.Fprint(w, ": heartbeat\n\n")
			writeFrame(w, "evt_3", "credit.used", `{"order_id":"ord_2","credits_remaining":98}`)
			select {
			case <-release:
			case <-r.Context().Done():
			}
		}
	})
	defer close(release)
	client := s.client()
	defer client.Close()
	var used, all events

	client.On(context.Background(), "credit.used", used.add)
	client.On(context.Background(), "*", all.add)
	if err := client.Ready(context.Background()); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the event after the reconnect", func() bool { return len(used.ids()) == 2 })

	if !reflect.DeepEqual(used.ids(), []string{"evt_2", "evt_3"}) || !reflect.DeepEqual(all.ids(), []string{"evt_1", "evt_2", "evt_3"}) {
		t.Fatalf("credit.used got %v, * got %v", used.ids(), all.ids())
	}
	confirmed := all.got[0]
	if confirmed.OrderID != "ord_1" || !confirmed.Amount.Equal("10") || confirmed.Status != "confirmed" || confirmed.TransactionHash != "ab12" || confirmed.CreditsRemaining != 99 {
		t.Fatalf("order.confirmed read as %+v", confirmed.EventData)
	}
	var streams []string
	for _, r := range s.recorded() {
		if r.URL == "/v1/events/stream" {
			streams = append(streams, r.Header.Get("Last-Event-ID"))
		}
	}
	if !reflect.DeepEqual(streams, []string{"evt_0", "evt_2"}) {
		t.Fatalf("connections sent Last-Event-ID %v", streams)
	}
	if s.recorded()[0].URL != "/v1/events?limit=1" {
		t.Fatalf("first request %s", s.recorded()[0].URL)
	}
}

func TestEventsLoggedWhileDisconnectedAreCaughtUpWhenTheLogWasEmpty(t *testing.T) {
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case r.URL.RawQuery == "limit=1":
			writeJSON(w, 200, `{"object":"list","data":[],"has_more":false}`)
		case r.URL.Path == "/v1/events":
			if n <= 2 {
				writeJSON(w, 200, `{"object":"list","data":[],"has_more":false}`)
				return
			}
			writeJSON(w, 200, `{"object":"list","data":[`+eventJSON("evt_2", "credit.used", `{}`)+`,`+eventJSON("evt_1", "order.confirmed", `{}`)+`],"has_more":false}`)
		case r.Header.Get("Last-Event-ID") == "":
			openStream(w) // and dropped at once
		default:
			openStream(w)
			<-r.Context().Done()
		}
	})
	client := s.client()
	defer client.Close()
	var all events

	client.On(context.Background(), "*", all.add)
	eventually(t, "the caught-up events", func() bool { return len(all.ids()) == 2 })

	if !reflect.DeepEqual(all.ids(), []string{"evt_1", "evt_2"}) {
		t.Fatalf("got %v", all.ids())
	}
	eventually(t, "the resumed connection", func() bool {
		last := s.recorded()[len(s.recorded())-1]
		return last.URL == "/v1/events/stream" && last.Header.Get("Last-Event-ID") == "evt_2"
	})
}

func TestAWrongKeyOnTheStreamIsReportedOnceAndNotRetried(t *testing.T) {
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) { writeError(w, 401, "authentication_error", "") })
	var mu sync.Mutex
	var reported []error
	client := s.client(flux.WithStreamErrorHandler(func(err error) { mu.Lock(); reported = append(reported, err); mu.Unlock() }))

	client.On(context.Background(), "*", func(*flux.Event) error { return nil })
	err := client.Ready(context.Background())

	var fluxErr *flux.Error
	if !errors.As(err, &fluxErr) || fluxErr.Type != flux.AuthenticationError || fluxErr.HTTPStatus != 401 {
		t.Fatalf("Ready = %v", err)
	}
	time.Sleep(100 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	if len(reported) != 1 || !errors.Is(reported[0], err) {
		t.Fatalf("reported %v", reported)
	}
	streams := 0
	for _, r := range s.recorded() {
		if r.URL == "/v1/events/stream" {
			streams++
		}
	}
	if streams != 1 {
		t.Fatalf("%d stream requests", streams)
	}
}

func TestAServerErrorOnTheStreamIsReportedAndRetried(t *testing.T) {
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.URL.Path == "/v1/events" {
			writeJSON(w, 200, `{"object":"list","data":[`+eventJSON("evt_0", "order.created", `{}`)+`],"has_more":false}`)
			return
		}
		if n == 2 {
			writeError(w, 503, "api_error", "")
			return
		}
		openStream(w)
		writeFrame(w, "evt_1", "credit.used", `{"credits_remaining":5}`)
		<-r.Context().Done()
	})
	var mu sync.Mutex
	var reported []error
	client := s.client(flux.WithStreamErrorHandler(func(err error) { mu.Lock(); reported = append(reported, err); mu.Unlock() }))
	defer client.Close()
	var used events

	client.On(context.Background(), "credit.used", used.add)
	eventually(t, "the event after the 503", func() bool { return len(used.ids()) == 1 })

	mu.Lock()
	defer mu.Unlock()
	var fluxErr *flux.Error
	if len(reported) != 1 || !errors.As(reported[0], &fluxErr) || fluxErr.HTTPStatus != 503 {
		t.Fatalf("reported %v", reported)
	}
}

func TestAHandlersErrorIsReportedAndTheOtherHandlersStillRun(t *testing.T) {
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.URL.Path == "/v1/events" {
			writeJSON(w, 200, `{"object":"list","data":[`+eventJSON("evt_0", "order.created", `{}`)+`],"has_more":false}`)
			return
		}
		openStream(w)
		writeFrame(w, "evt_1", "credit.used", `{}`)
		<-r.Context().Done()
	})
	reported := make(chan error, 1)
	client := s.client(flux.WithStreamErrorHandler(func(err error) { reported <- err }))
	defer client.Close()
	var all events
	failure := errors.New("the shop's database is down")

	client.On(context.Background(), "credit.used", func(*flux.Event) error { return failure })
	client.On(context.Background(), "*", all.add)

	select {
	case err := <-reported:
		if !errors.Is(err, failure) {
			t.Fatalf("reported %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the handler's error was not reported")
	}
	eventually(t, "the other handler", func() bool { return len(all.ids()) == 1 })
}

func TestTheLastHandlersContextEndingClosesTheStream(t *testing.T) {
	closed := make(chan struct{})
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.URL.Path == "/v1/events" {
			writeJSON(w, 200, `{"object":"list","data":[],"has_more":false}`)
			return
		}
		openStream(w)
		<-r.Context().Done()
		close(closed)
	})
	client := s.client()
	ctx, cancel := context.WithCancel(context.Background())

	client.On(ctx, "credit.used", func(*flux.Event) error { return nil })
	if err := client.Ready(context.Background()); err != nil {
		t.Fatal(err)
	}
	cancel()

	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Fatal("the connection stayed open")
	}
	eventually(t, "Ready to say no handler is left", func() bool { return client.Ready(context.Background()) != nil })
}

func TestCloseEndsTheStreamAndOnOpensItAgain(t *testing.T) {
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.URL.Path == "/v1/events" {
			writeJSON(w, 200, `{"object":"list","data":[`+eventJSON("evt_0", "order.created", `{}`)+`],"has_more":false}`)
			return
		}
		openStream(w)
		<-r.Context().Done()
	})
	client := s.client()

	client.On(context.Background(), "*", func(*flux.Event) error { return nil })
	if err := client.Ready(context.Background()); err != nil {
		t.Fatal(err)
	}
	client.Close()
	if err := client.Ready(context.Background()); err == nil {
		t.Fatal("Ready after Close said the stream is open")
	}
	client.On(context.Background(), "*", func(*flux.Event) error { return nil })
	if err := client.Ready(context.Background()); err != nil {
		t.Fatal(err)
	}
	client.Close()
}
