package emulator

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// listUnderTest is one list endpoint, how it pages and how to give it more
// entries.
type listUnderTest struct {
	rel       string // route relative to the stream base
	byPage    bool   // the request pages by page (from 1), not by skip
	pageKey   string // "skip" or "page", the member the answer pages by
	fixedPage bool   // a fixed page size in the default reading
	add       func(h *harness, i int)
}

// listsUnderTest are every list endpoint. Conversations cannot be created
// through the API; the 46 seeded ones are enough to page.
func listsUnderTest() []listUnderTest {
	return []listUnderTest{
		{"/agents", true, "skip", true, func(h *harness, i int) {
			h.do(http.MethodPost, "/agents", newAgentBody(fmt.Sprintf("paging.%02d@example.com", i))).object(h.t, http.StatusOK)
		}},
		{"/organizations/" + DefaultSeed().OrgID + "/agents", true, "skip", true, nil}, // the agents above
		{"/conversations", false, "skip", false, nil},
		{"/contacts", false, "skip", false, func(h *harness, i int) {
			h.do(http.MethodPost, "/contacts", []any{contactBody("Page", "Contact", "MR", fmt.Sprintf("98765%05d", i), "+91")}).array(h.t, http.StatusOK)
		}},
		{"/queues", true, "page", false, func(h *harness, i int) {
			h.do(http.MethodPost, "/queues", minimalQueue(fmt.Sprintf("Paging queue %02d", i))).object(h.t, http.StatusOK)
		}},
		{"/skill-groups", true, "page", false, func(h *harness, i int) {
			h.do(http.MethodPost, "/skill-groups", map[string]any{"name": fmt.Sprintf("Paging group %02d", i)}).object(h.t, http.StatusOK)
		}},
		{"/skill-groups/" + defaultSkillGroupID + "/skills", true, "page", false, func(h *harness, i int) {
			h.do(http.MethodPost, "/skill-groups/"+defaultSkillGroupID+"/skills",
				map[string]any{"name": fmt.Sprintf("Paging skill %02d", i), "skillGroupId": defaultSkillGroupID}).object(h.t, http.StatusOK)
		}},
		{"/agent-groups", false, "skip", false, func(h *harness, i int) {
			h.do(http.MethodPost, "/agent-groups", map[string]any{"name": fmt.Sprintf("Paging ag %02d", i), "description": "d"}).object(h.t, http.StatusOK)
		}},
	}
}

// pagingHarness is an emulator whose every list holds at least 46 entries.
func pagingHarness(t *testing.T, cfg Config) *harness {
	h := newHarness(t, cfg)
	for _, l := range listsUnderTest() {
		if l.add == nil {
			continue
		}
		for i := range 46 {
			l.add(h, i)
		}
	}
	return h
}

// entryID is a list entry's id ("_id" for conversations).
func entryID(e any) string {
	m, _ := e.(map[string]any)
	if id, ok := m["id"].(string); ok {
		return id
	}
	id, _ := m["_id"].(string)
	return id
}

// listBody fetches page p (from 0) of size size, and returns its body.
func (h *harness) listBody(l listUnderTest, p, size int, limit string) map[string]any {
	h.t.Helper()
	q := url.Values{}
	if l.byPage {
		q.Set("page", strconv.Itoa(p+1))
	} else {
		q.Set("skip", strconv.Itoa(p*size))
	}
	if limit != "" {
		q.Set("limit", limit)
	}
	return h.do(http.MethodGet, l.rel+"?"+q.Encode(), nil).object(h.t, http.StatusOK)
}

// allIDs reads a whole list in one page, under ListLimitHonoured, for the
// reference order.
func allIDs(h *harness, l listUnderTest) []string {
	h.t.Helper()
	saved := h.srv.Readings()
	defer func() { _ = h.srv.SetReadings(saved) }()
	if err := h.srv.SetReadings(Readings{ListLimit: ListLimitHonoured}); err != nil {
		h.t.Fatal(err)
	}
	body := h.listBody(l, 0, 100, "100")
	results, _ := body["results"].([]any)
	if total := int(body["totalResults"].(float64)); total != len(results) || total < 46 || total > 100 {
		h.t.Fatalf("%s: %d results of %d; the test needs 46 to 100 in one page", l.rel, len(results), total)
	}
	out := make([]string, len(results))
	for i, e := range results {
		out[i] = entryID(e)
	}
	return out
}

// walk reads every page of l by the page size want it expects, asking for
// limit, and checks every page's members and ids against all.
func walk(t *testing.T, h *harness, l listUnderTest, limit string, want int, hasMoreAlways bool, all []string) {
	t.Helper()
	total := len(all)
	pages := (total + want - 1) / want
	for p := 0; p <= pages; p++ { // one page past the end too
		skip, at := p*want, p*want
		if l.pageKey == "page" {
			at = p + 1
		}
		body := h.listBody(l, p, want, limit)
		results, _ := body["results"].([]any)
		var got []string
		for _, e := range results {
			got = append(got, entryID(e))
		}
		wantIDs := all[min(skip, total):min(skip+want, total)]
		if !slices.Equal(got, wantIDs) {
			t.Fatalf("%s limit=%q page %d: ids = %v, want %v", l.rel, limit, p, got, wantIDs)
		}
		hasMore := hasMoreAlways || skip+len(wantIDs) < total
		checks := []struct {
			key  string
			want any
		}{
			{l.pageKey, float64(at)},
			{"limit", float64(want)},
			{"hasMore", hasMore},
			{"totalPages", float64(pages)},
			{"totalResults", float64(total)},
		}
		for _, c := range checks {
			if body[c.key] != c.want {
				t.Errorf("%s limit=%q page %d: %s = %v, want %v", l.rel, limit, p, c.key, body[c.key], c.want)
			}
		}
	}
}

