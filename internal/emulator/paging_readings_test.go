package emulator

import (
	"fmt"
	"net/http"
	"testing"
)

// firstID asks list l for the page the query names and returns the page's
// first entry's id, its result count and its totalResults.
func (h *harness) firstID(l listUnderTest, query string) (string, int, int) {
	h.t.Helper()
	body := h.do(http.MethodGet, l.rel+"?"+query, nil).object(h.t, http.StatusOK)
	results := body["results"].([]any)
	total, _ := body["totalResults"].(float64)
	if len(results) == 0 {
		return "", 0, int(total)
	}
	return entryID(results[0]), len(results), int(total)
}

// Under each paging reading, each list starts its page where the reading
// says: skip or page read, or ignored (the first entry again), with the
// list's true totalResults.
func TestPagingReadings(t *testing.T) {
	cases := []struct {
		name     string
		readings Readings
		// skipList and pageList say which entry (0-based, of the list in
		// order) a page asked with skip=10 and with page=2 (limit 10)
		// starts on, for the lists paged by skip and by page. Contacts and
		// conversations read no page by default.
		skipList, pageList struct{ skip, page int }
		size               int // the page size answered for limit=10
	}{
		{"default", Readings{}, struct{ skip, page int }{10, 0}, struct{ skip, page int }{0, 10}, 10},
		{"skip ignored, page honoured", Readings{ListSkip: ListSkipPage}, struct{ skip, page int }{0, 10}, struct{ skip, page int }{0, 10}, 10},
		{"skip ignored", Readings{ListSkip: ListSkipIgnored}, struct{ skip, page int }{0, 0}, struct{ skip, page int }{0, 10}, 10},
		{"page ignored, skip honoured", Readings{ListPage: ListPageSkip}, struct{ skip, page int }{10, 0}, struct{ skip, page int }{10, 0}, 10},
		{"page ignored", Readings{ListPage: ListPageIgnored}, struct{ skip, page int }{10, 0}, struct{ skip, page int }{0, 0}, 10},
		{"every paging parameter ignored", Readings{ListPagingIgnored: true, ListLimit: ListLimitHonoured}, struct{ skip, page int }{0, 0}, struct{ skip, page int }{0, 0}, 10},
	}
	h := pagingHarness(t, Config{})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, l := range listsUnderTest() {
				if l.rel == "/agents" || l.rel == "/conversations" || l.rel == "/contacts" || l.rel == "/queues" || l.rel == "/agent-groups" {
					if err := h.srv.SetReadings(Readings{ListLimit: ListLimitHonoured}); err != nil {
						t.Fatal(err)
					}
					var order []string
					for p := range 3 {
						q := fmt.Sprintf("skip=%d&limit=10", p*10)
						if l.byPage {
							q = fmt.Sprintf("page=%d&limit=10", p+1)
						}
						body := h.do(http.MethodGet, l.rel+"?"+q, nil).object(t, http.StatusOK)
						for _, e := range body["results"].([]any) {
							order = append(order, entryID(e))
						}
					}
					_, _, total := h.firstID(l, "limit=10")
					if err := h.srv.SetReadings(tc.readings); err != nil {
						t.Fatal(err)
					}
					want := tc.skipList
					if l.byPage {
						want = tc.pageList
					}
					if l.rel == "/agent-groups" && tc.readings.ListSkip == "" && !tc.readings.ListPagingIgnored {
						want.page = 10 // agent groups read page in place of skip by default
					}
					for q, at := range map[string]int{"skip=10&limit=10": want.skip, "page=2&limit=10": want.page} {
						id, n, gotTotal := h.firstID(l, q)
						if id != order[at] || n != tc.size || gotTotal != total {
							t.Errorf("%s?%s: first %s, %d results, total %d; want %s (entry %d), %d, %d", l.rel, q, id, n, gotTotal, order[at], at, tc.size, total)
						}
					}
				}
			}
		})
	}
	if err := h.srv.SetReadings(Readings{ListPagingIgnored: true}); err != nil {
		t.Fatal(err)
	}
	body := h.do(http.MethodGet, "/contacts?skip=20&limit=50", nil).object(t, http.StatusOK)
	if body["skip"] != 0.0 || body["limit"] != 10.0 || body["hasMore"] != true || len(body["results"].([]any)) != 10 {
		t.Errorf("contacts under every parameter ignored: skip %v, limit %v, hasMore %v, %d results; want 0, 10, true, 10",
			body["skip"], body["limit"], body["hasMore"], len(body["results"].([]any)))
	}
	if err := h.srv.SetReadings(Readings{ListPage: ListPageSkip, ListLimit: ListLimitHonoured}); err != nil {
		t.Fatal(err)
	}
	body = h.do(http.MethodGet, "/queues?skip=20&limit=10", nil).object(t, http.StatusOK)
	if body["page"] != 3.0 {
		t.Errorf("a queues page served by skip=20 says page %v, want 3", body["page"])
	}
}
