package flux

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

// ReviewRequest is a one-time link for the customer of a confirmed order to review a product. ReviewURL is set only
// in the answer that created it: Flux keeps the link's hash, never the link.
type ReviewRequest struct {
	ReviewRequestID string     `json:"review_request_id"`
	ReviewURL       string     `json:"review_url"`
	OrderID         string     `json:"order_id"`
	ProductName     string     `json:"product_name"`
	Status          string     `json:"status"`
	CreatedAt       time.Time  `json:"created_at"`
	ExpiresAt       time.Time  `json:"expires_at"`
	SubmittedAt     *time.Time `json:"submitted_at"`
	Review          *Review    `json:"review"`
	Livemode        bool       `json:"livemode"`
}

// Review is a customer's review with its proof of purchase.
type Review struct {
	ReviewID         string           `json:"review_id"`
	OrderID          string           `json:"order_id"`
	ProductName      string           `json:"product_name"`
	Rating           int              `json:"rating"`
	Title            string           `json:"title"`
	Text             string           `json:"text"`
	DisplayName      string           `json:"display_name"`
	Hidden           bool             `json:"hidden"`
	CreatedAt        time.Time        `json:"created_at"`
	VerifiedPurchase VerifiedPurchase `json:"verified_purchase"`
}

// VerifiedPurchase is the "Verified Pi purchase" badge: the payment's transaction and where to see it.
type VerifiedPurchase struct {
	TransactionHash string    `json:"transaction_hash"`
	PaidAt          time.Time `json:"paid_at"`
	ExplorerURL     string    `json:"explorer_url"`
}

// ReviewParams requests a review of ProductName from the customer of a confirmed order.
type ReviewParams struct {
	OrderID     string `json:"order_id"`
	ProductName string `json:"product_name"`
}

// ReviewsService is /v1/reviews.
type ReviewsService struct {
	backend *backend
}

// Request creates a review link for a confirmed order: POST /v1/reviews.
func (s *ReviewsService) Request(ctx context.Context, params *ReviewParams, options ...RequestOption) (*ReviewRequest, error) {
	if params == nil {
		params = &ReviewParams{}
	}
	return callFor[ReviewRequest](ctx, s.backend, http.MethodPost, "/v1/reviews", params, options)
}

// Get retrieves a review request with its review once written (ReviewURL is empty: the link is shown once):
// GET /v1/reviews/{id}.
func (s *ReviewsService) Get(ctx context.Context, reviewRequestID string) (*ReviewRequest, error) {
	return callFor[ReviewRequest](ctx, s.backend, http.MethodGet, "/v1/reviews/"+url.PathEscape(reviewRequestID), nil, nil)
}

// List walks the review requests, newest first, each with its review once written: GET /v1/reviews.
func (s *ReviewsService) List(ctx context.Context, params *ListParams) *List[ReviewRequest] {
	return newList(ctx, s.backend, "/v1/reviews", params.query(), func(r *ReviewRequest) string { return r.ReviewRequestID })
}