// TestListLimitReadings walks every list under every ListLimitMode, asking
// for no limit, for 100 and for 7, and checks the page size each answer
// states and uses, its paging members, and that the pages together hold
// every entry once, in order.
func TestListLimitReadings(t *testing.T) {
	h := pagingHarness(t, Config{})
	for _, l := range listsUnderTest() {
		all := allIDs(h, l)
		for _, tc := range []struct {
			readings Readings
			// want is the page size for a request without limit, with 100
			// and with 7.
			want, wantFixed [3]int
		}{
			{Readings{}, [3]int{10, 100, 7}, [3]int{10, 10, 10}},
			{Readings{ListLimit: ListLimitDefault}, [3]int{10, 100, 7}, [3]int{10, 10, 10}},
			{Readings{ListLimit: ListLimitHonoured}, [3]int{10, 100, 7}, [3]int{10, 100, 7}},
			{Readings{ListLimit: ListLimitIgnored}, [3]int{10, 10, 10}, [3]int{10, 10, 10}},
			{Readings{ListLimit: ListLimitCapped}, [3]int{10, 25, 7}, [3]int{10, 25, 7}},
			{Readings{ListLimit: ListLimitCapped, ListLimitCap: 5}, [3]int{5, 5, 5}, [3]int{5, 5, 5}},
		} {
			if err := h.srv.SetReadings(tc.readings); err != nil {
				t.Fatal(err)
			}
			want := tc.want
			if l.fixedPage {
				want = tc.wantFixed
			}
			for i, limit := range []string{"", "100", "7"} {
				walk(t, h, l, limit, want[i], false, all)
			}
		}
	}
}

// TestHasMoreOnLastPage: every page answers hasMore true, the last and one
// past the end included, while totalResults and totalPages stay truthful;
// it combines with a ListLimitMode.
func TestHasMoreOnLastPage(t *testing.T) {
	h := pagingHarness(t, Config{Readings: Readings{HasMoreOnLastPage: true}})
	for _, l := range listsUnderTest() {
		all := allIDs(h, l)
		if err := h.srv.SetReadings(Readings{HasMoreOnLastPage: true}); err != nil {
			t.Fatal(err)
		}
		want := 100
		if l.fixedPage {
			want = 10
		}
		walk(t, h, l, "100", want, true, all)
		if err := h.srv.SetReadings(Readings{HasMoreOnLastPage: true, ListLimit: ListLimitCapped}); err != nil {
			t.Fatal(err)
		}
		walk(t, h, l, "100", 25, true, all)
	}
}

// TestListLimitValidation: a list that reads limit refuses a malformed one;
// a list that ignores it does not look at it.
func TestListLimitValidation(t *testing.T) {
	for _, tc := range []struct {
		mode                  ListLimitMode
		agents, conversations int
	}{
		{ListLimitDefault, http.StatusOK, http.StatusBadRequest},
		{ListLimitHonoured, http.StatusBadRequest, http.StatusBadRequest},
		{ListLimitIgnored, http.StatusOK, http.StatusOK},
		{ListLimitCapped, http.StatusBadRequest, http.StatusBadRequest},
	} {
		h := newHarness(t, Config{Readings: Readings{ListLimit: tc.mode}})
		for rel, want := range map[string]int{"/agents?limit=-1": tc.agents, "/conversations?limit=ten": tc.conversations} {
			res := h.do(http.MethodGet, rel, nil)
			if want == http.StatusOK {
				res.object(t, want)
				continue
			}
			if msg := res.errorMsg(t, want); !strings.HasPrefix(msg, "limit must be a non-negative integer") {
				t.Errorf("%s %s: msg = %q", tc.mode, rel, msg)
			}
		}
	}
}

// TestReadingsValidate: New and SetReadings refuse readings no server can
// play, and Config reports the defaults filled in.
func TestReadingsValidate(t *testing.T) {
	for _, bad := range []Readings{
		{ListLimit: "sometimes"},
		{ListLimitCap: -1},
		{UnknownStreamStatus: 200},
		{UnknownAccountStatus: 302},
		{MissingObjectStatus: 600},
		{ListSkip: "skip"},
		{ListPage: "page"},
		{ListFigures: "totals"},
		{HasMoreOnLastPage: true, HasMoreNever: true},
		{ThrottleStatus: 200},
	} {
		if err := bad.Validate(); err == nil {
			t.Errorf("Validate(%+v) = nil", bad)
		}
		s := New(Config{})
		if err := s.SetReadings(bad); err == nil {
			t.Errorf("SetReadings(%+v) = nil", bad)
		}
		if s.Readings() != (Readings{}).withDefaults() {
			t.Errorf("a refused SetReadings changed the readings to %+v", s.Readings())
		}
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("New accepted ListLimit \"sometimes\"")
			}
		}()
		New(Config{Readings: Readings{ListLimit: "sometimes"}})
	}()
	got := New(Config{}).Config().Readings
	want := Readings{ListLimit: ListLimitDefault, ListLimitCap: 25, ListFigures: ListFiguresAll, ListSkip: ListSkipHonoured, ListPage: ListPageHonoured,
		UnknownStreamStatus: 404, UnknownAccountStatus: 401, MissingObjectStatus: 404, ThrottleStatus: 429, DuplicateStatus: 409,
		CampaignReadings: CampaignReadings{CampaignIDField: CampaignIDDocumented, CampaignPreparingReads: DefaultCampaignPreparingReads}}
	if got != want {
		t.Errorf("Config().Readings = %+v, want %+v", got, want)
	}
}
