package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
	"github.com/koreai/terraform-provider-smartassist/internal/coalesce"
)

// fakeAgents serves get-a-specific-agent and list-all-agents (pages of ten)
// over total agents, counting the calls.
type fakeAgents struct {
	total int
	// size is the largest page the list grants when asked for a larger
	// one; 0 means it ignores limit and answers ten a page.
	size int
	// queueEntry is the queues list entry of each agent in the list.
	queueEntry func(i int) map[string]any

	gets, lists atomic.Int64
}

func (f *fakeAgents) agent(i int) map[string]any {
	return map[string]any{"id": fmt.Sprintf("a-%d", i), "userId": fmt.Sprintf("u-%d", i), "emailId": fmt.Sprintf("agent%d@example.com", i)}
}

func (f *fakeAgents) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	switch {
	case strings.HasSuffix(path, "/agents"):
		f.lists.Add(1)
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		size := 10
		if asked, _ := strconv.Atoi(r.URL.Query().Get("limit")); f.size > 0 && asked > 0 {
			size = min(asked, f.size)
		}
		pages := (f.total + size - 1) / size
		results := []any{}
		for i := (page - 1) * size; i < page*size && i < f.total; i++ {
			a := f.agent(i)
			if f.queueEntry != nil {
				a["queues"] = []any{f.queueEntry(i)}
			}
			results = append(results, a)
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"results": results, "skip": (page - 1) * size, "limit": size,
			"hasMore": page < pages, "totalPages": pages, "totalResults": f.total})
	default:
		f.gets.Add(1)
		i, _ := strconv.Atoi(path[strings.LastIndex(path, "-")+1:])
		a := f.agent(i)
		a["queues"] = []any{map[string]any{"id": "qu-1", "isPreferredAgent": true}}
		_ = json.NewEncoder(w).Encode(a)
	}
}

func newFakeStore(t *testing.T, f *fakeAgents) *agentStore {
	t.Helper()
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	c, err := client.New(client.Config{
		Host: srv.URL, StreamID: "st-1", AccountID: "acct-1", ClientID: "cs-1", ClientSecret: "secret",
		RequestsPerMinute: 1e9, MaxRetries: 1, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	return newAgentStore(c, coalesce.RealClock{})
}

// readAll reads agents 0..n-1 ten at a time, as Terraform's refresh does.
func readAll(t *testing.T, s *agentStore, n int) []*client.Agent {
	t.Helper()
	out := make([]*client.Agent, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 10)
	for i := 0; i < n; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			a, err := s.read(context.Background(), fmt.Sprintf("a-%d", i), false)
			if err != nil {
				t.Errorf("read a-%d: %v", i, err)
				return
			}
			out[i] = a
		}(i)
	}
	wg.Wait()
	return out
}

func TestAgentStoreChoosesTheCheaperRead(t *testing.T) {
	cases := []struct {
		name       string
		total, n   int
		size       int
		maxCalls   int64
		wantListed bool
	}{
		// One or two agents: a GET each, no list.
		{"one agent of a large account", 500, 1, 0, 1, false},
		{"two agents of a large account", 500, 2, 0, 2, false},
		// The target: at most N/5 + 2 calls from N = 50 on.
		{"50 of 52", 52, 50, 0, 50/5 + 2, true},
		{"500 of 502", 502, 500, 0, 500/5 + 2, true},
		// A list that honours limit=100: two GETs, the first page, and
		// the four others.
		{"500 of 502, the list honours limit", 502, 500, 100, 8, true},
		// One that caps it at 25: about a quarter of the calls at ten.
		{"500 of 502, the list caps limit at 25", 502, 500, 25, 500/25 + 6, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeAgents{total: tc.total, size: tc.size}
			s := newFakeStore(t, f)
			agents := readAll(t, s, tc.n)
			for i, a := range agents {
				if a == nil || string(a.ID) != fmt.Sprintf("a-%d", i) {
					t.Fatalf("read %d returned %v", i, a)
				}
			}
			calls := f.gets.Load() + f.lists.Load()
			t.Logf("%d agents of %d: %d GETs + %d list pages", tc.n, tc.total, f.gets.Load(), f.lists.Load())
			if calls > tc.maxCalls {
				t.Errorf("%d calls (%d GETs, %d list pages) for %d agents, want at most %d", calls, f.gets.Load(), f.lists.Load(), tc.n, tc.maxCalls)
			}
			if listed := f.lists.Load() > 0; listed != tc.wantListed {
				t.Errorf("list used: %v, want %v", listed, tc.wantListed)
			}
		})
	}
}

