package emulator

import (
	"math"
	"net/url"
	"strconv"
)

// The skip/limit lists (conversations, reference §1.7; contacts, whose
// paging is undocumented, §1.8 and §1.9, work the same way): skip defaults
// to 0, limit to the samples' page size of 10 (also when 0), and limit is
// clamped to 100.
const (
	defaultPageLimit = 10
	maxPageLimit     = 100
)

// skipLimit reads the skip and limit query parameters.
func skipLimit(q url.Values) (skip, limit int, e *apiError) {
	if skip, e = queryCount(q.Get("skip"), "skip", 0); e != nil {
		return 0, 0, e
	}
	if limit, e = queryCount(q.Get("limit"), "limit", defaultPageLimit); e != nil {
		return 0, 0, e
	}
	if limit == 0 {
		limit = defaultPageLimit
	}
	return skip, min(limit, maxPageLimit), nil
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

// The page-based lists take page, from 1, instead of skip: agents
// (reference §1.1, fixed page size), skills (§1.4) and, their paging being
// undocumented (§1.9), skill groups and queues.

// pageLimit reads the page and limit query parameters: page defaults to 1
// and must be positive; limit is read as skipLimit reads it.
func pageLimit(q url.Values) (page, limit int, e *apiError) {
	if page, e = queryPage(q.Get("page")); e != nil {
		return 0, 0, e
	}
	if limit, e = queryCount(q.Get("limit"), "limit", defaultPageLimit); e != nil {
		return 0, 0, e
	}
	if limit == 0 {
		limit = defaultPageLimit
	}
	return page, min(limit, maxPageLimit), nil
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

// pagedList is listPage with "page" in place of "skip".
func pagedList(total, page, limit int, item func(i int) any) map[string]any {
	out := listPage(total, pageSkip(page, limit, total), limit, item)
	delete(out, "skip")
	out["page"] = page
	return out
}

// listPage is the list envelope every list page shares:
// {results, skip, limit, hasMore, totalPages, totalResults}. item renders
// the i-th of total matches; only those on the page are rendered.
func listPage(total, skip, limit int, item func(i int) any) map[string]any {
	results := []any{}
	for i := skip; i < total && i < skip+limit; i++ {
		results = append(results, item(i))
	}
	return map[string]any{
		"results":      results,
		"skip":         skip,
		"limit":        limit,
		"hasMore":      skip+len(results) < total,
		"totalPages":   (total + limit - 1) / limit,
		"totalResults": total,
	}
}
