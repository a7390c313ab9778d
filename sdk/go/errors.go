package flux

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// ErrorType is the API's error.code, or one of the SDK's own two types.
type ErrorType string

// The API's error codes (see /docs/errors), then the SDK's own.
const (
	AuthenticationError ErrorType = "authentication_error"
	InvalidRequest      ErrorType = "invalid_request"
	ResourceNotFound    ErrorType = "resource_not_found"
	RateLimitExceeded   ErrorType = "rate_limit_exceeded"
	APIError            ErrorType = "api_error"

	// APIConnectionError: Flux could not be reached, or its answer could not be read, after the retries.
	APIConnectionError ErrorType = "api_connection_error"
	// SignatureVerificationError: a webhook's Flux-Signature does not match its body, or is too old.
	SignatureVerificationError ErrorType = "signature_verification_error"
)

// Error is every failure the SDK returns, as the seed docs' "Handling Errors" reads it. Read it with errors.As:
//
//	var fluxErr *flux.Error
//	if errors.As(err, &fluxErr) && fluxErr.Type == flux.RateLimitExceeded { … }
type Error struct {
	Type    ErrorType
	Message string
	// Param is the field at fault ("amount", "merchant_wallet"), or "".
	Param string
	// RequestID is the failed request's Request-Id (req_…), or "": quote it to support.
	RequestID string
	// HTTPStatus is the answer's status, or 0 when there was no answer.
	HTTPStatus int
	// DocsURL is the error's section on the errors page, or "".
	DocsURL string
	// Header holds the answer's headers (Retry-After, Request-Id), or nil.
	Header http.Header
	// Err is the cause of an APIConnectionError, or nil.
	Err error
}

func (e *Error) Error() string {
	text := fmt.Sprintf("flux: %s: %s", e.Type, e.Message)
	if e.RequestID != "" {
		text += fmt.Sprintf(" (request %s)", e.RequestID)
	}
	return text
}

func (e *Error) Unwrap() error {
	return e.Err
}

// apiErrorBody is the seed docs' error shape: {"error":{"code","message","docs_url","param","request_id"}}.
type apiErrorBody struct {
	Error *struct {
		Code      string  `json:"code"`
		Message   string  `json:"message"`
		DocsURL   string  `json:"docs_url"`
		Param     *string `json:"param"`
		RequestID string  `json:"request_id"`
	} `json:"error"`
}

// errorFromResponse reads an error answer; an answer without the error shape still gives a typed Error.
func errorFromResponse(status int, header http.Header, body []byte) *Error {
	e := &Error{HTTPStatus: status, Header: header, RequestID: header.Get("Request-Id")}
	var parsed apiErrorBody
	if json.Unmarshal(body, &parsed) == nil && parsed.Error != nil && parsed.Error.Code != "" {
		e.Type = ErrorType(parsed.Error.Code)
		e.Message = parsed.Error.Message
		e.DocsURL = parsed.Error.DocsURL
		if parsed.Error.Param != nil {
			e.Param = *parsed.Error.Param
		}
		if parsed.Error.RequestID != "" {
			e.RequestID = parsed.Error.RequestID
		}
		return e
	}
	e.Type = InvalidRequest
	if status >= 500 {
		e.Type = APIError
	}
	e.Message = fmt.Sprintf("Flux answered HTTP %d without an error body.", status)
	return e
}
