package flux_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	flux "github.com/flux/flux-pi-sdk"
)

// The signatures here are made with crypto/hmac directly, as Flux makes them, not with the SDK.

const webhookSecret = "whsec_TestSecret0123456789abcdefXYZ"

var webhookBody = []byte(`{"id":"evt_3kTqV9f2LmN8pQ1r","object":"event","type":"credit.used","created_at":"2026-11-25T16:00:00Z",` +
	`"livemode":false,"data":{"order_id":"ord_8f7sd6f876dsf","credits_remaining":99}}`)

func signed(body []byte, at int64, secret string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "%d.%s", at, body)
	return fmt.Sprintf("t=%d,v1=%s", at, hex.EncodeToString(mac.Sum(nil)))
}

func now() int64 { return time.Now().Unix() }

func verificationError(t *testing.T, err error, message string) {
	t.Helper()
	var fluxErr *flux.Error
	if !errors.As(err, &fluxErr) || fluxErr.Type != flux.SignatureVerificationError {
		t.Fatalf("error %v is not a signature_verification_error", err)
	}
	if !strings.Contains(fluxErr.Message, message) {
		t.Fatalf("message %q lacks %q", fluxErr.Message, message)
	}
}

func TestACorrectlySignedBodyGivesTheEvent(t *testing.T) {
	event, err := flux.ConstructEvent(webhookBody, signed(webhookBody, now(), webhookSecret), webhookSecret, 0)
	if err != nil {
		t.Fatal(err)
	}
	if event.ID != "evt_3kTqV9f2LmN8pQ1r" || event.Type != "credit.used" || event.OrderID != "ord_8f7sd6f876dsf" || event.CreditsRemaining != 99 {
		t.Fatalf("event %+v", event)
	}
	if !event.CreatedAt.Equal(time.Date(2026, 11, 25, 16, 0, 0, 0, time.UTC)) || string(event.Data) != `{"order_id":"ord_8f7sd6f876dsf","credits_remaining":99}` {
		t.Fatalf("event %+v", event)
	}
}

func TestSeveralV1SignaturesAreAcceptedWhenOneMatches(t *testing.T) {
	at := now()
	header := signed(webhookBody, at, "whsec_old") + ",v1=" + strings.Split(signed(webhookBody, at, webhookSecret), "v1=")[1]
	if _, err := flux.ConstructEvent(webhookBody, header, webhookSecret, 0); err != nil {
		t.Fatal(err)
	}
}

func TestATamperedBodyIsRefused(t *testing.T) {
	header := signed(webhookBody, now(), webhookSecret)
	tampered := []byte(strings.Replace(string(webhookBody), `"credits_remaining":99`, `"credits_remaining":999`, 1))
	_, err := flux.ConstructEvent(tampered, header, webhookSecret, 0)
	verificationError(t, err, "matches the body")
}

func TestAnotherSecretsSignatureIsRefused(t *testing.T) {
	_, err := flux.ConstructEvent(webhookBody, signed(webhookBody, now(), "whsec_other"), webhookSecret, 0)
	verificationError(t, err, "matches the body")
}

func TestASignatureOlderThanTheToleranceIsRefused(t *testing.T) {
	old := signed(webhookBody, now()-301, webhookSecret)
	_, err := flux.ConstructEvent(webhookBody, old, webhookSecret, 0)
	verificationError(t, err, "tolerance of 300 s")

	if _, err := flux.ConstructEvent(webhookBody, old, webhookSecret, 10*time.Minute); err != nil {
		t.Fatalf("a wider tolerance refused it: %v", err)
	}
	_, err = flux.ConstructEvent(webhookBody, signed(webhookBody, now()-61, webhookSecret), webhookSecret, time.Minute)
	verificationError(t, err, "tolerance of 60 s")
}

func TestATimeChangedInTheHeaderBreaksTheSignature(t *testing.T) {
	at := now()
	header := strings.Replace(signed(webhookBody, at, webhookSecret), fmt.Sprintf("t=%d", at), fmt.Sprintf("t=%d", at+1), 1)
	_, err := flux.ConstructEvent(webhookBody, header, webhookSecret, 0)
	verificationError(t, err, "matches the body")
}

func TestMissingOrMalformedHeadersAndSecretsAreRefusedClearly(t *testing.T) {
	at := now()
	cases := []struct{ header, secret, message string }{
		{"", webhookSecret, "header is missing"},
		{"v1=abc", webhookSecret, "t=<unix seconds>,v1=<hex signature>"},
		{fmt.Sprintf("t=%d", at), webhookSecret, "t=<unix seconds>,v1=<hex signature>"},
		{fmt.Sprintf("t=%d,t=%d,v1=00", at, at), webhookSecret, "t=<unix seconds>,v1=<hex signature>"},
		{signed(webhookBody, at, webhookSecret), "", "secret"},
	}
	for _, c := range cases {
		_, err := flux.ConstructEvent(webhookBody, c.header, c.secret, 0)
		verificationError(t, err, c.message)
	}
}

func TestGenerateTestHeaderSignsAsFluxDoes(t *testing.T) {
	at := time.Unix(1764086400, 0)
	if got := flux.GenerateTestHeader(webhookBody, webhookSecret, at); got != signed(webhookBody, at.Unix(), webhookSecret) {
		t.Fatalf("GenerateTestHeader = %s", got)
	}
}
