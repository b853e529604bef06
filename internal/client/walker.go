package client

import (
	"context"
	"fmt"
)

// The list walker: every list the client reads (agents, contacts, queues,
// skills, skill groups, agent groups, conversations, and through them the
// create lookups, FindByEmails, the list resources and the exporter) is
// walked by walkList, one page at a time, as a small state machine:
//
//	ask for a page ──► decide (the two tables below)
//	   ▲   ▲               ├─ stepNext:  move to where the answer says it ended, ask again
//	   │   │               ├─ stepEnd:   the list is over
//	   │   └─ switchWay ◄──┴─ stepStuck: nothing new while the answers say more follow;
//	   │      (once a walk)               tried the other way already: *IncompleteListError
//	   └──── the page cap (maxPages): *IncompleteListError
//
// The vendor's list pages document one answer shape, {results, page or
// skip, limit, hasMore, totalPages, totalResults} (Get a list of queues,
// https://docs.kore.ai/ai-for-service/apis/contact-center/get-a-list-of-queues;
// Get all contacts, https://docs.kore.ai/ai-for-service/apis/contact-center/get-all-contacts),
// and say nothing of how a server reads the paging parameters. So the walk
// believes only what each answer says of itself, and never the page size
// it asked for, nor the limit an answer states: a server may cap its pages
// below the limit it echoes. Its figures, totalResults first, say when the
// list is over; a short page is not an end while they say more follow, or
// when they say nothing. The figures may contradict each other (the queue
// sample says hasMore: true with totalPages: 1): totalResults, a count of
// entries, decides when it is given; otherwise the figure that says more
// follow wins, as believing it costs one call (the next page comes back
// empty), while believing the other may lose entries.

// maxPages bounds a walk through a paged list, so a server that always
// answers a full page of new ids cannot loop the client for ever.
const maxPages = 10000

// step is what a page says of the walk.
type step int

const (
	stepNext  step = iota // more follow: ask for the next page
	stepEnd               // the list is over
	stepStuck             // nothing new, though the answers say more follow
)

func (s step) String() string {
	return [...]string{"next", "end", "stuck"}[s]
}

// pageFacts is what one answer tells the walk.
type pageFacts struct {
	got     int   // entries in the answer
	fresh   int   // of them, entries not read before in this walk
	read    int   // distinct entries read, this page's included
	total   int   // totalResults; 0 when the answer gives none
	hasMore *bool // hasMore; nil when the answer gives none
	pages   int   // totalPages; 0 when the answer gives none
	index   int   // the page's place in the list, from 1; 0 when unknown
	moved   bool  // a list that grows while read, whose totalResults changed during the walk
}

// figures is what an answer's own figures say of the list.
type figures int

const (
	figuresSilent figures = iota // the answer gives no figure that says either
	figuresMore                  // more entries follow this page
	figuresMet                   // the list is over
)

func (f figures) String() string {
	return [...]string{"silent", "more", "met"}[f]
}

// figureRules say what an answer's figures mean, the first that applies
// deciding. totalResults, the one count of entries, rules when it is given;
// then hasMore: true, then totalPages beyond this page: where the other
// figures disagree, the one that says more follow wins (one more call, not
// a lost entry). An answer with none of them is silent.
var figureRules = []struct {
	name string
	when func(f pageFacts) bool
	says figures
}{
	{"totalResults read", func(f pageFacts) bool { return f.total > 0 && f.read >= f.total }, figuresMet},
	{"fewer than totalResults read", func(f pageFacts) bool { return f.total > 0 }, figuresMore},
	{"hasMore: true", func(f pageFacts) bool { return f.hasMore != nil && *f.hasMore }, figuresMore},
	{"totalPages after this page", func(f pageFacts) bool { return f.pages > 0 && f.index > 0 && f.index < f.pages }, figuresMore},
	{"hasMore: false", func(f pageFacts) bool { return f.hasMore != nil }, figuresMet},
	{"the last page by totalPages", func(f pageFacts) bool { return f.pages > 0 && f.index > 0 }, figuresMet},
}

// say applies figureRules to f.
func (f pageFacts) say() (figures, string) {
	for _, r := range figureRules {
		if r.when(f) {
			return r.says, r.name
		}
	}
	return figuresSilent, "no figures"
}

