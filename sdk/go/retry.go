package flux

import (
	"context"
	"crypto/rand"
	"math/big"
	"net/http"
	"strconv"
	"time"
)

const (
	maxBackoff    = 8 * time.Second
	maxRetryAfter = 60 * time.Second
)

// retryableStatus: 409 (the same idempotent request still running), 429 and the 5xx a retry can cure.
func retryableStatus(status int) bool {
	switch status {
	case http.StatusConflict, http.StatusTooManyRequests, http.StatusInternalServerError,
		http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// backoff is exponential with jitter: about 0.5 s, 1 s, 2 s … up to 8 s for a 500 ms initial delay. The jitter keeps
// many clients refused together from retrying together.
func backoff(attempt int, initial time.Duration) time.Duration {
	base := initial
	for i := 0; i < attempt && base < maxBackoff; i++ {
		base *= 2
	}
	if base > maxBackoff {
		base = maxBackoff
	}
	half := int64(base / 2)
	if half <= 0 {
		return base
	}
	jitter, err := rand.Int(rand.Reader, big.NewInt(half))
	if err != nil {
		return base
	}
	return time.Duration(half + jitter.Int64())
}

// retryAfter reads Retry-After in seconds or as an HTTP date, at most 60 s; ok is false when it is absent or unreadable.
func retryAfter(header http.Header, now time.Time) (delay time.Duration, ok bool) {
	value := header.Get("Retry-After")
	if value == "" {
		return 0, false
	}
	if seconds, err := strconv.ParseFloat(value, 64); err == nil {
		delay = time.Duration(seconds * float64(time.Second))
	} else if at, err := http.ParseTime(value); err == nil {
		delay = at.Sub(now)
	} else {
		return 0, false
	}
	if delay < 0 {
		delay = 0
	}
	if delay > maxRetryAfter {
		delay = maxRetryAfter
	}
	return delay, true
}

// sleep waits, or returns ctx.Err() as soon as ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
