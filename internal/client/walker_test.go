package client

import (
	"strings"
	"testing"
)

// Every end condition of the walker, and every rule of what the figures
// say, decides at least one case; the rule that decided is named.
func TestWalkerEndConditions(t *testing.T) {
	yes, no := true, false
	cases := []struct {
		name string
		f    pageFacts
		want step
		rule string // the start of the deciding rules' names
	}{
		// Empty pages.
		{"empty first page, no figures", pageFacts{}, stepEnd, "an empty page (no figures)"},
		{"empty page, hasMore true", pageFacts{read: 100, hasMore: &yes}, stepEnd, "an empty page (hasMore: true)"},
		{"empty page, totalResults read", pageFacts{read: 100, total: 100}, stepEnd, "an empty page (totalResults read)"},
		{"empty page under totalResults", pageFacts{read: 100, total: 120}, stepStuck,
			"an empty page while totalResults counts entries not read"},
		{"empty page of a list that moved", pageFacts{read: 100, total: 130, moved: true}, stepEnd,
			"an empty page of a list that moved while it was read"},
		// Pages of entries read before.
		{"repeated page, hasMore true", pageFacts{got: 10, read: 10, hasMore: &yes}, stepStuck,
			"a page of entries read before, while the figures say more follow (hasMore: true)"},
		{"repeated page under totalResults", pageFacts{got: 10, read: 10, total: 30, hasMore: &no}, stepStuck,
			"a page of entries read before, while the figures say more follow (fewer than totalResults read)"},
		{"repeated page before totalPages", pageFacts{got: 10, read: 10, pages: 3, index: 2}, stepStuck,
			"a page of entries read before, while the figures say more follow (totalPages after this page)"},
		{"repeated page, totalResults read, hasMore true", pageFacts{got: 10, read: 10, total: 10, hasMore: &yes}, stepEnd,
			"a page of entries read before, no figure saying more follow (totalResults read)"},
		{"repeated page, no figures", pageFacts{got: 10, read: 10}, stepEnd,
			"a page of entries read before, no figure saying more follow (no figures)"},
		// Pages with new entries: totalResults rules when given.
		{"totalResults read", pageFacts{got: 10, fresh: 10, read: 30, total: 30}, stepEnd, "the figures are met (totalResults read)"},
		{"totalResults read, hasMore true (the last page says more)", pageFacts{got: 10, fresh: 10, read: 30, total: 30, hasMore: &yes},
			stepEnd, "the figures are met (totalResults read)"},
		{"a short page under totalResults", pageFacts{got: 25, fresh: 25, read: 25, total: 60}, stepNext,
			"the figures say more follow (fewer than totalResults read)"},
		{"under totalResults, hasMore false", pageFacts{got: 25, fresh: 25, read: 25, total: 60, hasMore: &no}, stepNext,
			"the figures say more follow (fewer than totalResults read)"},
		// Without totalResults: the figure that says more follow wins.
		{"a short page, hasMore true (a capped server)", pageFacts{got: 5, fresh: 5, read: 5, hasMore: &yes}, stepNext,
			"the figures say more follow (hasMore: true)"},
		{"hasMore true, totalPages 1 (the queue sample)", pageFacts{got: 10, fresh: 10, read: 10, hasMore: &yes, pages: 1, index: 1},
			stepNext, "the figures say more follow (hasMore: true)"},
		{"hasMore false, totalPages beyond", pageFacts{got: 10, fresh: 10, read: 10, hasMore: &no, pages: 3, index: 1},
			stepNext, "the figures say more follow (totalPages after this page)"},
		{"totalPages beyond, no hasMore", pageFacts{got: 1, fresh: 1, read: 1, pages: 2, index: 1}, stepNext,
			"the figures say more follow (totalPages after this page)"},
		{"hasMore false", pageFacts{got: 100, fresh: 100, read: 100, hasMore: &no}, stepEnd, "the figures are met (hasMore: false)"},
		{"hasMore false, the last page by totalPages", pageFacts{got: 5, fresh: 5, read: 25, hasMore: &no, pages: 3, index: 3},
			stepEnd, "the figures are met (hasMore: false)"},
		{"the last page by totalPages, no hasMore", pageFacts{got: 5, fresh: 5, read: 25, pages: 3, index: 3}, stepEnd,
			"the figures are met (the last page by totalPages)"},
		{"totalPages on a page of unknown place", pageFacts{got: 5, fresh: 5, read: 25, pages: 3}, stepNext,
			"an answer without figures (no figures)"},
		// No figures at all: one more page, whatever its length.
		{"no figures, a short page", pageFacts{got: 5, fresh: 5, read: 5}, stepNext, "an answer without figures (no figures)"},
		{"an overlapping page with new entries", pageFacts{got: 10, fresh: 2, read: 12, hasMore: &no}, stepEnd,
			"the figures are met (hasMore: false)"},
	}
	usedSteps := map[string]bool{}
	usedFigures := map[string]bool{}
	for _, tc := range cases {
		got, rule := decide(tc.f)
		if got != tc.want || !strings.HasPrefix(rule, tc.rule) {
			t.Errorf("%s: %s by %q, want %s by %q", tc.name, got, rule, tc.want, tc.rule)
		}
		for _, r := range stepRules {
			usedSteps[r.name] = usedSteps[r.name] || strings.HasPrefix(rule, r.name+" (")
		}
		for _, r := range figureRules {
			usedFigures[r.name] = usedFigures[r.name] || strings.HasSuffix(rule, "("+r.name+")")
		}
	}
	for _, r := range stepRules {
		if !usedSteps[r.name] {
			t.Errorf("no case ends by the step rule %q", r.name)
		}
	}
	for _, r := range figureRules {
		if !usedFigures[r.name] {
			t.Errorf("no case is decided by the figure rule %q", r.name)
		}
	}
}

