package flux

import (
	"encoding/json"
	"time"
)

// Event is an event envelope {id, object, type, created_at, livemode, data}, as handlers, Events and ConstructEvent
// give it. The data fields most handlers read are lifted onto the event (e.OrderID, e.CreditsRemaining); DataInto
// reads any others.
type Event struct {
	ID        string          `json:"id"`
	Object    string          `json:"object"`
	Type      string          `json:"type"`
	CreatedAt time.Time       `json:"created_at"`
	Livemode  bool            `json:"livemode"`
	Data      json.RawMessage `json:"data"`

	EventData `json:"-"`
}

// EventData holds the data fields of order, credit and payment events; a field an event type lacks stays zero.
type EventData struct {
	OrderID          string `json:"order_id"`
	Amount           Amount `json:"amount"`
	AmountReceived   Amount `json:"amount_received"`
	Overpaid         bool   `json:"overpaid"`
	Status           string `json:"status"`
	TransactionHash  string `json:"transaction_hash"`
	ButtonID         string `json:"button_id"`
	CreditsRemaining int    `json:"credits_remaining"`
}

// UnmarshalJSON reads the envelope and lifts its data's common fields.
func (e *Event) UnmarshalJSON(body []byte) error {
	type envelope Event
	if err := json.Unmarshal(body, (*envelope)(e)); err != nil {
		return err
	}
	e.EventData = EventData{}
	if len(e.Data) == 0 || string(e.Data) == "null" {
		return nil
	}
	return json.Unmarshal(e.Data, &e.EventData)
}

// DataInto decodes the event's data into v, a pointer to a struct with json tags (snake_case, as the API writes).
func (e *Event) DataInto(v interface{}) error {
	return json.Unmarshal(e.Data, v)
}
