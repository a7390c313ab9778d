package flux

// Bool is a pointer to v, for the optional fields whose false is a value of its own (PaymentListParams.Unmatched,
// WalletUpdateParams.Default): nil leaves them out.
func Bool(v bool) *bool {
	return &v
}

// String is a pointer to v, for the optional fields whose "" is a value of its own (WalletUpdateParams.Label, where ""
// clears the label): nil leaves them out.
func String(v string) *string {
	return &v
}