// The cursor moves to where the answer says its page ended, never by the
// page size asked for, and believes a page's count over its stated limit.
func TestPageCursorMovesByWhatTheAnswerSays(t *testing.T) {
	i := func(n int64) *FlexInt { v := FlexInt(n); return &v }
	yes := FlexBool(true)
	cases := []struct {
		name  string
		start pageCursor
		meta  PageMeta
		got   int
		next  ListOptions
		size  int
	}{
		{"a short page under the total", pageCursor{opts: ListOptions{Page: 1, Limit: 100}},
			PageMeta{Limit: i(100), TotalResults: i(60)}, 25, ListOptions{Page: 2, Limit: 100}, 25},
		{"the answer's page is followed", pageCursor{opts: ListOptions{Page: 1, Limit: 100}},
			PageMeta{Page: i(3), Limit: i(10), TotalResults: i(100)}, 10, ListOptions{Page: 4, Limit: 100}, 10},
		{"by skip, where the answer ended", pageCursor{bySkip: true, opts: ListOptions{Limit: 100, bySkip: true}},
			PageMeta{Skip: i(0), Limit: i(25), TotalResults: i(60)}, 25, ListOptions{Skip: 25, Limit: 100, bySkip: true}, 25},
		{"by skip, a capped page that echoes the limit", pageCursor{bySkip: true, opts: ListOptions{Limit: 100, bySkip: true}},
			PageMeta{Skip: i(0), Limit: i(100), HasMore: &yes}, 5, ListOptions{Skip: 5, Limit: 100, bySkip: true}, 5},
	}
	for _, tc := range cases {
		cur := tc.start
		cur.pages = 1
		if st := cur.advance(tc.meta, tc.got, tc.got); st != stepNext || cur.opts != tc.next || cur.size != tc.size {
			t.Errorf("%s: %s, next %+v, size %d; want next %+v, size %d", tc.name, st, cur.opts, cur.size, tc.next, tc.size)
		}
	}
}

// A walk that starts past the first page takes the pages before it for
// full pages of the size a followed page holds, not of the limit it
// echoes: under totalResults, the walk goes on to the real last page.
func TestJumpedWalkEstimatesByThePagesCount(t *testing.T) {
	i := func(n int64) *FlexInt { v := FlexInt(n); return &v }
	yes, no := FlexBool(true), FlexBool(false)
	cur := pageCursor{opts: ListOptions{Limit: 100}}
	cur.jumpTo(2)
	cur.pages = 1
	// 137 entries, 25 a page, the limit asked (100) echoed.
	if st := cur.advance(PageMeta{Page: i(2), Limit: i(100), HasMore: &yes, TotalResults: i(137)}, 25, 25); st != stepNext || cur.read != 50 {
		t.Fatalf("page 2: %s, read %d; want next, 50", st, cur.read)
	}
	for page := 3; page <= 5; page++ {
		if st := cur.advance(PageMeta{Page: i(int64(page)), Limit: i(100), HasMore: &yes, TotalResults: i(137)}, 25, 25); st != stepNext {
			t.Fatalf("page %d: %s by %s", page, st, cur.rule)
		}
	}
	if st := cur.advance(PageMeta{Page: i(6), Limit: i(100), HasMore: &no, TotalResults: i(137)}, 12, 12); st != stepEnd || cur.read != 137 {
		t.Fatalf("page 6: %s, read %d; want end, 137", st, cur.read)
	}
}

// PageCount says 1 only when the walker would end on the first page.
func TestPageCountFollowsTheWalker(t *testing.T) {
	i := func(n int64) *FlexInt { v := FlexInt(n); return &v }
	yes, no := FlexBool(true), FlexBool(false)
	page := func(n int, m PageMeta) *ListPage[Agent] {
		return &ListPage[Agent]{Results: make(FlexList[Agent], n), PageMeta: m}
	}
	cases := []struct {
		name string
		l    *ListPage[Agent]
		want int
	}{
		{"hasMore false", page(3, PageMeta{HasMore: &no, TotalPages: i(1)}), 1},
		{"a capped page that echoes the limit, hasMore true", page(5, PageMeta{Limit: i(100), HasMore: &yes}), 2},
		{"no figures", page(5, PageMeta{}), 2},
		{"totalResults over a capped page", page(25, PageMeta{Limit: i(100), TotalPages: i(2), TotalResults: i(137)}), 6},
		{"totalResults read", page(7, PageMeta{HasMore: &yes, TotalResults: i(7)}), 1},
		{"empty", page(0, PageMeta{HasMore: &yes}), 1},
		{"empty under a totalResults that counts entries", page(0, PageMeta{TotalResults: i(12)}), 2},
	}
	for _, tc := range cases {
		if got := tc.l.PageCount(); got != tc.want {
			t.Errorf("%s: %d pages, want %d", tc.name, got, tc.want)
		}
	}
}
