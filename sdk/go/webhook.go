package flux

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// DefaultTolerance is how far a webhook's signature time may be from now before ConstructEvent refuses it.
const DefaultTolerance = 300 * time.Second

var unixSeconds = regexp.MustCompile(`^[0-9]+$`)

// ConstructEvent checks a webhook's Flux-Signature header,
// "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>", and returns the event. Pass the raw body exactly
// as received. It fails with a SignatureVerificationError when no v1 signature matches (a tampered body, the wrong
// secret) or when the time is more than tolerance from now (a replayed webhook); tolerance 0 means DefaultTolerance.
func ConstructEvent(payload []byte, header, secret string, tolerance time.Duration) (*Event, error) {
	if tolerance <= 0 {
		tolerance = DefaultTolerance
	}
	if secret == "" {
		return nil, signatureError("The webhook endpoint secret (whsec_…) is missing.")
	}
	if header == "" {
		return nil, signatureError("The Flux-Signature header is missing.")
	}
	var timestamps, signatures []string
	for _, part := range strings.Split(header, ",") {
		key, value, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch key {
		case "t":
			timestamps = append(timestamps, value)
		case "v1":
			signatures = append(signatures, value)
		}
	}
	if len(timestamps) != 1 || !unixSeconds.MatchString(timestamps[0]) || len(signatures) == 0 {
		return nil, signatureError("The Flux-Signature header is not in the form t=<unix seconds>,v1=<hex signature>.")
	}
	timestamp, err := strconv.ParseInt(timestamps[0], 10, 64)
	if err != nil {
		return nil, signatureError("The Flux-Signature header's time is out of range.")
	}

	expected := sign(payload, secret, timestamp)
	matched := false
	for _, signature := range signatures {
		given, err := hex.DecodeString(signature)
		if err == nil && hmac.Equal(given, expected) {
			matched = true
		}
	}
	if !matched {
		return nil, signatureError("No signature in the Flux-Signature header matches the body: check the endpoint secret and pass the raw body unchanged.")
	}
	age := time.Now().Unix() - timestamp
	if age < 0 {
		age = -age
	}
	if time.Duration(age)*time.Second > tolerance {
		return nil, signatureError(fmt.Sprintf("The signature's timestamp is %d s away from now, more than the tolerance of %d s (a replayed or delayed webhook).", age, int64(tolerance/time.Second)))
	}

	var event Event
	if err := json.Unmarshal(payload, &event); err != nil {
		return nil, signatureError(fmt.Sprintf("The signed body is not an event: %v", err))
	}
	return &event, nil
}

// GenerateTestHeader signs a body as Flux does, for tests of a webhook handler: the Flux-Signature header's value.
func GenerateTestHeader(payload []byte, secret string, at time.Time) string {
	return fmt.Sprintf("t=%d,v1=%s", at.Unix(), hex.EncodeToString(sign(payload, secret, at.Unix())))
}

func sign(payload []byte, secret string, timestamp int64) []byte {
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "%d.", timestamp)
	mac.Write(payload)
	return mac.Sum(nil)
}

func signatureError(message string) *Error {
	return &Error{Type: SignatureVerificationError, Message: message}
}
