package client

import (
	"context"
	"errors"
	"fmt"
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
// ignores limit (10 a page), or caps it (say 25), is walked as completely as
// one that honours it. Some samples say hasMore: true on the last page, so
// hasMore alone never keeps a walk going.

// maxPages bounds a walk through a paged list, so a server that always
// answers a full page of new ids cannot loop the client for ever.
const maxPages = 10000

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

// PageCount is the number of pages the answer says the list has, at least 1:
// totalPages, or 2 when it says only that more follow.
func (m PageMeta) PageCount() int {
	n := 1
	if m.TotalPages != nil && *m.TotalPages > 1 {
		n = int(*m.TotalPages)
	}
	if n < 2 && m.HasMore != nil && bool(*m.HasMore) {
		n = 2
	}
	return n
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

// pageCursor is where a walk stands: the request for the next page, and
// how many distinct entries it has read.
type pageCursor struct {
	bySkip bool // the list counts by skip; otherwise by page
	opts   ListOptions
	read   int // distinct entries read so far, those before the start included

	// estimateBefore makes the walk take the pages before opts.Page for
	// full pages of the size its first answer states (a walk that starts
	// past page 1).
	estimateBefore bool

	// moving marks a list that grows while it is read (conversations
	// arrive all the time): an empty page after the answers' totalResults
	// changed during the walk ends it, as the entries shifted under it;
	// a page of repeated entries is still an error.
	moving     bool
	firstTotal int // the first answer's totalResults

	pages    int      // pages asked for
	size     int      // the server's page size, learnt from the first answer
	switched bool     // the walk has tried the other paging parameter
	tried    []string // requests that brought nothing new
	hasMore  bool     // the last answer's hasMore
	total    int      // the last answer's totalResults, 0 when none
}

// step is what a page says of the walk.
type step int

const (
	stepNext  step = iota // more follow: ask for the next page
	stepEnd               // the list is over
	stepStuck             // nothing new, though the answers say more follow
)

// advance reads one answer of got entries (fresh of them not met before)
// and says whether the list goes on, moving the cursor to the next page.
//
// A page that brings nothing new (empty, or entries already read) ends the
// list, unless the answers say more exist: fewer than totalResults distinct
// entries have been read, or a page of repeated entries says hasMore. That
// page is stepStuck: the server did not page the way it was asked (it
// ignores skip, say), and the list is not known to be over. Otherwise the
// list ends once totalResults distinct entries have been read, when the
// answer gives totalResults; and, when it does not, on a page shorter than
// the page size the answer states, or that says hasMore: false. The next
// request starts where the answer says this page ended (its own skip plus
// what it held), or on the page after the one it says it is.
func (c *pageCursor) advance(m PageMeta, got, fresh int) step {
	c.read += fresh
	c.total = m.Total()
	c.hasMore = m.HasMore != nil && bool(*m.HasMore)
	if c.size == 0 {
		c.firstTotal = c.total
		// A first page that others follow is a full one; its own count is
		// surer than a limit a server may state without applying it.
		c.size = got
		if c.size == 0 {
			c.size = m.pageSize()
		}
	}
	if got == 0 || fresh == 0 {
		if got == 0 && c.moving && c.total != c.firstTotal {
			return stepEnd
		}
		if (c.total > 0 && c.read < c.total) || (got > 0 && c.total == 0 && c.hasMore) {
			return stepStuck
		}
		return stepEnd
	}
	if c.total > 0 {
		if c.read >= c.total {
			return stepEnd
		}
	} else {
		if size := m.pageSize(); size > 0 && got < size {
			return stepEnd
		}
		if m.HasMore != nil && !bool(*m.HasMore) {
			return stepEnd
		}
		switch {
		case !c.bySkip && m.TotalPages != nil && *m.TotalPages > 0:
			if c.answeredPage(m) >= int(*m.TotalPages) {
				return stepEnd
			}
		case m.Limit == nil && m.HasMore == nil && got < c.opts.Limit:
			return stepEnd // nothing says more follow, and the page is short of what was asked
		}
	}
	if c.bySkip {
		start := c.opts.Skip
		if m.Skip != nil && *m.Skip >= 0 {
			start = int(*m.Skip)
		}
		c.opts.Skip = start + got
		return stepNext
	}
	c.opts.Page = c.answeredPage(m) + 1
	return stepNext
}

// answeredPage is the page the answer says it is, or the one asked for
// when it says none (or an earlier one).
func (c *pageCursor) answeredPage(m PageMeta) int {
	if m.Page != nil && int(*m.Page) >= c.opts.Page {
		return int(*m.Page)
	}
	return c.opts.Page
}

// asked names the request the cursor stands on, for errors.
func (c *pageCursor) asked() string {
	if c.bySkip {
		return fmt.Sprintf("skip=%d", c.opts.Skip)
	}
	return fmt.Sprintf("page=%d", c.opts.Page)
}

// switchWay moves a stuck walk to the other paging parameter at the same
// position: page instead of skip, or skip instead of page, since the pages
// do not say which one a list reads (a list may ignore skip and honour
// page). It is tried once per walk, and only on a stuck page, so a server
// that honours the first way costs no extra call. It reports false when
// the position cannot be said the other way (a skip that is not a whole
// number of pages, an unknown page size) or was tried already.
func (c *pageCursor) switchWay() bool {
	if c.switched || c.size <= 0 {
		return false
	}
	c.switched = true
	if c.bySkip {
		pos := c.opts.Skip
		if pos <= 0 || pos%c.size != 0 {
			return false
		}
		c.bySkip = false
		c.opts = ListOptions{Page: pos/c.size + 1, Limit: c.opts.Limit}
		return true
	}
	if c.opts.Page <= 1 {
		return false
	}
	c.bySkip = true
	c.opts = ListOptions{Skip: (c.opts.Page - 1) * c.size, Limit: c.opts.Limit, bySkip: true}
	return true
}

// incomplete is the error of a walk that ended before the answers say it
// should.
func (c *pageCursor) incomplete(path, reason string) *IncompleteListError {
	return &IncompleteListError{Path: path, Read: c.read, Pages: c.pages, Total: c.total, HasMore: c.hasMore,
		Tried: c.tried, Reason: reason}
}

// stuck handles a stepStuck page: it moves the cursor to the other way of
// paging, or answers the walk's *IncompleteListError.
func (c *pageCursor) stuck(path string) error {
	c.tried = append(c.tried, c.asked())
	if c.switchWay() {
		return nil
	}
	return c.incomplete(path, "a page brought no entry not read before")
}

// walkList asks for pages from start on and hands each page's new entries
// to visit, until visit returns false or the list ends (see
// pageCursor.advance). A list that ends before its answers say it should is
// an *IncompleteListError, after one try of the other paging parameter
// (see pageCursor.switchWay). id names an entry, for telling new entries
// from repeated ones; an entry without an id is an error, because it could
// be neither referred to nor told apart from another. path names the list
// in errors.
func walkList[T any](ctx context.Context, start pageCursor, fetch func(context.Context, ListOptions) (*ListPage[T], error),
	id func(*T) string, path string, visit func(page []T) bool) error {
	cur := start
	seen := map[string]bool{}
	for cur.pages < maxPages {
		p, err := fetch(ctx, cur.opts)
		if err != nil {
			return err
		}
		if cur.pages == 0 && cur.estimateBefore && cur.opts.Page > 1 {
			cur.read = (cur.opts.Page - 1) * max(p.pageSize(), len(p.Results))
		}
		cur.pages++
		fresh := make([]T, 0, len(p.Results))
		for i := range p.Results {
			e := &p.Results[i]
			key := id(e)
			if key == "" {
				return &DecodeError{Method: "GET", Path: path, Reason: fmt.Sprintf("entry %d of the page has no id", i+1)}
			}
			if ck, ok := any(e).(complete); ok {
				if err := checkComplete("GET", path, ck); err != nil {
					return err
				}
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			fresh = append(fresh, *e)
		}
		if len(fresh) > 0 && !visit(fresh) {
			return nil
		}
		switch cur.advance(p.PageMeta, len(p.Results), len(fresh)) {
		case stepEnd:
			return nil
		case stepStuck:
			if err := cur.stuck(path); err != nil {
				return err
			}
		}
	}
	return cur.incomplete(path, fmt.Sprintf("the walk stopped at the cap of %d pages", maxPages))
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