func TestAgentStoreReadsWhatTheListCannotTell(t *testing.T) {
	// Queue entries that do not name the agent cannot tell its preference:
	// every agent is read with its GET, and the answers are the GET's.
	f := &fakeAgents{total: 30, queueEntry: func(int) map[string]any {
		return map[string]any{"id": "qu-1", "name": "Support", "agents": []any{}}
	}}
	s := newFakeStore(t, f)
	for _, a := range readAll(t, s, 30) {
		if a == nil || len(a.Queues) != 1 || a.Queues[0].IsPreferredAgent == nil || !bool(*a.Queues[0].IsPreferredAgent) {
			t.Fatalf("agent %v: want the get answer, with the preference", a)
		}
	}
	if g := f.gets.Load(); g != 30 {
		t.Errorf("%d GETs, want 30", g)
	}

	// An entry that names the agent tells it: the list serves the read.
	f = &fakeAgents{total: 30, queueEntry: func(i int) map[string]any {
		return map[string]any{"id": "qu-1", "agents": []any{map[string]any{"userId": fmt.Sprintf("u-%d", i), "isPreferredAgent": true}}}
	}}
	s = newFakeStore(t, f)
	readAll(t, s, 30)
	if g := f.gets.Load(); g > 10 {
		t.Errorf("%d GETs; the list should serve most reads", g)
	}

	// A custom id is not in the list: needGet always GETs.
	f = &fakeAgents{total: 30}
	s = newFakeStore(t, f)
	for i := 0; i < 5; i++ {
		if _, err := s.read(context.Background(), fmt.Sprintf("a-%d", i), true); err != nil {
			t.Fatal(err)
		}
	}
	if f.gets.Load() != 5 || f.lists.Load() != 0 {
		t.Errorf("%d GETs and %d list pages, want 5 and 0", f.gets.Load(), f.lists.Load())
	}
}

func TestAgentStoreForgetsAChangedAgent(t *testing.T) {
	f := &fakeAgents{total: 5}
	s := newFakeStore(t, f)
	readAll(t, s, 5) // two GETs, then the one page is the whole list
	before := f.gets.Load()
	s.forget("a-4")
	if _, err := s.read(context.Background(), "a-4", false); err != nil {
		t.Fatal(err)
	}
	if f.gets.Load() != before+1 {
		t.Errorf("a forgotten agent must be read again with a GET")
	}
	if _, err := s.read(context.Background(), "a-3", false); err != nil {
		t.Fatal(err)
	}
	if f.gets.Load() != before+1 {
		t.Errorf("an agent still in the list must come from it")
	}
}

// Issue 25, item 6: the store looks entries up under its lock. Reads served
// by the list's first page run beside forget, which deletes from the same
// map; under -race, a lookup made after the lock was let go is reported.
func TestAgentStoreReadsBesideForget(t *testing.T) {
	f := &fakeAgents{total: 30, queueEntry: func(i int) map[string]any {
		return map[string]any{"id": "qu-1", "agents": []any{map[string]any{"userId": fmt.Sprintf("u-%d", i), "isPreferredAgent": true}}}
	}}
	s := newFakeStore(t, f)
	ctx := t.Context()
	for range agentReadsBeforeList + 1 { // the GETs, then the first page
		if _, err := s.read(ctx, "a-0", false); err != nil {
			t.Fatal(err)
		}
	}
	gets, lists := f.gets.Load(), f.lists.Load()
	var wg sync.WaitGroup
	wg.Add(2)
	errs := make(chan error, 1)
	go func() {
		defer wg.Done()
		for i := range 500 {
			id := fmt.Sprintf("a-%d", i%5)
			a, err := s.read(ctx, id, false)
			if err == nil && (a == nil || string(a.ID) != id) {
				err = fmt.Errorf("read %s returned %v", id, a)
			}
			if err != nil {
				errs <- err
				return
			}
		}
	}()
	go func() {
		defer wg.Done()
		for i := range 500 {
			s.forget(fmt.Sprintf("a-%d", 5+i%5))
		}
	}()
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		t.Fatal(err)
	}
	// The first page served every read: no call since.
	if g, l := f.gets.Load()-gets, f.lists.Load()-lists; g != 0 || l != 0 || lists != 1 {
		t.Errorf("%d GETs and %d list pages beside forget (first page read %d times), want none and once", g, l, lists)
	}
}
