package flux

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

const (
	maxReconnectDelay = 30 * time.Second
	// Flux sends a heartbeat every 15 s on an idle stream: a minute of silence is a connection that died unnoticed.
	streamIdleTimeout = 60 * time.Second
)

var errNoHandlers = errors.New("flux: no event handler is registered: call client.On first")

type handlerEntry struct {
	eventType string
	handle    func(*Event) error
}

// eventStream is one shared Server-Sent Events connection to /v1/events/stream for every On handler. A dropped
// connection is opened again after a backoff with Last-Event-ID, so Flux replays what was missed.
type eventStream struct {
	backend *backend
	onError func(error)

	mu          sync.Mutex
	handlers    []*handlerEntry
	lastEventID string
	logWasEmpty bool
	running     bool
	open        bool
	failure     error
	stop        context.CancelFunc
	closed      chan struct{} // closed by close(): ends the goroutines that watch handlers' contexts
	changed     chan struct{} // closed and replaced whenever open, running or failure change
}

func newEventStream(b *backend, onError func(error)) *eventStream {
	return &eventStream{backend: b, onError: onError, closed: make(chan struct{}), changed: make(chan struct{})}
}

func (s *eventStream) on(ctx context.Context, eventType string, handle func(*Event) error) {
	entry := &handlerEntry{eventType: eventType, handle: handle}
	s.mu.Lock()
	s.handlers = append(s.handlers, entry)
	if !s.running {
		s.startLocked()
	}
	closed := s.closed
	s.mu.Unlock()

	if ctx.Done() != nil {
		go func() {
			select {
			case <-ctx.Done():
				s.remove(entry)
			case <-closed:
			}
		}()
	}
}

// remove drops a handler whose context ended; the connection closes with the last one.
func (s *eventStream) remove(entry *handlerEntry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, h := range s.handlers {
		if h == entry {
			s.handlers = append(s.handlers[:i:i], s.handlers[i+1:]...)
			break
		}
	}
	if len(s.handlers) == 0 {
		s.stopLocked(nil)
	}
}

