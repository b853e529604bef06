package emulator

import (
	"slices"
	"testing"
)

// TestListFiguresReadings reads every list under the figure readings: a
// server that caps its pages at 5 and echoes the limit asked (100), with
// every figure, without totalResults, with hasMore alone, with none; and
// hasMore that contradicts the other figures. Each page's members are
// checked, and the pages together hold every entry once, in order.
func TestListFiguresReadings(t *testing.T) {
	h := pagingHarness(t, Config{})
	capped := Readings{ListLimit: ListLimitCapped, ListLimitCap: 5, ListLimitEcho: true}
	with := func(r Readings, f func(*Readings)) Readings { f(&r); return r }
	for _, l := range listsUnderTest() {
		all := allIDs(h, l)
		total := len(all)
		pages := (total + 4) / 5
		for _, tc := range []struct {
			name     string
			readings Readings
			// want gives the members a page p (from 0) must have, nil for
			// a member that must be absent.
			want func(p int) map[string]any
		}{
			{"capped, echoed, every figure", capped, func(p int) map[string]any {
				return map[string]any{"limit": 100.0, "hasMore": p < pages-1, "totalPages": 1.0, "totalResults": float64(total)}
			}},
			{"capped, echoed, no totalResults", with(capped, func(r *Readings) { r.ListFigures = ListFiguresNoTotal }), func(p int) map[string]any {
				return map[string]any{"limit": 100.0, "hasMore": p < pages-1, "totalPages": 1.0, "totalResults": nil}
			}},
			{"capped, echoed, hasMore alone", with(capped, func(r *Readings) { r.ListFigures = ListFiguresHasMore }), func(p int) map[string]any {
				return map[string]any{"limit": 100.0, "hasMore": p < pages-1, "totalPages": nil, "totalResults": nil}
			}},
			{"capped, echoed, no figures", with(capped, func(r *Readings) { r.ListFigures = ListFiguresNone }), func(p int) map[string]any {
				return map[string]any{"limit": 100.0, "hasMore": nil, "totalPages": nil, "totalResults": nil}
			}},
			{"capped, not echoed, hasMore false on every page", Readings{ListLimit: ListLimitCapped, ListLimitCap: 5, HasMoreNever: true}, func(p int) map[string]any {
				return map[string]any{"limit": 5.0, "hasMore": false, "totalPages": float64(pages), "totalResults": float64(total)}
			}},
			{"capped, echoed, hasMore on the last page (the queue sample: hasMore true, totalPages 1)",
				with(capped, func(r *Readings) { r.HasMoreOnLastPage = true; r.ListFigures = ListFiguresNoTotal }), func(p int) map[string]any {
					return map[string]any{"limit": 100.0, "hasMore": true, "totalPages": 1.0, "totalResults": nil}
				}},
		} {
			if err := h.srv.SetReadings(tc.readings); err != nil {
				t.Fatal(err)
			}
			var got []string
			for p := 0; p <= pages; p++ { // one page past the end too
				body := h.listBody(l, p, 5, "100")
				results, _ := body["results"].([]any)
				for _, e := range results {
					got = append(got, entryID(e))
				}
				if want := min(5, max(total-p*5, 0)); len(results) != want {
					t.Errorf("%s %s page %d: %d results, want %d", l.rel, tc.name, p, len(results), want)
				}
				if p == pages {
					continue // past the end: hasMore's truth is the last page's
				}
				for k, v := range tc.want(p) {
					if body[k] != v {
						t.Errorf("%s %s page %d: %s = %v, want %v", l.rel, tc.name, p, k, body[k], v)
					}
				}
			}
			if !slices.Equal(got, all) {
				t.Errorf("%s %s: the pages hold %v, want %v", l.rel, tc.name, got, all)
			}
		}
	}
}
