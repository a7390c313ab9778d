package flux

import (
	"context"
	"net/url"
	"strconv"
	"time"
)

// ListParams pages a list: at most Limit items (1–100, the API's default 10), after or before an item's id, of the
// items created within Created.
type ListParams struct {
	Limit         int
	StartingAfter string
	EndingBefore  string
	Created       TimeRange
}

// TimeRange keeps the items created at or after Gte and at or before Lte; a zero time leaves that end open. They are
// sent as created[gte] and created[lte], in UTC to the second (the API takes no finer time; Lte takes in its whole
// second).
type TimeRange struct {
	Gte time.Time
	Lte time.Time
}

func (p *ListParams) query() url.Values {
	q := url.Values{}
	if p == nil {
		return q
	}
	if p.Limit > 0 {
		q.Set("limit", strconv.Itoa(p.Limit))
	}
	if p.StartingAfter != "" {
		q.Set("starting_after", p.StartingAfter)
	}
	if p.EndingBefore != "" {
		q.Set("ending_before", p.EndingBefore)
	}
	setTime(q, "created[gte]", p.Created.Gte)
	setTime(q, "created[lte]", p.Created.Lte)
	return q
}

func setTime(q url.Values, name string, t time.Time) {
	if !t.IsZero() {
		q.Set(name, t.UTC().Format(time.RFC3339))
	}
}

func setText(q url.Values, name, value string) {
	if value != "" {
		q.Set(name, value)
	}
}

// Page is one page of a list as the API answers it: {"object":"list","data":[…],"has_more":…}.
type Page[T any] struct {
	Object  string `json:"object"`
	Data    []T    `json:"data"`
	HasMore bool   `json:"has_more"`
}

// List walks every item of every page, newest first, asking for the next page with starting_after only when the
// items of the one before are used up:
//
//	orders := client.Orders.List(ctx, &flux.OrderListParams{ListParams: flux.ListParams{Limit: 100}})
//	for orders.Next() {
//		order := orders.Current()
//	}
//	if err := orders.Err(); err != nil { … }
type List[T any] struct {
	ctx   context.Context
	fetch func(ctx context.Context, query url.Values) (*Page[T], error)
	idOf  func(*T) string
	query url.Values

	page    *Page[T]
	index   int
	current *T
	err     error
}

func newList[T any](ctx context.Context, b *backend, path string, query url.Values, idOf func(*T) string) *List[T] {
	fetch := func(ctx context.Context, query url.Values) (*Page[T], error) {
		var page Page[T]
		if err := b.call(ctx, "GET", path, query, nil, &page, nil); err != nil {
			return nil, err
		}
		return &page, nil
	}
	return &List[T]{ctx: ctx, fetch: fetch, idOf: idOf, query: query}
}

// Next moves to the next item, fetching a page when needed; false at the end of the list or on an error (see Err).
func (l *List[T]) Next() bool {
	if l.err != nil {
		return false
	}
	if l.page == nil {
		if l.page, l.err = l.fetch(l.ctx, l.query); l.err != nil {
			return false
		}
	}
	for l.index >= len(l.page.Data) {
		if !l.page.HasMore || len(l.page.Data) == 0 {
			l.current = nil
			return false
		}
		next := url.Values{}
		for key, values := range l.query {
			if key != "ending_before" {
				next[key] = values
			}
		}
		next.Set("starting_after", l.idOf(&l.page.Data[len(l.page.Data)-1]))
		page, err := l.fetch(l.ctx, next)
		if err != nil {
			l.err = err
			return false
		}
		l.page, l.index = page, 0
	}
	l.current = &l.page.Data[l.index]
	l.index++
	return true
}

// Current is the item Next moved to.
func (l *List[T]) Current() *T {
	return l.current
}

// Err is the error that stopped Next, or nil.
func (l *List[T]) Err() error {
	return l.err
}

// Page is the page Next is reading (nil before the first Next): its HasMore tells whether more pages follow.
func (l *List[T]) Page() *Page[T] {
	return l.page
}
