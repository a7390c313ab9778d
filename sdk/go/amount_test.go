package flux_test

import (
	"encoding/json"
	"strings"
	"testing"

	flux "github.com/flux/flux-pi-sdk"
)

func TestAmountTravelsAsTheSameJSONNumberBothWays(t *testing.T) {
	var order flux.Order
	if err := json.Unmarshal([]byte(`{"amount":12.3456789,"amount_received":0.1000000}`), &order); err != nil {
		t.Fatal(err)
	}
	if order.Amount != "12.3456789" || order.AmountReceived != "0.1000000" {
		t.Fatalf("amounts read as %q and %q", order.Amount, order.AmountReceived)
	}

	body, err := json.Marshal(flux.OrderParams{Amount: "0.3000001"})
	if err != nil {
		t.Fatal(err)
	}
	if string(body) != `{"amount":0.3000001}` {
		t.Fatalf("marshalled %s", body)
	}
}

func TestAmountNullIsTheEmptyAmount(t *testing.T) {
	var button flux.Button
	if err := json.Unmarshal([]byte(`{"amount":null,"amount_min":1,"amount_max":50}`), &button); err != nil {
		t.Fatal(err)
	}
	if button.Amount != "" || button.AmountMin != "1" || button.AmountMax != "50" {
		t.Fatalf("read %+v", button)
	}
	body, _ := json.Marshal(flux.ButtonParams{AmountMin: "1", AmountMax: "50"})
	if strings.Contains(string(body), `"amount"`) {
		t.Fatalf("an empty amount was sent: %s", body)
	}
}

func TestAmountThatIsNotANumberIsRefusedBeforeSending(t *testing.T) {
	for _, bad := range []flux.Amount{"ten", "1,5", "0x10", " 1", "01"} {
		if _, err := json.Marshal(flux.OrderParams{Amount: bad}); err == nil {
			t.Errorf("%q was marshalled", bad)
		}
	}
	var a flux.Amount
	if err := json.Unmarshal([]byte(`"10"`), &a); err == nil {
		t.Error("a JSON string was read as an amount")
	}
}

func TestAmountsCompareByValue(t *testing.T) {
	cases := []struct {
		a, b flux.Amount
		want int
	}{
		{"10", "10.0000000", 0},
		{"0.1", "0.2", -1},
		{"12.3456789", "12.3456788", 1},
		{"-1", "0", -1},
		{"", "0", -1},
	}
	for _, c := range cases {
		if got := c.a.Cmp(c.b); got != c.want {
			t.Errorf("%q.Cmp(%q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	if !flux.Amount("10.50").Equal("10.5") {
		t.Error("10.50 and 10.5 differ")
	}
	// 0.1 + 0.2 is exactly 0.3 here: the float64 sum is not.
	x, _ := flux.Amount("0.1").Rat()
	y, _ := flux.Amount("0.2").Rat()
	z, _ := flux.Amount("0.3").Rat()
	if x.Add(x, y).Cmp(z) != 0 {
		t.Error("0.1 + 0.2 != 0.3")
	}
}
