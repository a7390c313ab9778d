package flux_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	flux "github.com/flux/flux-pi-sdk"
)

// recorded is one request a stub server received.
type recorded struct {
	Method string
	URL    string
	Header http.Header
	Body   string
}

// stub is an httptest server standing in for Flux: answer(w, r, n) answers the n-th request (from 1).
type stub struct {
	*httptest.Server
	mu       sync.Mutex
	requests []recorded
}

func newStub(t *testing.T, answer func(w http.ResponseWriter, r *http.Request, n int)) *stub {
	t.Helper()
	s := &stub{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.requests = append(s.requests, recorded{r.Method, r.URL.RequestURI(), r.Header.Clone(), string(body)})
		n := len(s.requests)
		s.mu.Unlock()
		answer(w, r, n)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *stub) recorded() []recorded {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]recorded(nil), s.requests...)
}

// client is a client of the stub with short retry delays.
func (s *stub) client(options ...flux.Option) *flux.Client {
	return flux.NewClient("sk_test_stub", append([]flux.Option{flux.WithBaseURL(s.URL), flux.WithInitialRetryDelay(10 * time.Millisecond)}, options...)...)
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprint(w, body)
}

// stubRequestID is the Request-Id of the stub's error answers.
const stubRequestID = "req_Stub0000000000"

// writeError answers in the API's error shape.
func writeError(w http.ResponseWriter, status int, code, param string) {
	requestID := stubRequestID
	paramJSON, _ := json.Marshal(param)
	if param == "" {
		paramJSON = []byte("null")
	}
	w.Header().Set("Request-Id", requestID)
	writeJSON(w, status, fmt.Sprintf(`{"error":{"code":%q,"message":"Answered by the stub (%d).","docs_url":"https://docs.flux.test/errors#%s","param":%s,"request_id":%q}}`,
		code, status, code, paramJSON, requestID))
}

const orderJSON = `{"order_id":"ord_1","amount":12.3456789,"status":"pending_confirmation","created_at":"2026-05-27T22:45:13Z","currency":"PI",` +
	`"description":"Tea","memo":"ord_1","pay_to":"GABC","expires_at":"2026-05-27T23:15:13Z","checkout_url":"https://flux.test/checkout/ord_1",` +
	`"amount_received":0,"overpaid":false,"paid_at":null,"confirmed_at":null,"canceled_at":null,"transaction_hash":null,"livemode":false}`
