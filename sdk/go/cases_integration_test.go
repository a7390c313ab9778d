//go:build integration

package flux_test

// Runs ../cases.json, the requests and outcomes every Flux SDK's integration tests share (its "about" explains the
// format), with this SDK against a running Flux.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	flux "github.com/flux/flux-pi-sdk"
)

type sharedCases struct {
	Calls map[string]string `json:"calls"`
	Cases []sharedCase      `json:"cases"`
}

type sharedCase struct {
	Name           string                 `json:"name"`
	Call           string                 `json:"call"`
	ID             string                 `json:"id"`
	Params         map[string]interface{} `json:"params"`
	IdempotencyKey string                 `json:"idempotency_key"`
	As             string                 `json:"as"`
	AutoPaging     bool                   `json:"auto_paging"`
	Poll           bool                   `json:"poll"`
	Save           string                 `json:"save"`
	Expect         interface{}            `json:"expect"`
	Error          interface{}            `json:"error"`
}

// caseCall makes one call of cases.json with this SDK; step holds the case with its ${…} already filled in.
type caseCall func(ctx context.Context, t *testing.T, client *flux.Client, step *sharedCase) (interface{}, error)

// caseCalls maps every call of cases.json to this SDK's method.
var caseCalls = map[string]caseCall{
	"orders.create": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Orders.Create(ctx, paramsOf[flux.OrderParams](t, s), requestOptions(s)...)
	},
	"orders.retrieve": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Orders.Get(ctx, s.ID)
	},
	"orders.list": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		params := &flux.OrderListParams{ListParams: listParams(t, s), Status: text(s, "status"), ButtonID: text(s, "button_id"),
			PaymentLink: text(s, "payment_link")}
		return listResult(c.Orders.List(ctx, params), s.AutoPaging)
	},
	"orders.cancel": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Orders.Cancel(ctx, s.ID, requestOptions(s)...)
	},
	"refunds.create": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Refunds.Create(ctx, paramsOf[flux.RefundParams](t, s), requestOptions(s)...)
	},
	"refunds.retrieve": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Refunds.Get(ctx, s.ID)
	},
	"refunds.list": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		params := &flux.RefundListParams{ListParams: listParams(t, s), Status: text(s, "status"), OrderID: text(s, "order_id")}
		return listResult(c.Refunds.List(ctx, params), s.AutoPaging)
	},
	"refunds.cancel": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Refunds.Cancel(ctx, s.ID, requestOptions(s)...)
	},
	"payments.create": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Payments.Create(ctx, paramsOf[flux.OrderParams](t, s), requestOptions(s)...)
	},
	"payments.retrieve": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Payments.Get(ctx, s.ID)
	},
	"payments.list": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		params := &flux.PaymentListParams{ListParams: listParams(t, s), OrderID: text(s, "order_id")}
		if unmatched, ok := s.Params["unmatched"].(bool); ok {
			params.Unmatched = flux.Bool(unmatched)
		}
		return listResult(c.Payments.List(ctx, params), s.AutoPaging)
	},
	"credits.get_balance": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Credits.GetBalance(ctx)
	},
	"credits.list_ledger": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return listResult(c.Credits.ListLedger(ctx, listParamsOf(t, s)), s.AutoPaging)
	},
	"buttons.create": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Buttons.Create(ctx, paramsOf[flux.ButtonParams](t, s), requestOptions(s)...)
	},
	"buttons.retrieve": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Buttons.Get(ctx, s.ID)
	},
	"buttons.list": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return listResult(c.Buttons.List(ctx, listParamsOf(t, s)), s.AutoPaging)
	},
	"buttons.update": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Buttons.Update(ctx, s.ID, paramsOf[flux.ButtonUpdateParams](t, s), requestOptions(s)...)
	},
	"payment_links.create": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.PaymentLinks.Create(ctx, paramsOf[flux.PaymentLinkParams](t, s), requestOptions(s)...)
	},
	"payment_links.retrieve": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.PaymentLinks.Get(ctx, s.ID)
	},
	"payment_links.list": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return listResult(c.PaymentLinks.List(ctx, listParamsOf(t, s)), s.AutoPaging)
	},
	"payment_links.update": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.PaymentLinks.Update(ctx, s.ID, paramsOf[flux.PaymentLinkUpdateParams](t, s), requestOptions(s)...)
	},
	"wallets.create": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Wallets.Create(ctx, paramsOf[flux.WalletParams](t, s), requestOptions(s)...)
	},
	"wallets.retrieve": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Wallets.Get(ctx, s.ID)
	},
	"wallets.list": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return listResult(c.Wallets.List(ctx, listParamsOf(t, s)), s.AutoPaging)
	},
	"wallets.update": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Wallets.Update(ctx, s.ID, paramsOf[flux.WalletUpdateParams](t, s), requestOptions(s)...)
	},
	"wallets.delete": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Wallets.Delete(ctx, s.ID)
	},
	"reviews.request": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Reviews.Request(ctx, paramsOf[flux.ReviewParams](t, s), requestOptions(s)...)
	},
	"reviews.retrieve": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Reviews.Get(ctx, s.ID)
	},
	"reviews.list": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return listResult(c.Reviews.List(ctx, listParamsOf(t, s)), s.AutoPaging)
	},
	"events.list": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return listResult(c.Events.List(ctx, &flux.EventListParams{ListParams: listParams(t, s), Type: text(s, "type")}), s.AutoPaging)
	},
	"events.retrieve": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.Events.Get(ctx, s.ID)
	},
	"webhook_endpoints.create": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.WebhookEndpoints.Create(ctx, paramsOf[flux.WebhookEndpointParams](t, s), requestOptions(s)...)
	},
	"webhook_endpoints.retrieve": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.WebhookEndpoints.Get(ctx, s.ID)
	},
	"webhook_endpoints.list": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return listResult(c.WebhookEndpoints.List(ctx, listParamsOf(t, s)), s.AutoPaging)
	},
	"webhook_endpoints.update": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.WebhookEndpoints.Update(ctx, s.ID, paramsOf[flux.WebhookEndpointUpdateParams](t, s), requestOptions(s)...)
	},
	"webhook_endpoints.delete": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return c.WebhookEndpoints.Delete(ctx, s.ID)
	},
	"sandbox.pay": func(ctx context.Context, t *testing.T, c *flux.Client, s *sharedCase) (interface{}, error) {
		return payInSandbox(t, s.Params["order_id"].(string)), nil
	},
}

