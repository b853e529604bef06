package emulator

import (
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// listCampaigns serves POST /campaign/getAllCampaignDetails, the page "Get
// All Campaigns (v2)"
// (https://docs.kore.ai/ai-for-service/apis/contact-center/get-all-campaigns-v2).
// The body (it may be empty) takes:
//
//   - type: "voice" or "sms", required;
//   - skip, page, limit: numbers or "" (absent). skip wins over page
//     (from 1); limit is 50 (the samples' size) when absent or 0, at most
//     100;
//   - startDate, endDate: RFC 3339 bounds on createdAt, inclusive;
//   - sortBy: {name|createdAt|updatedAt: "asc"|"desc"}, applied in that
//     order of keys; createdAt desc when absent, as the samples list;
//   - filters: status (of Active, Completed, Ready, Paused, Preparing,
//     Stopped, Scheduled, Rescheduled), priority (numbers 1 to 5),
//     dialingMode (voice only).
//
// The answer's data is {results, skip, limit, hasMore, totalPages,
// totalResults} in the list shape (see campaignViewLocked), with the
// figure readings applied. A list shows statuses without reading them.
func (s *Server) listCampaigns(r *http.Request, _ map[string]string) (any, *apiError) {
	body := map[string]any{}
	if r.ContentLength != 0 {
		b, e := decodeObject(r)
		if e != nil {
			return nil, e
		}
		body = b
	}
	kind, _ := body["type"].(string)
	if kind != campaignSMS && kind != campaignVoice {
		return nil, badRequest(`type is required and must be "voice" or "sms", got %v`, body["type"])
	}
	limit, e := bodyCount(body, "limit", 50)
	if e != nil {
		return nil, e
	}
	if limit == 0 {
		limit = 50
	}
	limit = min(limit, maxPageLimit)
	skip, e := bodyCount(body, "skip", -1)
	if e != nil {
		return nil, e
	}
	if skip < 0 {
		page, e := bodyCount(body, "page", 1)
		if e != nil {
			return nil, e
		}
		skip = pageSkip(max(page, 1), limit, int(^uint(0)>>1))
	}
	match, e := campaignFilter(body, kind)
	if e != nil {
		return nil, e
	}
	less, e := campaignOrder(body["sortBy"])
	if e != nil {
		return nil, e
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	var found []map[string]any
	for _, c := range s.campaigns.all() {
		if match(c) {
			found = append(found, c)
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return less(found[i], found[j]) })
	q := r.URL.Query()
	page := s.listPage(q, len(found), skip, limit, func(i int) any {
		return s.campaignViewLocked(found[i], shapeList, str(found[i], "status"))
	})
	return campaignOK("Campaign  retrieved successfully", page), nil
}

// bodyCount reads a non-negative integer member that may also be "" or
// absent (def).
func bodyCount(body map[string]any, key string, def int) (int, *apiError) {
	switch v := body[key].(type) {
	case nil:
		return def, nil
	case string:
		if v == "" {
			return def, nil
		}
	case float64:
		if n, ok := wholeNumber(v); ok && n >= 0 {
			return n, nil
		}
	}
	return 0, badRequest("%s must be a non-negative integer or an empty string, got %v", key, body[key])
}

var campaignListStatuses = map[string]bool{
	"Active": true, "Completed": true, "Ready": true, "Paused": true,
	"Preparing": true, "Stopped": true, "Scheduled": true, "Rescheduled": true,
}

// campaignFilter builds the match of type, startDate, endDate and filters.
func campaignFilter(body map[string]any, kind string) (func(map[string]any) bool, *apiError) {
	var from, to time.Time
	for _, b := range []struct {
		key string
		t   *time.Time
	}{{"startDate", &from}, {"endDate", &to}} {
		v, present := body[b.key]
		if !present || v == nil || v == "" {
			continue
		}
		t, ok := parseTime(str(body, b.key))
		if !ok {
			return nil, badRequest("%s must be an ISO 8601 timestamp such as 2025-12-01T00:00:00.000Z, got %v", b.key, v)
		}
		*b.t = t
	}
	filters, _ := body["filters"].(map[string]any)
	if v, ok := body["filters"]; ok && v != nil && filters == nil {
		return nil, badRequest("filters must be an object")
	}
	statuses, e := filterSet(filters, "status", func(v any) (string, bool) {
		s, ok := v.(string)
		return s, ok && campaignListStatuses[s]
	})
	if e != nil {
		return nil, e
	}
	priorities, e := filterSet(filters, "priority", func(v any) (string, bool) {
		n, ok := wholeNumber(v)
		return strconv.Itoa(n), ok && n >= 1 && n <= 5
	})
	if e != nil {
		return nil, e
	}
	modes, e := filterSet(filters, "dialingMode", func(v any) (string, bool) {
		s, ok := v.(string)
		return s, ok && dialingModes[s]
	})
	if e != nil {
		return nil, e
	}
	return func(c map[string]any) bool {
		if str(c, "campaignType") != kind {
			return false
		}
		created, _ := parseTime(str(c, "createdAt"))
		if !from.IsZero() && created.Before(from) || !to.IsZero() && created.After(to) {
			return false
		}
		return (statuses == nil || statuses[str(c, "status")]) &&
			(priorities == nil || priorities[str(c, "priority")]) &&
			(modes == nil || kind == campaignSMS || modes[str(c, "dialingMode")])
	}, nil
}

// filterSet reads filters[key], an optional array whose values valid
// accepts; nil when absent.
func filterSet(filters map[string]any, key string, valid func(any) (string, bool)) (map[string]bool, *apiError) {
	v, present := filters[key]
	if !present || v == nil {
		return nil, nil
	}
	arr, ok := v.([]any)
	if !ok {
		return nil, badRequest("filters.%s must be an array", key)
	}
	set := map[string]bool{}
	for i, e := range arr {
		s, ok := valid(e)
		if !ok {
			return nil, badRequest("filters.%s[%d] is not an allowed value: %v", key, i, e)
		}
		set[s] = true
	}
	return set, nil
}

// campaignOrder builds the order sortBy asks for.
func campaignOrder(v any) (func(a, b map[string]any) bool, *apiError) {
	sortBy, ok := v.(map[string]any)
	if v != nil && !ok {
		return nil, badRequest("sortBy must be an object")
	}
	type key struct {
		field string
		desc  bool
	}
	var keys []key
	for k := range sortBy {
		if k != "name" && k != "createdAt" && k != "updatedAt" {
			return nil, badRequest("sortBy.%s is not a sort field: use name, createdAt or updatedAt", k)
		}
	}
	for _, f := range []string{"name", "createdAt", "updatedAt"} {
		dir, present := sortBy[f]
		if !present {
			continue
		}
		if dir != "asc" && dir != "desc" {
			return nil, badRequest(`sortBy.%s must be "asc" or "desc", got %v`, f, dir)
		}
		keys = append(keys, key{f, dir == "desc"})
	}
	if len(keys) == 0 {
		keys = []key{{"createdAt", true}}
	}
	return func(a, b map[string]any) bool {
		for _, k := range keys {
			x, y := str(a, k.field), str(b, k.field)
			if k.field == "name" {
				x, y = strings.ToLower(x), strings.ToLower(y)
			}
			if x == y {
				continue
			}
			return (x < y) != k.desc
		}
		return false
	}, nil
}