// stepRules are the walk's end conditions, the first that applies
// deciding. An empty page ends a walk, unless totalResults counts entries
// it has not read; a page of entries read before is the server not paging
// as asked (stuck) when the figures say more follow, and the end of a list
// that no figure says is longer (a server without figures that ignores the
// paging parameters cannot be read further); a page with new entries goes
// on unless the figures are met, a short one included.
var stepRules = []struct {
	name string
	when func(f pageFacts, say figures) bool
	then step
}{
	{"an empty page of a list that moved while it was read",
		func(f pageFacts, _ figures) bool { return f.got == 0 && f.moved }, stepEnd},
	{"an empty page while totalResults counts entries not read",
		func(f pageFacts, _ figures) bool { return f.got == 0 && f.total > 0 && f.read < f.total }, stepStuck},
	{"an empty page",
		func(f pageFacts, _ figures) bool { return f.got == 0 }, stepEnd},
	{"a page of entries read before, while the figures say more follow",
		func(f pageFacts, say figures) bool { return f.fresh == 0 && say == figuresMore }, stepStuck},
	{"a page of entries read before, no figure saying more follow",
		func(f pageFacts, _ figures) bool { return f.fresh == 0 }, stepEnd},
	{"the figures are met",
		func(_ pageFacts, say figures) bool { return say == figuresMet }, stepEnd},
	{"the figures say more follow",
		func(_ pageFacts, say figures) bool { return say == figuresMore }, stepNext},
	{"an answer without figures",
		func(pageFacts, figures) bool { return true }, stepNext},
}

// decide applies stepRules to f, and names the rules that decided.
func decide(f pageFacts) (step, string) {
	say, why := f.say()
	for _, r := range stepRules {
		if r.when(f, say) {
			return r.then, r.name + " (" + why + ")"
		}
	}
	panic("unreachable: the last step rule always applies")
}

// followed reports whether the figures other than totalResults say that
// pages follow the one at index: such a page is a full one, so its own
// count is the server's page size, surer than any limit it states.
func (m PageMeta) followed(index int) bool {
	return (m.HasMore != nil && bool(*m.HasMore)) || (m.TotalPages != nil && index > 0 && index < int(*m.TotalPages))
}

// PageCount is the number of pages the list has, by what this answer, its
// first page, says: 1 when the walker would end the walk on it, otherwise
// at least 2 (totalPages, or totalResults over this page's count, when
// larger). An empty first page under a totalResults that counts entries is
// not a whole list: the walk is stuck there, and a caller that walks on
// gets its *IncompleteListError.
func (l *ListPage[T]) PageCount() int {
	got := len(l.Results)
	f := pageFacts{got: got, fresh: got, read: got, total: l.Total(), hasMore: l.hasMoreValue(), index: 1}
	if l.TotalPages != nil {
		f.pages = int(*l.TotalPages)
	}
	if st, _ := decide(f); st == stepEnd {
		return 1
	}
	n := max(f.pages, 2)
	if got > 0 && f.total > 0 {
		n = max(n, (f.total+got-1)/got)
	}
	return n
}

func (m PageMeta) hasMoreValue() *bool {
	if m.HasMore == nil {
		return nil
	}
	b := bool(*m.HasMore)
	return &b
}

// pageCursor is where a walk stands: the request for the next page, and
// how many distinct entries it has read.
type pageCursor struct {
	bySkip bool // the list counts by skip; otherwise by page
	opts   ListOptions
	read   int // distinct entries read so far, those before the start included

	// jumped says the walk stands on a page past the first without having
	// read those before it (a walk that starts on page 2, a lookup that
	// reads the last page first): the next answer takes them for full
	// pages of the walk's page size.
	jumped bool

	// moving marks a list that grows while it is read (conversations
	// arrive all the time): an empty page after the answers' totalResults
	// changed during the walk ends it, as the entries shifted under it;
	// a page of repeated entries is still an error.
	moving     bool
	firstTotal int // the first answer's totalResults

	pages    int      // pages asked for
	size     int      // the server's page size, learnt from the answers
	sure     bool     // size is the count of a page that others follow
	switched bool     // the walk has tried the other paging parameter
	tried    []string // requests that brought nothing new
	hasMore  bool     // the last answer's hasMore
	total    int      // the last answer's totalResults, 0 when none
	rule     string   // the rule that decided the last step
}

