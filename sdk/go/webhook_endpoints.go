package flux

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

// WebhookEndpoint is a URL Flux POSTs events to, signed with Secret (set only in the answer that created it).
type WebhookEndpoint struct {
	Object        string    `json:"object"`
	ID            string    `json:"id"`
	URL           string    `json:"url"`
	EnabledEvents []string  `json:"enabled_events"`
	Status        string    `json:"status"`
	Description   string    `json:"description"`
	Livemode      bool      `json:"livemode"`
	CreatedAt     time.Time `json:"created_at"`
	Secret        string    `json:"secret,omitempty"`
}

// WebhookEndpointParams creates an endpoint for the events in EnabledEvents (["*"]: every event).
type WebhookEndpointParams struct {
	URL           string   `json:"url"`
	EnabledEvents []string `json:"enabled_events,omitempty"`
	Description   string   `json:"description,omitempty"`
}

// WebhookEndpointUpdateParams changes an endpoint; nil fields are left as they are, and the secret stays. Description
// flux.String("") clears it; Disabled flux.Bool(true) stops sending events, flux.Bool(false) sends them again (an
// endpoint Flux disabled after days of failures too).
type WebhookEndpointUpdateParams struct {
	URL           *string  `json:"url,omitempty"`
	EnabledEvents []string `json:"enabled_events,omitempty"`
	Description   *string  `json:"description,omitempty"`
	Disabled      *bool    `json:"disabled,omitempty"`
}

// DeletedWebhookEndpoint is the answer to Delete.
type DeletedWebhookEndpoint struct {
	Object  string `json:"object"`
	ID      string `json:"id"`
	Deleted bool   `json:"deleted"`
}

// WebhookEndpointsService is /v1/webhook_endpoints.
type WebhookEndpointsService struct {
	backend *backend
}

// Create creates a webhook endpoint: POST /v1/webhook_endpoints. Keep its Secret to verify what Flux sends.
func (s *WebhookEndpointsService) Create(ctx context.Context, params *WebhookEndpointParams, options ...RequestOption) (*WebhookEndpoint, error) {
	if params == nil {
		params = &WebhookEndpointParams{}
	}
	return callFor[WebhookEndpoint](ctx, s.backend, http.MethodPost, "/v1/webhook_endpoints", params, options)
}

// Get retrieves a webhook endpoint: GET /v1/webhook_endpoints/{id}.
func (s *WebhookEndpointsService) Get(ctx context.Context, endpointID string) (*WebhookEndpoint, error) {
	return callFor[WebhookEndpoint](ctx, s.backend, http.MethodGet, "/v1/webhook_endpoints/"+url.PathEscape(endpointID), nil, nil)
}

// Update changes the URL, event types, description or whether events are sent: POST /v1/webhook_endpoints/{id}.
func (s *WebhookEndpointsService) Update(ctx context.Context, endpointID string, params *WebhookEndpointUpdateParams, options ...RequestOption) (*WebhookEndpoint, error) {
	if params == nil {
		params = &WebhookEndpointUpdateParams{}
	}
	return callFor[WebhookEndpoint](ctx, s.backend, http.MethodPost, "/v1/webhook_endpoints/"+url.PathEscape(endpointID), params, options)
}

// List walks the webhook endpoints, newest first: GET /v1/webhook_endpoints.
func (s *WebhookEndpointsService) List(ctx context.Context, params *ListParams) *List[WebhookEndpoint] {
	return newList(ctx, s.backend, "/v1/webhook_endpoints", params.query(), func(e *WebhookEndpoint) string { return e.ID })
}

// Delete stops sending events to an endpoint and deletes it: DELETE /v1/webhook_endpoints/{id}.
func (s *WebhookEndpointsService) Delete(ctx context.Context, endpointID string) (*DeletedWebhookEndpoint, error) {
	return callFor[DeletedWebhookEndpoint](ctx, s.backend, http.MethodDelete, "/v1/webhook_endpoints/"+url.PathEscape(endpointID), nil, nil)
}
