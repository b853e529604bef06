package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// maxPages bounds a walk through a paged list, so a server that always says
// hasMore cannot loop the client for ever.
const maxPages = 10000

// morePages says whether a page is followed by another: hasMore, or a
// totalPages beyond it.
func morePages(page int, hasMore FlexBool, totalPages FlexInt) bool {
	if hasMore {
		return true
	}
	return totalPages > 0 && int64(page) < int64(totalPages)
}

// ListOptions are the paging parameters of the skill-group, skill,
// agent-group and queue lists, sent as page and limit. Zero leaves a
// parameter out, so the server's default applies.
//
// Only get-all-skills-from-a-skill-group documents them (page, 1-based,
// default 1; limit, default 10). get-all-skill-groups, get-a-list-of-queues
// and get-all-agent-groups document none, although their answers carry
// page (or skip) and limit (reference.md §1.9: UNCONFIRMED). The ListAll
// methods detect a server that ignores them (see lister.walk).
type ListOptions struct {
	// Page is 1-based.
	Page  int
	Limit int
}

func (o ListOptions) query() url.Values {
	q := url.Values{}
	if o.Page != 0 {
		q.Set("page", strconv.Itoa(o.Page))
	}
	if o.Limit != 0 {
		q.Set("limit", strconv.Itoa(o.Limit))
	}
	return q
}

// ListPageSize is how many entries a ListAll asks for per page.
const ListPageSize = 100

// ListPage is one page of a list. The skill-group, skill and queue lists
// answer page; the agent-group list answers skip.
type ListPage[T any] struct {
	Results      FlexList[T] `json:"results"`
	Page         FlexInt     `json:"page"`
	Skip         FlexInt     `json:"skip"`
	Limit        FlexInt     `json:"limit"`
	HasMore      FlexBool    `json:"hasMore"`
	TotalPages   FlexInt     `json:"totalPages"`
	TotalResults FlexInt     `json:"totalResults"`
}

// lister walks one paged list. Every ListAll and FindByName of the routing
// services is one of its methods.
type lister[T any] struct {
	kind string // "skill group", for errors
	path string // the list's path, for errors
	list func(context.Context, ListOptions) (*ListPage[T], error)
	id   func(*T) string
	name func(*T) string
}

// walk reads the pages from the first, ListPageSize entries at a time, and
// hands visit each entry not met before; visit returns false to stop. The
// walk ends after a page that says it is the last (neither hasMore nor a
// totalPages beyond it), after a page that brings no entry not met before
// (a server that ignores page answers the first page again), or after
// maxPages. An entry without an id can be neither referred to nor told
// apart from another, and is skipped.
func (l lister[T]) walk(ctx context.Context, visit func(*T) bool) error {
	seen := map[string]bool{}
	for page := 1; page <= maxPages; page++ {
		p, err := l.list(ctx, ListOptions{Page: page, Limit: ListPageSize})
		if err != nil {
			return err
		}
		added := 0
		for i := range p.Results {
			e := &p.Results[i]
			id := l.id(e)
			if id == "" || seen[id] {
				continue
			}
			seen[id] = true
			added++
			if !visit(e) {
				return nil
			}
		}
		if added == 0 || !morePages(page, p.HasMore, p.TotalPages) {
			return nil
		}
	}
	return nil
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

// find reads the pages up to the first entry whose name is exactly name
// (case-sensitive), and answers a 404 *APIError when no entry has it.
func (l lister[T]) find(ctx context.Context, name string) (*T, error) {
	var found *T
	err := l.walk(ctx, func(e *T) bool {
		if l.name(e) == name {
			v := *e
			found = &v
			return false
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	if found == nil {
		return nil, l.noneNamed(name)
	}
	return found, nil
}

func (l lister[T]) noneNamed(name string) *APIError {
	return notFound(http.MethodGet, l.path, fmt.Sprintf("no %s is named %q", l.kind, name))
}
