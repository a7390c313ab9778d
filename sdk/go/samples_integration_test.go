//go:build integration

package flux_test

// The seed docs' samples in Go, as README.md shows them (TestReadmeShowsTheTestedSamples keeps the two the same),
// each wrapped in a function so tests can run it. Filled in: the key and base URL (the caller's client, or apiKey and
// baseURL for the net/http sample) and the Code Example's wallet placeholder YOUR_PI_WALLET.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"

	flux "github.com/flux/flux-pi-sdk"
)

// creditUsageExample is "Credit Usage Example".
func creditUsageExample(ctx context.Context, client *flux.Client) error {
	// Check your credit balance
	credits, err := client.Credits.GetBalance(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("Credits remaining: %d\n", credits.Available)
	// Monitor credit usage
	client.On(ctx, "credit.used", func(event *flux.Event) error {
		fmt.Printf("Credit used for order %s\n", event.OrderID)
		fmt.Printf("Credits remaining: %d\n", event.CreditsRemaining)
		return nil
	})
	return nil
}

// codeExample is "Code Example"; it returns the button.
func codeExample(ctx context.Context, client *flux.Client, YOUR_PI_WALLET string) (*flux.Button, error) {
	// Create an order button
	button, err := client.Buttons.Create(ctx, &flux.ButtonParams{
		Amount:         "10.0",
		MerchantWallet: YOUR_PI_WALLET, // Payments go directly here
		OnOrderConfirmed: func(transaction *flux.Transaction) {
			fmt.Println("Order confirmed!", transaction.Amount)
			fmt.Println("Transaction ID:", transaction.ID)
			// Credit used for confirmation
			fmt.Println("Credits remaining:", transaction.CreditsRemaining)
		},
	})
	return button, err
}

// authenticationCodeSample is "Authentication Code Samples"; it returns what fetchPayments gives.
func authenticationCodeSample(apiKey, baseURL string) (map[string]interface{}, error) {
	// Using net/http with authentication header
	fetchPayments := func() (map[string]interface{}, error) {
		req, err := http.NewRequest("GET", baseURL+"/v1/payments", nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Authorization", "Bearer "+apiKey)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			log.Println("Error fetching payments:", err)
			return nil, err
		}
		defer resp.Body.Close()
		var data map[string]interface{}
		decoder := json.NewDecoder(resp.Body)
		decoder.UseNumber() // amounts stay exact, never float64
		if err := decoder.Decode(&data); err != nil {
			log.Println("Error fetching payments:", err)
			return nil, err
		}
		fmt.Println("Payments:", data)
		return data, nil
	}
	return fetchPayments()
}

// handlingErrors is "Handling Errors".
func handlingErrors(ctx context.Context, client *flux.Client) {
	payment, err := client.Payments.Create(ctx, &flux.OrderParams{
		Amount:      "10.0",
		Currency:    "PI",
		Description: "Premium subscription",
	})
	var fluxErr *flux.Error
	switch {
	case err == nil:
		// Handle successful payment
		fmt.Println("Payment created:", payment.OrderID)
	case !errors.As(err, &fluxErr):
		log.Println("Unexpected error:", err)
	case fluxErr.Type == flux.AuthenticationError:
		log.Println("Authentication failed:", fluxErr.Message)
		// Handle authentication error
	case fluxErr.Type == flux.InvalidRequest:
		log.Println("Invalid request:", fluxErr.Message)
		// Handle invalid parameters
	case fluxErr.Type == flux.RateLimitExceeded:
		log.Println("Rate limit exceeded. Try again later.")
		// Implement backoff strategy
	default:
		log.Println("Unexpected error:", fluxErr.Message)
		// Handle other errors
	}
}
