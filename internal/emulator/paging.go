package emulator

import (
	"math"
	"net/url"
	"strconv"
)

// The skip/limit lists are conversations ("List of Conversations",
// https://docs.kore.ai/ai-for-service/apis/contact-center/list-of-conversations)
// and, their query parameters being undocumented, contacts ("Get All
// Contacts", https://docs.kore.ai/ai-for-service/apis/contact-center/get-all-contacts)
// and agent groups ("Get All Agent Groups",
// https://docs.kore.ai/ai-for-service/apis/contact-center/get-all-agent-groups):
// skip defaults to 0. How limit is read depends on Readings.ListLimit; the
// samples' page size is 10, and 100 is the largest page any reading grants.
const (
	defaultPageLimit = 10
	maxPageLimit     = 100
)

// skipLimit reads the skip and limit query parameters.
func (s *Server) skipLimit(q url.Values) (skip, limit int, e *apiError) {
	if skip, e = queryCount(q.Get("skip"), "skip", 0); e != nil {
		return 0, 0, e
	}
	if limit, e = s.pageSize(q, false); e != nil {
		return 0, 0, e
	}
	return skip, limit, nil
}

// queryCount parses a non-negative integer query parameter.
func queryCount(v, name string, def int) (int, *apiError) {
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, badRequest("%s must be a non-negative integer, got %q", name, v)
	}
	return n, nil
}

// The page-based lists take page, from 1, instead of skip: agents ("List
// All Agents", https://docs.kore.ai/ai-for-service/apis/contact-center/list-all-agents,
// a fixed page size in the default reading), skills ("Get All Skills from
// a Skill Group",
// https://docs.kore.ai/ai-for-service/apis/contact-center/get-all-skills-from-a-skill-group)
// and, their query parameters being undocumented, skill groups ("Get All
// Skill Groups", https://docs.kore.ai/ai-for-service/apis/contact-center/get-all-skill-groups)
// and queues ("Get a List of Queues",
// https://docs.kore.ai/ai-for-service/apis/contact-center/get-a-list-of-queues).

// pageLimit reads the page and limit query parameters: page defaults to 1
// and must be positive; limit is read as skipLimit reads it.
func (s *Server) pageLimit(q url.Values) (page, limit int, e *apiError) {
	if page, e = queryPage(q.Get("page")); e != nil {
		return 0, 0, e
	}
	if limit, e = s.pageSize(q, false); e != nil {
		return 0, 0, e
	}
	return page, limit, nil
}

// queryPage parses a page number, 1 when absent.
func queryPage(v string) (int, *apiError) {
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, badRequest("page must be a positive integer, got %q", v)
	}
	return n, nil
}

// pageSkip is (page-1)*limit, the number of items before page. A page so far
// past the end that the product would overflow skips just everything.
func pageSkip(page, limit, total int) int {
	if page-1 > math.MaxInt/limit-1 {
		return total
	}
	return (page - 1) * limit
}

// pagedList is listPage with "page" in place of "skip", for page under the
// paging readings in force (see readPaging): a page served from elsewhere
// than page asks says the page it is.
func (s *Server) pagedList(q url.Values, total, page, limit int, item func(i int) any) map[string]any {
	asked := pageSkip(page, limit, total)
	start, size := s.readPaging(q, false, asked, limit)
	out := s.listPage(q, total, start, size, item)
	delete(out, "skip")
	out["page"] = page
	if start != asked || size != limit {
		out["page"] = start/size + 1
	}
	return out
}

// listPage is the list envelope every list page shares:
// {results, skip, limit, hasMore, totalPages, totalResults}, as the
// figure readings give it (see stateFigures). item renders the i-th of
// total matches; only those on the page are rendered. q is the request's
// query.
func (s *Server) listPage(q url.Values, total, skip, limit int, item func(i int) any) map[string]any {
	results := []any{}
	for i := skip; i < total && i < skip+limit; i++ {
		results = append(results, item(i))
	}
	out := map[string]any{"results": results, "skip": skip}
	s.stateFigures(out, q, limit, total, skip+len(results) < total)
	return out
}
