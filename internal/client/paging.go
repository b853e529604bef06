package client

import (
	"context"
	"errors"
	"net/url"
	"strconv"
)

// The list pages document one answer shape, {results, page or skip, limit,
// hasMore, totalPages, totalResults}, a page size of 10 in every sample, and
// (but for get-all-skills-from-a-skill-group) no query parameters at all
// (Get all skill groups, https://docs.kore.ai/ai-for-service/apis/contact-center/get-all-skill-groups;
// Get a list of queues, https://docs.kore.ai/ai-for-service/apis/contact-center/get-a-list-of-queues;
// Get all agent groups, https://docs.kore.ai/ai-for-service/apis/contact-center/get-all-agent-groups;
// Get all contacts, https://docs.kore.ai/ai-for-service/apis/contact-center/get-all-contacts).
// So the client asks for larger pages to save calls, and walks every list by
// what each answer says of itself, never by what it asked for: a server that
// ignores limit (10 a page), or caps it (say 25) while it echoes the limit
// asked, is walked as completely as one that honours it. When a walk is
// over is decided in one place, the tables of walker.go.

// ListPageSize is how many entries a walk asks for per page.
const ListPageSize = 100

// ListOptions are the paging parameters of a list request. Zero leaves a
// parameter out, so the server's default applies. Page is 1-based; the
// lists whose answers count by skip (agent groups, contacts) are sent Skip
// instead.
type ListOptions struct {
	Page  int
	Skip  int
	Limit int

	bySkip bool // a walk by skip: skip is sent, 0 included
}

func (o ListOptions) query() url.Values {
	q := url.Values{}
	if o.Page != 0 {
		q.Set("page", strconv.Itoa(o.Page))
	}
	if o.Skip != 0 || o.bySkip {
		q.Set("skip", strconv.Itoa(o.Skip))
	}
	if o.Limit != 0 {
		q.Set("limit", strconv.Itoa(o.Limit))
	}
	return q
}

// PageMeta is what a list page says of itself. A nil field was not in the
// answer.
type PageMeta struct {
	Page         *FlexInt  `json:"page"`
	Skip         *FlexInt  `json:"skip"`
	Limit        *FlexInt  `json:"limit"`
	HasMore      *FlexBool `json:"hasMore"`
	TotalPages   *FlexInt  `json:"totalPages"`
	TotalResults *FlexInt  `json:"totalResults"`
}

// Total is totalResults, or 0 when the answer does not give it.
func (m PageMeta) Total() int {
	if m.TotalResults != nil && *m.TotalResults > 0 {
		return int(*m.TotalResults)
	}
	return 0
}

// pageSize is the page size the answer says it used (its limit), or 0.
func (m PageMeta) pageSize() int {
	if m.Limit != nil && *m.Limit > 0 {
		return int(*m.Limit)
	}
	return 0
}

// ListPage is one page of a list.
type ListPage[T any] struct {
	Results FlexList[T] `json:"results"`
	PageMeta
}

// lister walks one paged list. Every ListAll and FindByName of the routing
// services is one of its methods.
type lister[T any] struct {
	kind   string // "skill group", for errors
	path   string // the list's path, for errors
	where  string // " in the skill group …" for a nested list, for errors
	bySkip bool   // the list counts by skip
	list   func(context.Context, ListOptions) (*ListPage[T], error)
	get    func(context.Context, string) (*T, error) // reads one entry by id
	id     func(*T) string
	name   func(*T) string
}

func (l lister[T]) start() pageCursor {
	if l.bySkip {
		return pageCursor{bySkip: true, opts: ListOptions{Limit: ListPageSize, bySkip: true}}
	}
	return pageCursor{opts: ListOptions{Page: 1, Limit: ListPageSize}}
}

// walk hands visit each entry of the list, from the first; visit returns
// false to stop.
func (l lister[T]) walk(ctx context.Context, visit func(*T) bool) error {
	return walkList(ctx, l.start(), l.list, l.id, l.path, func(page []T) bool {
		for i := range page {
			if !visit(&page[i]) {
				return false
			}
		}
		return true
	})
}

// all reads every entry.
func (l lister[T]) all(ctx context.Context) ([]T, error) {
	return l.filter(ctx, func(*T) bool { return true })
}

// named reads every entry whose name is exactly name (case-sensitive).
func (l lister[T]) named(ctx context.Context, name string) ([]T, error) {
	return l.filter(ctx, func(e *T) bool { return l.name(e) == name })
}

func (l lister[T]) filter(ctx context.Context, keep func(*T) bool) ([]T, error) {
	var out []T
	err := l.walk(ctx, func(e *T) bool {
		if keep(e) {
			out = append(out, *e)
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// has reads the list up to the entry with the id, and says whether it is
// there.
func (l lister[T]) has(ctx context.Context, id string) (bool, error) {
	found := false
	err := l.walk(ctx, func(e *T) bool {
		found = l.id(e) == id
		return !found
	})
	return found, err
}

// find reads the list for the one entry whose name is exactly name
// (case-sensitive), by the name policy (see OneNamed): a *NotListedError
// when no entry has it, an *AmbiguousNameError when several have.
func (l lister[T]) find(ctx context.Context, name string) (*T, error) {
	matches, err := l.named(ctx, name)
	if err != nil {
		return nil, err
	}
	return l.withPath(OneNamed(l.kind, l.where, name, matches, l.id))
}

// withPath names the list in a *NotListedError.
func (l lister[T]) withPath(found *T, err error) (*T, error) {
	var nl *NotListedError
	if errors.As(err, &nl) && nl.Path == "" {
		nl.Path = l.path
	}
	return found, err
}

func (l lister[T]) noneNamed(name string) *NotListedError {
	return &NotListedError{Kind: l.kind, Path: l.path, By: "name", Value: name}
}
