package emulator

import (
	"net/url"
	"strconv"
)

// The list pages document no query parameters but for skills and
// conversations, so which of skip and page a list reads is unknown (the
// pages "Get All Contacts",
// https://docs.kore.ai/ai-for-service/apis/contact-center/get-all-contacts,
// and "Get All Agent Groups",
// https://docs.kore.ai/ai-for-service/apis/contact-center/get-all-agent-groups,
// show none). These readings make a list ignore the parameter a client
// pages it by, so the client can be tested against a server that answers
// the same page again while its own totalResults says more exist.

// ListSkipMode is how the lists that page by skip (contacts, agent groups,
// conversations) read skip.
type ListSkipMode string

const (
	// ListSkipHonoured reads skip (agent groups also read page in its
	// place). The default.
	ListSkipHonoured ListSkipMode = "honour"
	// ListSkipPage ignores skip, answering from the start whatever it
	// says, but reads page (from 1) when it is sent.
	ListSkipPage ListSkipMode = "page"
	// ListSkipIgnored ignores skip and page: every page starts at the
	// first entry.
	ListSkipIgnored ListSkipMode = "ignore"
)

// ListPageMode is how the lists that page by page (agents, queues, skill
// groups, skills) read page.
type ListPageMode string

const (
	// ListPageHonoured reads page. The default.
	ListPageHonoured ListPageMode = "honour"
	// ListPageSkip ignores page, answering the first page whatever it
	// says, but reads skip when it is sent.
	ListPageSkip ListPageMode = "skip"
	// ListPageIgnored ignores page and skip: every page starts at the
	// first entry.
	ListPageIgnored ListPageMode = "ignore"
)

var (
	listSkipModes = map[ListSkipMode]struct{}{ListSkipHonoured: {}, ListSkipPage: {}, ListSkipIgnored: {}}
	listPageModes = map[ListPageMode]struct{}{ListPageHonoured: {}, ListPageSkip: {}, ListPageIgnored: {}}
)

// readPaging turns the start and size a list computed from its own
// parameters into those the readings in force serve. bySkip says the list
// pages by skip. A parameter read only under a reading and malformed is
// taken as absent: such a server does not validate what it does not read.
func (s *Server) readPaging(q url.Values, bySkip bool, start, limit int) (int, int) {
	r := s.rd()
	switch {
	case r.ListPagingIgnored:
		return 0, defaultPageLimit
	case bySkip && r.ListSkip == ListSkipIgnored, !bySkip && r.ListPage == ListPageIgnored:
		return 0, limit
	case bySkip && r.ListSkip == ListSkipPage:
		if page, err := strconv.Atoi(q.Get("page")); err == nil && page >= 1 {
			return pageSkip(page, limit, int(^uint(0)>>1)), limit
		}
		return 0, limit
	case !bySkip && r.ListPage == ListPageSkip:
		if skip, err := strconv.Atoi(q.Get("skip")); err == nil && skip >= 0 {
			return skip, limit
		}
		return 0, limit
	}
	return start, limit
}
