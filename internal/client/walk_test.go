package client

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// Every service's Walk stops reading pages once visit says stop: a list
// resource asked for a few objects pays only for the pages that hold them.
// The fake API answers every list with three full pages of two entries.
func TestWalkStopsReadingPagesWhenVisitSaysStop(t *testing.T) {
	pageOf := func(r apiCall) int {
		for _, kv := range strings.Split(r.Query, "&") {
			var n int
			if _, err := fmt.Sscanf(kv, "page=%d", &n); err == nil {
				return n
			}
			if _, err := fmt.Sscanf(kv, "skip=%d", &n); err == nil {
				return n/2 + 1
			}
		}
		return 1
	}
	reply := func(r apiCall) (int, string) {
		p := pageOf(r)
		if p > 3 {
			return 0, `{"results":[],"limit":2,"totalResults":6}`
		}
		var entries []string
		for i := 0; i < 2; i++ {
			id := fmt.Sprintf("e%d", (p-1)*2+i+1)
			entries = append(entries, fmt.Sprintf(`{"id":%q,"name":"n-%s","emailId":"%s@example.com","userId":"u-%s",`+
				`"cellPhone":{"phoneNumber":"+1555000%s","countryCode":"+1"}}`, id, id, id, id, id[1:]))
		}
		return 0, fmt.Sprintf(`{"results":[%s],"page":%d,"skip":%d,"limit":2,"totalResults":6,"totalPages":3,"hasMore":%t}`,
			strings.Join(entries, ","), p, (p-1)*2, p < 3)
	}
	walks := map[string]func(c *Client, visit func(id string) bool) error{
		"queues": func(c *Client, visit func(string) bool) error {
			return c.Queues.Walk(t.Context(), func(q *Queue) bool { return visit(string(q.ID)) })
		},
		"skill groups": func(c *Client, visit func(string) bool) error {
			return c.SkillGroups.Walk(t.Context(), func(g *SkillGroup) bool { return visit(string(g.ID)) })
		},
		"skills": func(c *Client, visit func(string) bool) error {
			return c.Skills.Walk(t.Context(), "sg-1", func(s *Skill) bool { return visit(string(s.ID)) })
		},
		"agent groups": func(c *Client, visit func(string) bool) error {
			return c.AgentGroups.Walk(t.Context(), func(g *AgentGroup) bool { return visit(string(g.ID)) })
		},
		"contacts": func(c *Client, visit func(string) bool) error {
			return c.Contacts.Walk(t.Context(), func(ct *Contact) bool { return visit(ct.ID()) })
		},
		"agents": func(c *Client, visit func(string) bool) error {
			return c.Agents.Walk(t.Context(), true, func(a *Agent) bool { return visit(string(a.ID)) })
		},
	}
	for name, walk := range walks {
		for _, tc := range []struct {
			stopAfter int // 0: never stop
			wantIDs   string
			wantCalls int
		}{
			{stopAfter: 1, wantIDs: "[e1]", wantCalls: 1},
			{stopAfter: 3, wantIDs: "[e1 e2 e3]", wantCalls: 2},
			{stopAfter: 0, wantIDs: "[e1 e2 e3 e4 e5 e6]", wantCalls: 3},
		} {
			t.Run(fmt.Sprintf("%s stop after %d", name, tc.stopAfter), func(t *testing.T) {
				c, api := newFakeAPI(t, reply)
				var ids []string
				err := walk(c, func(id string) bool {
					ids = append(ids, id)
					return tc.stopAfter == 0 || len(ids) < tc.stopAfter
				})
				if err != nil {
					t.Fatal(err)
				}
				if fmt.Sprint(ids) != tc.wantIDs || len(api.Calls()) != tc.wantCalls {
					t.Fatalf("visited %v after %d calls (%v), want %s after %d", ids, len(api.Calls()), api.Calls(), tc.wantIDs, tc.wantCalls)
				}
			})
		}
	}
}

// A page's error ends the walk with it, after what earlier pages handed
// over.
func TestWalkReturnsAPageError(t *testing.T) {
	c, _ := newFakeAPI(t, func(r apiCall) (int, string) {
		if strings.Contains(r.Query, "page=2") {
			return 500, `{"errors":[{"msg":"boom","code":500}]}`
		}
		return 0, `{"results":[{"id":"a","name":"a"}],"page":1,"limit":1,"totalResults":2,"totalPages":2,"hasMore":true}`
	})
	var ids []string
	err := c.Queues.Walk(context.WithoutCancel(t.Context()), func(q *Queue) bool { ids = append(ids, string(q.ID)); return true })
	if err == nil || !strings.Contains(err.Error(), "boom") || fmt.Sprint(ids) != "[a]" {
		t.Fatalf("ids %v, err %v; want [a] and the page's error", ids, err)
	}
}