// jumpTo makes the cursor stand on page, the pages before it taken as
// full ones (see jumped).
func (c *pageCursor) jumpTo(page int) {
	c.bySkip = false
	c.opts = ListOptions{Page: page, Limit: c.opts.Limit}
	c.jumped = page > 1
	if !c.jumped {
		c.read = 0
	}
}

// index is the place in the list of the page an answer holds, from 1, or 0
// when it cannot be told.
func (c *pageCursor) index(m PageMeta) int {
	if !c.bySkip {
		return c.answeredPage(m)
	}
	start := c.answeredSkip(m)
	switch {
	case start == 0:
		return 1
	case c.size > 0:
		return start/c.size + 1
	}
	return 0
}

// learnSize takes the server's page size from an answer of got entries:
// its count when pages follow it (a full page), or else, for a first
// guess, its count on the first page of a walk and the larger of its
// count and stated limit on a page reached by a jump (a short last page
// must not make the pages before it seem fewer).
func (c *pageCursor) learnSize(m PageMeta, got, index int) {
	switch {
	case c.sure:
	case got > 0 && m.followed(index):
		c.size, c.sure = got, true
	case c.size > 0:
	case c.jumped:
		c.size = max(got, m.pageSize())
	default:
		c.size = got
		if c.size == 0 {
			c.size = m.pageSize()
		}
	}
}

// advance reads one answer of got entries (fresh of them not met before),
// decides by the tables above whether the list goes on, and on stepNext
// moves the cursor to where the answer says this page ended: its own skip
// plus what it held, or the page after the one it says it is.
func (c *pageCursor) advance(m PageMeta, got, fresh int) step {
	if c.pages <= 1 {
		c.firstTotal = m.Total()
	}
	index := c.index(m)
	c.learnSize(m, got, index)
	if c.jumped {
		c.read = (index - 1) * c.size
		c.jumped = false
	}
	c.read += fresh
	c.total = m.Total()
	c.hasMore = m.HasMore != nil && bool(*m.HasMore)
	f := pageFacts{got: got, fresh: fresh, read: c.read, total: c.total, hasMore: m.hasMoreValue(), index: index,
		moved: c.moving && c.total != c.firstTotal}
	if m.TotalPages != nil {
		f.pages = int(*m.TotalPages)
	}
	st, rule := decide(f)
	c.rule = rule
	if st != stepNext {
		return st
	}
	if c.bySkip {
		c.opts.Skip = c.answeredSkip(m) + got
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

// answeredSkip is where the answer says it starts, or the skip asked for
// when it says nothing.
func (c *pageCursor) answeredSkip(m PageMeta) int {
	if m.Skip != nil && *m.Skip >= 0 {
		return int(*m.Skip)
	}
	return c.opts.Skip
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
// to visit, until visit returns false or the list ends (see decide). A
// list that ends before its answers say it should is an
// *IncompleteListError, after one try of the other paging parameter (see
// pageCursor.switchWay). id names an entry, for telling new entries from
// repeated ones; an entry without an id is an error, because it could be
// neither referred to nor told apart from another. path names the list in
// errors.
func walkList[T any](ctx context.Context, start pageCursor, fetch func(context.Context, ListOptions) (*ListPage[T], error),
	id func(*T) string, path string, visit func(page []T) bool) error {
	cur := start
	seen := map[string]bool{}
	for cur.pages < maxPages {
		p, err := fetch(ctx, cur.opts)
		if err != nil {
			return err
		}
		cur.pages++
		fresh, err := freshEntries(p.Results, seen, id, path)
		if err != nil {
			return err
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

// freshEntries are the entries of a page not in seen, which it adds them
// to. An entry without an id, or without a field its type requires, is an
// error.
func freshEntries[T any](results []T, seen map[string]bool, id func(*T) string, path string) ([]T, error) {
	fresh := make([]T, 0, len(results))
	for i := range results {
		e := &results[i]
		key := id(e)
		if key == "" {
			return nil, &DecodeError{Method: "GET", Path: path, Reason: fmt.Sprintf("entry %d of the page has no id", i+1)}
		}
		if ck, ok := any(e).(complete); ok {
			if err := checkComplete("GET", path, ck); err != nil {
				return nil, err
			}
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		fresh = append(fresh, *e)
	}
	return fresh, nil
}
