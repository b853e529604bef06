package emulator

import (
	"net/url"
	"strconv"
)

// The list pages document an answer with every figure, {results, page or
// skip, limit, hasMore, totalPages, totalResults}, and samples whose
// figures disagree: the queue sample says "hasMore": true with
// "totalPages": 1 ("Get a List of Queues",
// https://docs.kore.ai/ai-for-service/apis/contact-center/get-a-list-of-queues).
// So a real server may leave figures out, state the limit it was asked for
// rather than the one it applied, or say hasMore against its own counts.
// These readings play each, so a client can be tested against them.

// ListFiguresMode is which figures a list page gives.
type ListFiguresMode string

const (
	// ListFiguresAll gives hasMore, totalPages and totalResults. The
	// default.
	ListFiguresAll ListFiguresMode = "all"
	// ListFiguresNoTotal leaves totalResults out: hasMore and totalPages
	// remain.
	ListFiguresNoTotal ListFiguresMode = "no-total"
	// ListFiguresHasMore gives hasMore alone: totalPages and totalResults
	// are left out.
	ListFiguresHasMore ListFiguresMode = "has-more"
	// ListFiguresNone gives none of the three: the page says only where it
	// starts and its limit.
	ListFiguresNone ListFiguresMode = "none"
)

var listFiguresModes = map[ListFiguresMode]struct{}{
	ListFiguresAll: {}, ListFiguresNoTotal: {}, ListFiguresHasMore: {}, ListFiguresNone: {},
}

const listFiguresModeNames = "all, no-total, has-more or none"

// stateFigures sets the figures of a list page under the readings in
// force: out holds results and its position, served is the page size the
// list applied, asked the limit query parameter it was sent, total the
// entries the list holds and more whether any follow this page.
func (s *Server) stateFigures(out map[string]any, q url.Values, served, total int, more bool) {
	r := s.rd()
	stated := served
	if r.ListLimitEcho {
		if asked, err := strconv.Atoi(q.Get("limit")); err == nil && asked > 0 {
			stated = asked
		}
	}
	out["limit"] = stated
	switch {
	case r.HasMoreOnLastPage:
		more = true
	case r.HasMoreNever:
		more = false
	}
	switch r.ListFigures {
	case ListFiguresNone:
		return
	case ListFiguresHasMore:
		out["hasMore"] = more
		return
	}
	out["hasMore"] = more
	out["totalPages"] = (total + stated - 1) / stated
	if r.ListFigures != ListFiguresNoTotal {
		out["totalResults"] = total
	}
}
