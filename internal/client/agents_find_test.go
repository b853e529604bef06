package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// pagedAgents serves list-all-agents over n agents agent<i>@example.com in
// pages of ten, and records the pages asked for.
type pagedAgents struct {
	n int

	mu    sync.Mutex
	pages []int
	posts int
}

func (p *pagedAgents) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost {
		p.mu.Lock()
		p.posts++
		p.mu.Unlock()
		fmt.Fprint(w, `{"emailId":"agent7@example.com"}`) // the documented answer: no id
		return
	}
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	p.mu.Lock()
	p.pages = append(p.pages, page)
	p.mu.Unlock()
	total := (p.n + 9) / 10
	var results []map[string]any
	for i := (page - 1) * 10; i < page*10 && i < p.n; i++ {
		results = append(results, map[string]any{"id": fmt.Sprintf("a-%d", i), "emailId": fmt.Sprintf("Agent%d@example.com", i)})
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"results": results, "hasMore": page < total, "totalPages": total, "totalResults": p.n})
}

func TestFindByEmailsWalksAsFewPagesAsItCan(t *testing.T) {
	cases := []struct {
		name      string
		emails    []string
		start     int
		wantPages []int
		wantFound int
	}{
		{"first page only", []string{"agent3@example.com"}, 0, []int{1}, 1},
		{"first, then the last", []string{"agent3@example.com", "AGENT44@example.com"}, 0, []int{1, 5}, 2},
		{"first, last, then backwards", []string{"agent25@example.com", "agent41@example.com"}, 0, []int{1, 5, 4, 3}, 2},
		{"from a hint, forward first", []string{"agent35@example.com", "agent41@example.com"}, 4, []int{4, 5}, 2},
		{"from a hint, forward, then backwards", []string{"agent12@example.com", "agent35@example.com"}, 4, []int{4, 5, 3, 2}, 2},
		{"missing: every page once", []string{"nobody@example.com"}, 3, []int{3, 4, 5, 2, 1}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := &pagedAgents{n: 45}
			c, _ := newTestClient(t, srv)
			found, size, err := c.Agents.FindByEmails(context.Background(), tc.emails, tc.start)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(srv.pages) != fmt.Sprint(tc.wantPages) {
				t.Errorf("pages read %v, want %v", srv.pages, tc.wantPages)
			}
			if len(found) != tc.wantFound || size != (ListSize{Pages: 5, Results: 45, PageSize: 10}) {
				t.Errorf("found %d (want %d), list size %+v (want 5 pages of 10, 45 agents)", len(found), tc.wantFound, size)
			}
			if p := size.PageOf(46); p != 5 {
				t.Errorf("the 46th agent is on page %d, want 5", p)
			}
			for _, e := range tc.emails[:tc.wantFound] {
				if a := found[strings.ToLower(e)]; a == nil || a.ID == "" {
					t.Errorf("%s not found with its id: %v", e, a)
				}
			}
		})
	}
}

func TestCreateWithUsesTheCallersFinder(t *testing.T) {
	srv := &pagedAgents{n: 12}
	c, _ := newTestClient(t, srv)
	var asked []string
	find := func(_ context.Context, email string) (*Agent, error) {
		asked = append(asked, email)
		return &Agent{ID: "a-found", EmailID: FlexString(email)}, nil
	}
	a, err := c.Agents.CreateWith(context.Background(), &AgentRequest{EmailID: String("agent7@example.com"), CustomID: String("EMP-7")}, find)
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != "a-found" || fmt.Sprint(asked) != "[agent7@example.com]" {
		t.Fatalf("agent %q, finder asked for %v", a.ID, asked)
	}
	if srv.posts != 1 || len(srv.pages) != 0 {
		t.Fatalf("%d POSTs and list pages %v; the caller's finder replaces the client's own lookups", srv.posts, srv.pages)
	}
}

// Under a server that serves 5 a page and echoes the limit asked (100),
// the lookup reads by each page's count: without totals it walks forward
// from page 2 to the agent's page; with totalResults it jumps from page 1
// to the real last page (6, not the 1 that totalPages by the echoed limit
// says).
func TestFindByEmailsUnderACappedEchoedLimit(t *testing.T) {
	for _, tc := range []struct {
		name      string
		reading   listReading
		email     string
		wantCalls int
		wantSize  ListSize
	}{
		{"hasMore alone, the last page", listReading{size: capAt(5), echoAsked: true, hasMoreOnly: true}, "agent27@example.com", 6,
			ListSize{PageSize: 5}},
		{"hasMore alone, missing: every page and no more", listReading{size: capAt(5), echoAsked: true, hasMoreOnly: true}, "nobody@example.com", 6,
			ListSize{PageSize: 5}},
		{"no figures, missing: one empty page more", listReading{size: capAt(5), noFigures: true}, "nobody@example.com", 7,
			ListSize{PageSize: 5}},
		{"with totalResults, the last page", listReading{size: capAt(5), echoAsked: true}, "agent27@example.com", 2,
			ListSize{Pages: 6, Results: 30, PageSize: 5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := &pagedServer{n: 30, reading: tc.reading}
			c, _ := newTestClient(t, srv)
			found, size, err := c.Agents.FindByEmails(t.Context(), []string{tc.email}, 0)
			if err != nil {
				t.Fatal(err)
			}
			wantFound := 0
			if tc.email != "nobody@example.com" {
				wantFound = 1
			}
			if len(found) != wantFound || srv.calls != tc.wantCalls || size != tc.wantSize {
				t.Fatalf("found %d, size %+v after %d calls; want %d, %+v after %d", len(found), size, srv.calls, wantFound, tc.wantSize, tc.wantCalls)
			}
		})
	}
}
