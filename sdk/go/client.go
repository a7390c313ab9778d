package flux

import (
	"context"
	"log"
	"net/http"
	"os"
	"strings"
	"time"
)

// DefaultBaseURL is the hosted Flux API.
const DefaultBaseURL = "https://api.flux.io"

// Client calls the Flux API with one secret key. It is safe for concurrent use.
type Client struct {
	Orders           *OrdersService
	Payments         *PaymentsService
	Refunds          *RefundsService
	Credits          *CreditsService
	Buttons          *ButtonsService
	PaymentLinks     *PaymentLinksService
	Wallets          *WalletsService
	Reviews          *ReviewsService
	Events           *EventsService
	WebhookEndpoints *WebhookEndpointsService

	backend *backend
	stream  *eventStream
}

// Option configures a Client.
type Option func(*settings)

type settings struct {
	baseURL           string
	httpClient        *http.Client
	maxNetworkRetries int
	initialRetryDelay time.Duration
	onStreamError     func(error)
}

// WithBaseURL names the Flux server ("http://localhost:5000" for a local Flux). Without it the FLUX_BASE_URL
// environment variable is used, else DefaultBaseURL.
func WithBaseURL(url string) Option {
	return func(s *settings) { s.baseURL = url }
}

// WithHTTPClient sends requests through this client (proxies, transports). Its Timeout bounds each attempt; the
// default client's is 80 s.
func WithHTTPClient(client *http.Client) Option {
	return func(s *settings) { s.httpClient = client }
}

// WithMaxNetworkRetries sets how often a request is retried after a network error, 409, 429 or 5xx (default 2).
func WithMaxNetworkRetries(retries int) Option {
	return func(s *settings) { s.maxNetworkRetries = retries }
}

// WithInitialRetryDelay sets the first retry delay, doubled each retry with jitter up to 8 s (default 500 ms); a
// Retry-After header wins.
func WithInitialRetryDelay(delay time.Duration) Option {
	return func(s *settings) { s.initialRetryDelay = delay }
}

// WithStreamErrorHandler receives what goes wrong on the event stream: an error answer (a refused key, a 5xx), a
// handler's returned error. A dropped connection is not one: it is reopened and resumed. Without a handler such
// errors are logged with the standard logger.
func WithStreamErrorHandler(handler func(error)) Option {
	return func(s *settings) { s.onStreamError = handler }
}

// NewClient makes a client for a secret key (sk_test_… in the sandbox, sk_live_… in production); an empty key
// falls back to the FLUX_API_KEY environment variable. A client without any key answers every call with an
// AuthenticationError.
func NewClient(apiKey string, options ...Option) *Client {
	s := settings{
		baseURL:           os.Getenv("FLUX_BASE_URL"),
		httpClient:        &http.Client{Timeout: 80 * time.Second},
		maxNetworkRetries: 2,
		initialRetryDelay: 500 * time.Millisecond,
		onStreamError:     func(err error) { log.Printf("flux-pi-sdk event stream: %v", err) },
	}
	for _, option := range options {
		option(&s)
	}
	if s.baseURL == "" {
		s.baseURL = DefaultBaseURL
	}
	if strings.TrimSpace(apiKey) == "" {
		apiKey = os.Getenv("FLUX_API_KEY")
	}

	b := &backend{
		apiKey:            strings.TrimSpace(apiKey),
		baseURL:           strings.TrimRight(s.baseURL, "/"),
		httpClient:        s.httpClient,
		maxNetworkRetries: s.maxNetworkRetries,
		initialRetryDelay: s.initialRetryDelay,
	}
	c := &Client{backend: b, stream: newEventStream(b, s.onStreamError)}
	c.Orders = &OrdersService{b}
	c.Payments = &PaymentsService{b}
	c.Refunds = &RefundsService{b}
	c.Credits = &CreditsService{b}
	c.Buttons = &ButtonsService{b, c.stream}
	c.PaymentLinks = &PaymentLinksService{b}
	c.Wallets = &WalletsService{b}
	c.Reviews = &ReviewsService{b}
	c.Events = &EventsService{b}
	c.WebhookEndpoints = &WebhookEndpointsService{b}
	return c
}

// BaseURL is the Flux server this client calls.
func (c *Client) BaseURL() string {
	return c.backend.baseURL
}

// On calls handler for each event of this type ("*": every type) from GET /v1/events/stream, until ctx is done or
// Close is called. All handlers share one connection, opened by the first On; it resumes with Last-Event-ID after a
// drop, so no event is lost or delivered twice. Handlers run one at a time on the stream's goroutine; an error
// they return goes to the stream error handler (WithStreamErrorHandler).
func (c *Client) On(ctx context.Context, eventType string, handler func(*Event) error) {
	c.stream.on(ctx, eventType, handler)
}

// Ready waits until the event stream is open: handlers get every event from then on. It returns the stream's error
// when Flux refused it (a wrong key), or ctx.Err().
func (c *Client) Ready(ctx context.Context) error {
	return c.stream.ready(ctx)
}

// Close ends the event stream and removes every handler; requests still work.
func (c *Client) Close() {
	c.stream.close()
}
