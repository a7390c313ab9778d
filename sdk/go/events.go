package flux

import (
	"context"
	"net/http"
	"net/url"
)

// EventListParams pages the event log; Type keeps one type ("order.confirmed") or a family ("order.*").
type EventListParams struct {
	ListParams
	Type string
}

func (p *EventListParams) query() url.Values {
	if p == nil {
		return url.Values{}
	}
	q := p.ListParams.query()
	setText(q, "type", p.Type)
	return q
}

// EventsService is /v1/events, the event log. Client.On follows it live.
type EventsService struct {
	backend *backend
}

// List walks the events, newest first: GET /v1/events.
func (s *EventsService) List(ctx context.Context, params *EventListParams) *List[Event] {
	return newList(ctx, s.backend, "/v1/events", params.query(), func(e *Event) string { return e.ID })
}

// Get retrieves an event: GET /v1/events/{id}.
func (s *EventsService) Get(ctx context.Context, eventID string) (*Event, error) {
	return callFor[Event](ctx, s.backend, http.MethodGet, "/v1/events/"+url.PathEscape(eventID), nil, nil)
}