func (s *eventStream) ready(ctx context.Context) error {
	for {
		s.mu.Lock()
		open, running, failure, changed := s.open, s.running, s.failure, s.changed
		s.mu.Unlock()
		switch {
		case open:
			return nil
		case failure != nil:
			return failure
		case !running:
			return errNoHandlers
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func (s *eventStream) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handlers = nil
	s.stopLocked(nil)
	close(s.closed)
	s.closed = make(chan struct{})
}

func (s *eventStream) startLocked() {
	ctx, stop := context.WithCancel(context.Background())
	s.running, s.failure, s.stop = true, nil, stop
	s.broadcastLocked()
	go s.run(ctx)
}

// stopLocked ends the running connection; failure is kept for ready() when the stream ended on an error.
func (s *eventStream) stopLocked(failure error) {
	if s.stop != nil {
		s.stop()
		s.stop = nil
	}
	s.running, s.open, s.failure = false, false, failure
	s.broadcastLocked()
}

func (s *eventStream) broadcastLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *eventStream) setOpen(ctx context.Context, open bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ctx.Err() == nil && s.open != open {
		s.open = open
		s.broadcastLocked()
	}
}

func (s *eventStream) run(ctx context.Context) {
	s.findStart(ctx)
	for attempt := 0; ctx.Err() == nil; attempt++ {
		if err := s.catchUpFromEmptyLog(ctx); err != nil && ctx.Err() == nil {
			s.report(err)
		}
		received, err := s.readOnce(ctx)
		if ctx.Err() != nil {
			return
		}
		var apiErr *Error
		if errors.As(err, &apiErr) && apiErr.HTTPStatus >= 400 && apiErr.HTTPStatus < 500 && apiErr.HTTPStatus != http.StatusTooManyRequests {
			s.fail(ctx, err)
			return
		}
		if received {
			attempt = 0
		}
		s.setOpen(ctx, false)
		delay := backoff(attempt, s.backend.initialRetryDelay)
		if delay > maxReconnectDelay {
			delay = maxReconnectDelay
		}
		if sleep(ctx, delay) != nil {
			return
		}
	}
}

// findStart resumes after the newest event when the first handler was added, so nothing that happens from On on is
// missed even if the first connection takes a while. Best effort: without it the stream starts with the next event.
func (s *eventStream) findStart(ctx context.Context) {
	s.mu.Lock()
	known := s.lastEventID != ""
	s.mu.Unlock()
	if known {
		return
	}
	var page Page[Event]
	err := s.backend.call(ctx, http.MethodGet, "/v1/events", (&ListParams{Limit: 1}).query(), nil, &page, nil)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.logWasEmpty = err == nil && len(page.Data) == 0
	if err == nil && len(page.Data) > 0 {
		s.lastEventID = page.Data[0].ID
	}
}

// catchUpFromEmptyLog: with no event seen yet and an empty log at the start, every event now in the log happened
// after On, so each is delivered (oldest first) before connecting; the connection then resumes after the last.
func (s *eventStream) catchUpFromEmptyLog(ctx context.Context) error {
	s.mu.Lock()
	needed := s.lastEventID == "" && s.logWasEmpty
	s.mu.Unlock()
	if !needed {
		return nil
	}
	var newestFirst []Event
	events := newList(ctx, s.backend, "/v1/events", (&ListParams{Limit: 100}).query(), func(e *Event) string { return e.ID })
	for events.Next() {
		newestFirst = append(newestFirst, *events.Current())
	}
	if err := events.Err(); err != nil {
		return err
	}
	for i := len(newestFirst) - 1; i >= 0; i-- {
		s.deliver(ctx, &newestFirst[i], newestFirst[i].ID)
	}
	return nil
}

// readOnce reads one connection until it ends; received tells whether it delivered anything. An error answer is
// returned as *Error; a 4xx other than 429 ends the stream.
func (s *eventStream) readOnce(ctx context.Context) (received bool, err error) {
	if s.backend.apiKey == "" {
		return false, s.backend.missingKey()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.backend.url("/v1/events/stream", nil), nil)
	if err != nil {
		return false, err
	}
	s.backend.authorize(req)
	req.Header.Set("Accept", "text/event-stream")
	s.mu.Lock()
	if s.lastEventID != "" {
		req.Header.Set("Last-Event-ID", s.lastEventID)
	}
	s.mu.Unlock()

	// The request client's Timeout would cut a healthy stream: this one has none, and an idle timer instead.
	streamClient := &http.Client{Transport: s.backend.httpClient.Transport}
	resp, err := streamClient.Do(req)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(resp.Body)
		apiErr := errorFromResponse(resp.StatusCode, resp.Header, body)
		if resp.StatusCode < 400 || resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests {
			s.report(apiErr)
		}
		return false, apiErr
	}
	s.setOpen(ctx, true)

	idle := time.AfterFunc(streamIdleTimeout, cancel)
	defer idle.Stop()
	frames := newFrameReader(resp.Body)
	for {
		frame, err := frames.next()
		if err != nil {
			return received, err
		}
		idle.Reset(streamIdleTimeout)
		if frame == nil {
			continue
		}
		received = true
		s.dispatch(ctx, frame)
	}
}

func (s *eventStream) dispatch(ctx context.Context, f *frame) {
	var event Event
	if err := json.Unmarshal([]byte(f.data), &event); err != nil {
		s.report(&Error{Type: APIError, Message: fmt.Sprintf("The event stream sent data that is not an event: %v", err), Err: err})
		return
	}
	s.deliver(ctx, &event, f.id)
}

// deliver calls the event's handlers and the "*" ones, outside the lock, so a handler may call On or Close.
func (s *eventStream) deliver(ctx context.Context, event *Event, id string) {
	s.mu.Lock()
	if ctx.Err() != nil {
		s.mu.Unlock()
		return
	}
	if id != "" {
		s.lastEventID = id
	}
	var matching []*handlerEntry
	for _, h := range s.handlers {
		if h.eventType == event.Type || h.eventType == "*" {
			matching = append(matching, h)
		}
	}
	s.mu.Unlock()
	for _, h := range matching {
		if err := h.handle(event); err != nil {
			s.report(fmt.Errorf("flux: %s handler for %s: %w", h.eventType, event.ID, err))
		}
	}
}

func (s *eventStream) fail(ctx context.Context, err error) {
	s.mu.Lock()
	if ctx.Err() == nil {
		s.stopLocked(err)
	}
	s.mu.Unlock()
	s.report(err)
}

func (s *eventStream) report(err error) {
	if s.onError != nil {
		s.onError(err)
	}
}
