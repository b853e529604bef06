package emulator

import (
	"net/url"
	"sort"
	"strings"
)

// ListLimitMode is a reading of the lists' limit query parameter, which the
// vendor's pages document for skills and conversations only and bound
// nowhere (the pages "Get All Skills from a Skill Group",
// https://docs.kore.ai/ai-for-service/apis/contact-center/get-all-skills-from-a-skill-group,
// and "List of Conversations",
// https://docs.kore.ai/ai-for-service/apis/contact-center/list-of-conversations).
// Whatever the mode, an answer's own limit member states the page size it
// used, and its skip, page and totalPages follow from that size.
type ListLimitMode string

const (
	// ListLimitDefault is the emulator's own reading: the agents lists
	// answer a fixed page of 10 and ignore limit, as their page documents
	// no limit; every other list honours limit up to 100, 10 when absent
	// or 0.
	ListLimitDefault ListLimitMode = "default"

	// ListLimitHonoured makes every list, the agents lists included,
	// honour limit up to 100, 10 when absent or 0.
	ListLimitHonoured ListLimitMode = "honour"

	// ListLimitIgnored makes every list ignore limit, even a malformed
	// one, and answer 10 a page, as the samples do.
	ListLimitIgnored ListLimitMode = "ignore"

	// ListLimitCapped makes every list honour limit up to
	// Readings.ListLimitCap; a page asked without a limit holds 10, or the
	// cap when that is smaller.
	ListLimitCapped ListLimitMode = "cap"
)

// listLimitModes are the known modes.
var listLimitModes = map[ListLimitMode]struct{}{
	ListLimitDefault:  {},
	ListLimitHonoured: {},
	ListLimitIgnored:  {},
	ListLimitCapped:   {},
}

// listLimitModeNames lists the known modes for messages, e.g.
// "cap, default, honour or ignore".
func listLimitModeNames() string {
	names := make([]string, 0, len(listLimitModes))
	for m := range listLimitModes {
		names = append(names, string(m))
	}
	sort.Strings(names)
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// pageSize is the page size a list answers with under the readings in
// force. fixedPage marks the lists with a fixed page size in the default
// reading (the agents lists).
func (s *Server) pageSize(q url.Values, fixedPage bool) (int, *apiError) {
	r := s.rd()
	switch {
	case r.ListLimit == ListLimitDefault && fixedPage:
		return agentsPageSize, nil
	case r.ListLimit == ListLimitIgnored:
		return defaultPageLimit, nil
	case r.ListLimit == ListLimitCapped:
		return queryLimit(q, r.ListLimitCap)
	default:
		return queryLimit(q, maxPageLimit)
	}
}

// queryLimit reads the limit query parameter: defaultPageLimit when absent
// or 0, at most maxLimit.
func queryLimit(q url.Values, maxLimit int) (int, *apiError) {
	limit, e := queryCount(q.Get("limit"), "limit", defaultPageLimit)
	if e != nil {
		return 0, e
	}
	if limit == 0 {
		limit = defaultPageLimit
	}
	return min(limit, maxLimit), nil
}
