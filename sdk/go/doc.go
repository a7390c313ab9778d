// Package flux is the official Go SDK for Flux: confirm Pi orders, watch credits, create order buttons, request
// verified reviews, follow events live and verify webhooks.
//
//	client := flux.NewClient(os.Getenv("FLUX_API_KEY"))
//	balance, err := client.Credits.GetBalance(ctx)
//
// Every call takes a context.Context. Amounts are exact decimal strings (Amount), never float64. Failures are *Error
// values carrying the API's error type, message, param, request id and HTTP status; use errors.As to read them.
// POSTs carry an Idempotency-Key kept across retries, and requests are retried after network errors, 409, 429
// (honouring Retry-After) and 5xx. The package uses the standard library only.
package flux
