package flux

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// sdkUserAgent names the SDK in every request, as the Node SDK does.
const sdkUserAgent = "flux-pi-sdk (go)"

// RequestOption adjusts one call.
type RequestOption func(*requestOptions)

type requestOptions struct {
	idempotencyKey string
}

// WithIdempotencyKey sends this Idempotency-Key instead of a random one, so the call is safe to repeat across
// restarts: Flux answers a repeat with the first answer.
func WithIdempotencyKey(key string) RequestOption {
	return func(o *requestOptions) { o.idempotencyKey = key }
}

// backend sends API requests: JSON bodies, the key as a Bearer token, an Idempotency-Key on every POST (one per call,
// the same on each of its retries), and retries after network errors, 409, 429 and 5xx.
type backend struct {
	apiKey            string
	baseURL           string
	httpClient        *http.Client
	maxNetworkRetries int
	initialRetryDelay time.Duration
}

func (b *backend) url(path string, query url.Values) string {
	if len(query) == 0 {
		return b.baseURL + path
	}
	return b.baseURL + path + "?" + query.Encode()
}

func (b *backend) authorize(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+b.apiKey)
	req.Header.Set("User-Agent", sdkUserAgent)
}

func (b *backend) missingKey() *Error {
	return &Error{Type: AuthenticationError, Message: "No API key given: flux.NewClient(apiKey) needs your sk_test_… or sk_live_… key (or set FLUX_API_KEY)."}
}

// callFor makes a call whose answer is one object, and gives it: every single-object method reads through it.
func callFor[T any](ctx context.Context, b *backend, method, path string, body interface{}, options []RequestOption) (*T, error) {
	var out T
	if err := b.call(ctx, method, path, nil, body, &out, options); err != nil {
		return nil, err
	}
	return &out, nil
}

// call sends one logical request and decodes a 2xx answer into out (when out is not nil).
func (b *backend) call(ctx context.Context, method, path string, query url.Values, body interface{}, out interface{}, options []RequestOption) error {
	if b.apiKey == "" {
		return b.missingKey()
	}
	var payload []byte
	var idempotencyKey string
	if method == http.MethodPost {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return fmt.Errorf("flux: encoding the request: %w", err)
		}
		var o requestOptions
		for _, option := range options {
			option(&o)
		}
		idempotencyKey = o.idempotencyKey
		if idempotencyKey == "" {
			idempotencyKey = newUUID()
		}
	}
	target := b.url(path, query)

	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, method, target, bytes.NewReader(payload))
		if err != nil {
			return fmt.Errorf("flux: %w", err)
		}
		b.authorize(req)
		req.Header.Set("Accept", "application/json")
		if method == http.MethodPost {
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Idempotency-Key", idempotencyKey)
		}

		status, header, answer, err := b.send(req)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if attempt < b.maxNetworkRetries {
				if err := sleep(ctx, backoff(attempt, b.initialRetryDelay)); err != nil {
					return err
				}
				continue
			}
			return &Error{
				Type:    APIConnectionError,
				Message: fmt.Sprintf("Could not reach Flux at %s (%v) after %d attempt(s).", b.baseURL, err, attempt+1),
				Err:     err,
			}
		}

		if status >= 200 && status < 300 {
			if out == nil || len(answer) == 0 {
				return nil
			}
			if err := json.Unmarshal(answer, out); err != nil {
				return &Error{Type: APIConnectionError, Message: fmt.Sprintf("Flux's answer could not be read: %v", err), HTTPStatus: status, Header: header, RequestID: header.Get("Request-Id"), Err: err}
			}
			return nil
		}
		if retryableStatus(status) && attempt < b.maxNetworkRetries {
			delay, ok := retryAfter(header, time.Now())
			if !ok {
				delay = backoff(attempt, b.initialRetryDelay)
			}
			if err := sleep(ctx, delay); err != nil {
				return err
			}
			continue
		}
		return errorFromResponse(status, header, answer)
	}
}

// send makes one attempt; a connection dropped while the answer is read counts as a network error.
func (b *backend) send(req *http.Request) (int, http.Header, []byte, error) {
	resp, err := b.httpClient.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, nil, nil, err
	}
	return resp.StatusCode, resp.Header, answer, nil
}

// newUUID is a random (version 4) UUID for Idempotency-Key.
func newUUID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("flux: crypto/rand failed: " + err.Error())
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