func loadSharedCases(t *testing.T) sharedCases {
	text, err := os.ReadFile("../cases.json")
	fatalIf(t, err)
	var all sharedCases
	decoder := json.NewDecoder(bytes.NewReader(text))
	decoder.UseNumber()
	fatalIf(t, decoder.Decode(&all))
	return all
}

func TestSharedCasesNameExactlyTheCallsThisSDKMakes(t *testing.T) {
	all := loadSharedCases(t)
	var listed, known []string
	for call := range all.Calls {
		listed = append(listed, call)
	}
	for call := range caseCalls {
		known = append(known, call)
	}
	sort.Strings(listed)
	sort.Strings(known)
	if !reflect.DeepEqual(listed, known) {
		t.Fatalf("cases.json lists %v; this runner knows %v", listed, known)
	}
	used := map[string]bool{}
	for _, c := range all.Cases {
		used[c.Call] = true
		if all.Calls[c.Call] == "" {
			t.Errorf("case %q calls %s, which calls does not list", c.Name, c.Call)
		}
	}
	for _, call := range listed {
		if !used[call] {
			t.Errorf("no case calls %s", call)
		}
	}
}

func TestSharedCases(t *testing.T) {
	vars := map[string]interface{}{"wallet": wallet(t), "base_url": baseURL(t)}
	clients := map[string]*flux.Client{"test": newClient(t, apiKey(t)), "live": newClient(t, liveAPIKey(t)), "wrong": newClient(t, wrongKey)}

	for _, c := range loadSharedCases(t).Cases {
		c := c
		if !t.Run(c.Name, func(t *testing.T) { runCase(t, clients, vars, &c) }) {
			break // later cases build on this one's result
		}
	}
}

