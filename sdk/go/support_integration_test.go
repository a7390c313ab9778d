//go:build integration

package flux_test

// What the integration tests share: the Flux they run against (FLUX_BASE_URL, FLUX_API_KEY, FLUX_LIVE_API_KEY and
// FLUX_WALLET, the merchant's watched default test wallet), raw API calls the SDK has no method for, waiting, and
// output capture for the seed's samples. Flux.Dashboard.Tests/Sdk/GoSdkTests runs each test function on its own as a
// new merchant, so a test may count on a fresh one (100 credits, no orders).

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	flux "github.com/flux/flux-pi-sdk"
)

const wrongKey = "sk_test_NotARealKey0000000000000000000"

func env(t *testing.T, name string) string {
	t.Helper()
	value := os.Getenv(name)
	if value == "" {
		t.Fatalf("%s is not set: run the integration tests through Flux.Dashboard.Tests (GoSdkTests), which starts Flux.", name)
	}
	return value
}

func baseURL(t *testing.T) string    { return env(t, "FLUX_BASE_URL") }
func apiKey(t *testing.T) string     { return env(t, "FLUX_API_KEY") }
func liveAPIKey(t *testing.T) string { return env(t, "FLUX_LIVE_API_KEY") }
func wallet(t *testing.T) string     { return env(t, "FLUX_WALLET") }

func newClient(t *testing.T, key string) *flux.Client {
	client := flux.NewClient(key, flux.WithBaseURL(baseURL(t)))
	t.Cleanup(client.Close)
	return client
}

// api calls the API straight, for what the SDK does not cover, with a key ("" for the public endpoints a shop's page
// calls), and decodes the answer into out.
func api(t *testing.T, key, method, path string, body interface{}, out interface{}) {
	t.Helper()
	payload, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, baseURL(t)+path, bytes.NewReader(payload))
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		t.Fatalf("%s %s answered %d: %s", method, path, resp.StatusCode, answer)
	}
	decoder := json.NewDecoder(bytes.NewReader(answer))
	decoder.UseNumber()
	if err := decoder.Decode(out); err != nil {
		t.Fatal(err)
	}
}

// payInSandbox pays an order from the seed's sandbox test wallet, so Flux's watcher confirms it.
func payInSandbox(t *testing.T, orderID string) map[string]interface{} {
	t.Helper()
	var payment map[string]interface{}
	api(t, apiKey(t), http.MethodPost, "/v1/sandbox/payments", map[string]string{"order_id": orderID}, &payment)
	return payment
}

func waitFor(t *testing.T, what string, check func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); !check(); time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after 20 s waiting for %s", what)
		}
	}
}

func waitForStatus(t *testing.T, client *flux.Client, orderID, status string) {
	t.Helper()
	waitFor(t, orderID+" "+status, func() bool {
		order, err := client.Orders.Get(context.Background(), orderID)
		return err == nil && order.Status == status
	})
}

// stdout records what the seed's samples print (and still prints it), until the test ends.
type stdout struct {
	mu     sync.Mutex
	text   bytes.Buffer
	saved  *os.File
	writer *os.File
	copied chan struct{}
}

func captureStdout(t *testing.T) *stdout {
	t.Helper()
	reader, writer, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	c := &stdout{saved: os.Stdout, writer: writer, copied: make(chan struct{})}
	os.Stdout = writer
	go func() {
		defer close(c.copied)
		chunk := make([]byte, 4096)
		for {
			n, err := reader.Read(chunk)
			c.mu.Lock()
			c.text.Write(chunk[:n])
			c.mu.Unlock()
			c.saved.Write(chunk[:n])
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(c.restore)
	return c
}

// done restores stdout and gives everything printed, line by line.
func (c *stdout) done() []string {
	c.restore()
	return c.lines()
}

// lines is what was printed so far, line by line (a line printed a moment ago may still be on its way).
func (c *stdout) lines() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	text := strings.TrimRight(c.text.String(), "\n")
	if text == "" {
		return nil
	}
	return strings.Split(text, "\n")
}

func (c *stdout) restore() {
	if os.Stdout == c.writer {
		os.Stdout = c.saved
		c.writer.Close()
		<-c.copied
	}
}

// captureLog records what the standard logger writes (the samples' error lines), without its date prefix.
func captureLog(t *testing.T) *bytes.Buffer {
	var lines bytes.Buffer
	flags := log.Flags()
	log.SetOutput(&lines)
	log.SetFlags(0)
	t.Cleanup(func() {
		log.SetOutput(os.Stderr)
		log.SetFlags(flags)
	})
	return &lines
}

func fatalIf(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
