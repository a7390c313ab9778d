package flux

import (
	"bytes"
	"fmt"
	"math/big"
	"regexp"
)

// Amount is an exact amount of Pi written as a decimal string, such as "10.5". It travels as a JSON number, digit for
// digit, so no amount ever passes through a float64. The zero value "" means "no amount" (JSON null, or left out).
type Amount string

// jsonNumber is JSON's number grammar: what the API writes and reads.
var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// Valid reports whether the amount is a number as JSON writes it ("10", "0.0000001"); "" and "1,5" are not.
func (a Amount) Valid() bool {
	return jsonNumber.MatchString(string(a))
}

// Rat is the amount as an exact rational number; ok is false when the amount is "" or not a decimal.
func (a Amount) Rat() (r *big.Rat, ok bool) {
	if !a.Valid() {
		return nil, false
	}
	return new(big.Rat).SetString(string(a))
}

// Cmp compares two amounts by value ("10" and "10.0" are equal): -1, 0 or +1. An amount that is not a decimal
// ("" included) sorts before every decimal, so Cmp never panics.
func (a Amount) Cmp(b Amount) int {
	x, okA := a.Rat()
	y, okB := b.Rat()
	switch {
	case okA && okB:
		return x.Cmp(y)
	case okA:
		return 1
	case okB:
		return -1
	default:
		return 0
	}
}

// Equal reports whether two amounts have the same value, however many trailing zeros they are written with.
func (a Amount) Equal(b Amount) bool {
	return a.Cmp(b) == 0
}

func (a Amount) String() string {
	return string(a)
}

// MarshalJSON writes the amount as a JSON number, unchanged; "" is null.
func (a Amount) MarshalJSON() ([]byte, error) {
	if a == "" {
		return []byte("null"), nil
	}
	if !a.Valid() {
		return nil, fmt.Errorf("flux: amount %q is not a decimal number such as \"10.5\"", string(a))
	}
	return []byte(a), nil
}

// UnmarshalJSON keeps a JSON number's digits exactly as the API wrote them; null gives "".
func (a *Amount) UnmarshalJSON(data []byte) error {
	text := bytes.TrimSpace(data)
	if bytes.Equal(text, []byte("null")) {
		*a = ""
		return nil
	}
	if !Amount(text).Valid() {
		return fmt.Errorf("flux: amount %s is not a JSON number", text)
	}
	*a = Amount(text)
	return nil
}