func runCase(t *testing.T, clients map[string]*flux.Client, vars map[string]interface{}, c *sharedCase) {
	call, ok := caseCalls[c.Call]
	if !ok {
		t.Fatalf("no call %s", c.Call)
	}
	step := *c
	step.ID = interpolate(t, c.ID, vars)
	step.IdempotencyKey = interpolate(t, c.IdempotencyKey, vars)
	step.Params, _ = withAmounts(fill(t, c.Params, vars)).(map[string]interface{})
	client := clients["test"]
	if c.As != "" {
		client = clients[c.As]
	}

	deadline := time.Now().Add(20 * time.Second)
	for {
		result, err := call(context.Background(), t, client, &step)
		var problems []string
		if c.Error != nil {
			problems = match("error", fill(t, c.Error, vars), errorTree(err), true)
		} else if err != nil {
			problems = []string{fmt.Sprintf("failed: %v", err)}
		} else {
			tree := toTree(t, result)
			if c.Save != "" {
				vars[c.Save] = tree
			}
			if c.Expect != nil {
				problems = match("result", fill(t, c.Expect, vars), tree, true)
			}
		}
		if len(problems) == 0 {
			return
		}
		if !c.Poll || time.Now().After(deadline) {
			t.Fatalf("%s:\n  %s", c.Call, strings.Join(problems, "\n  "))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// paramsOf decodes a case's params into the SDK's parameter struct, {"$decimal": …} becoming a flux.Amount.
func paramsOf[T any](t *testing.T, s *sharedCase) *T {
	text, err := json.Marshal(s.Params)
	fatalIf(t, err)
	var params T
	fatalIf(t, json.Unmarshal(text, &params))
	return &params
}

// listParams reads a list's limit and created: {gte, lte} (ISO 8601 times) from a case's params.
func listParams(t *testing.T, s *sharedCase) flux.ListParams {
	params := flux.ListParams{}
	if limit, ok := s.Params["limit"].(json.Number); ok {
		n, _ := limit.Int64()
		params.Limit = int(n)
	}
	created, _ := s.Params["created"].(map[string]interface{})
	for bound, at := range map[string]*time.Time{"gte": &params.Created.Gte, "lte": &params.Created.Lte} {
		if text, ok := created[bound].(string); ok {
			parsed, err := time.Parse(time.RFC3339, text)
			fatalIf(t, err)
			*at = parsed
		}
	}
	return params
}

func listParamsOf(t *testing.T, s *sharedCase) *flux.ListParams {
	params := listParams(t, s)
	return &params
}

// text is a case's string param, "" when it has none.
func text(s *sharedCase, name string) string {
	value, _ := s.Params[name].(string)
	return value
}

func requestOptions(s *sharedCase) []flux.RequestOption {
	if s.IdempotencyKey == "" {
		return nil
	}
	return []flux.RequestOption{flux.WithIdempotencyKey(s.IdempotencyKey)}
}

// listResult is the list's first page, or every item of every page.
func listResult[T any](list *flux.List[T], autoPaging bool) (interface{}, error) {
	if !autoPaging {
		list.Next()
		if err := list.Err(); err != nil {
			return nil, err
		}
		return list.Page(), nil
	}
	items := []T{}
	for list.Next() {
		items = append(items, *list.Current())
	}
	return items, list.Err()
}

func errorTree(err error) interface{} {
	var fluxErr *flux.Error
	if !errors.As(err, &fluxErr) {
		return map[string]interface{}{"type": fmt.Sprintf("no *flux.Error: %v", err)}
	}
	return toTreeOf(map[string]interface{}{
		"type": fluxErr.Type, "message": fluxErr.Message, "param": fluxErr.Param, "request_id": fluxErr.RequestID,
		"http_status": fluxErr.HTTPStatus, "docs_url": fluxErr.DocsURL,
	})
}

// toTree is a result as JSON would carry it (snake_case keys, amounts as json.Number, events' data as a tree).
func toTree(t *testing.T, result interface{}) interface{} {
	text, err := json.Marshal(result)
	fatalIf(t, err)
	return decodeTree(text)
}

func toTreeOf(value interface{}) interface{} {
	text, _ := json.Marshal(value)
	return decodeTree(text)
}

func decodeTree(text []byte) interface{} {
	decoder := json.NewDecoder(bytes.NewReader(text))
	decoder.UseNumber()
	var tree interface{}
	decoder.Decode(&tree)
	return tree
}
