package client

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

func TestListAllStopConditions(t *testing.T) {
	cases := map[string]struct {
		pages     map[int]string // by the page asked for; missing pages answer an empty list
		bySkip    map[int]string // by the skip asked for, when the walk tries skip
		wantIDs   []string
		wantCalls int
		wantSkip  int // the last call asks for this skip (the walk tried skip), when not 0
	}{
		"hasMore false ends the walk": {
			pages:     map[int]string{1: `{"results":[{"id":"a","name":"a"},{"id":"b","name":"b"}],"hasMore":false,"totalPages":1}`, 2: `{"results":[{"id":"c","name":"c"}]}`},
			wantIDs:   []string{"a", "b"},
			wantCalls: 1,
		},
		"hasMore is followed": {
			pages:     map[int]string{1: `{"results":[{"id":"a","name":"a"}],"hasMore":true}`, 2: `{"results":[{"id":"b","name":"b"}],"hasMore":"true"}`, 3: `{"results":[{"id":"c","name":"c"}],"hasMore":false}`},
			wantIDs:   []string{"a", "b", "c"},
			wantCalls: 3,
		},
		"totalPages is followed when hasMore is missing": {
			pages:     map[int]string{1: `{"results":[{"id":"a","name":"a"}],"totalPages":"2"}`, 2: `{"results":[{"id":"b","name":"b"}],"totalPages":2}`},
			wantIDs:   []string{"a", "b"},
			wantCalls: 2,
		},
		"a server that ignores page is walked by skip": {
			pages:     map[int]string{1: `{"results":[{"id":"a","name":"a"},{"id":"b","name":"b"}],"hasMore":true}`, 2: `{"results":[{"id":"a","name":"a"},{"id":"b","name":"b"}],"hasMore":true}`, 3: `{"results":[{"id":"z","name":"z"}]}`},
			bySkip:    map[int]string{2: `{"results":[{"id":"c","name":"c"}],"hasMore":false}`},
			wantIDs:   []string{"a", "b", "c"},
			wantCalls: 3,
			wantSkip:  2,
		},
		"an overlapping page keeps what is new": {
			pages:     map[int]string{1: `{"results":[{"id":"a","name":"a"},{"id":"b","name":"b"}],"hasMore":true}`, 2: `{"results":[{"id":"b","name":"b"},{"id":"c","name":"c"}],"hasMore":false}`},
			wantIDs:   []string{"a", "b", "c"},
			wantCalls: 2,
		},
		"an empty page ends the walk": {
			pages:     map[int]string{1: `{"results":[{"id":"a","name":"a"}],"hasMore":true}`, 2: `{"results":[],"hasMore":true}`},
			wantIDs:   []string{"a"},
			wantCalls: 2,
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c, api := newFakeAPI(t, func(r apiCall) (int, string) {
				for page, body := range tc.pages {
					if r.Query == fmt.Sprintf("limit=100&page=%d", page) {
						return 0, body
					}
				}
				for skip, body := range tc.bySkip {
					if r.Query == fmt.Sprintf("limit=100&skip=%d", skip) {
						return 0, body
					}
				}
				return 0, `{"results":[]}`
			})
			all, err := c.SkillGroups.ListAll(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, g := range all {
				ids = append(ids, string(g.ID))
			}
			if fmt.Sprint(ids) != fmt.Sprint(tc.wantIDs) || len(api.Calls()) != tc.wantCalls {
				t.Fatalf("ids %v after %d calls, want %v after %d", ids, len(api.Calls()), tc.wantIDs, tc.wantCalls)
			}
			for i, got := range api.Calls() {
				want := fmt.Sprintf("limit=100&page=%d", i+1)
				if tc.wantSkip != 0 && i == len(api.Calls())-1 {
					want = fmt.Sprintf("limit=100&skip=%d", tc.wantSkip)
				}
				if got.Method != "GET" || got.Path != "/skill-groups" || got.Query != want {
					t.Errorf("call %d: %s", i, got)
				}
			}
		})
	}
}

func TestListAllReturnsAPageError(t *testing.T) {
	c, _ := newFakeAPI(t, func(r apiCall) (int, string) {
		if r.Query == "limit=100&page=2" {
			return 400, `{"errors":[{"msg":"limit must be at most 50","code":400}]}`
		}
		return 0, `{"results":[{"id":"a","name":"a"}],"hasMore":true}`
	})
	if _, err := c.SkillGroups.ListAll(context.Background()); err == nil {
		t.Fatal("want the second page's error")
	}
}

// An id that would name the parent collection is refused before any
// request is made.
func TestRoutingServicesRefuseEmptyIDs(t *testing.T) {
	c, api := newFakeAPI(t, answer(`{}`))
	ctx := context.Background()
	for _, bad := range []string{"", ".", ".."} {
		calls := map[string]func() error{
			"SkillGroups.Get":    func() error { _, err := c.SkillGroups.Get(ctx, bad); return err },
			"SkillGroups.Update": func() error { _, err := c.SkillGroups.Update(ctx, bad, SkillGroupRequest{Name: "x"}); return err },
			"SkillGroups.Delete": func() error { return c.SkillGroups.Delete(ctx, bad) },
			"Skills.Create":      func() error { _, err := c.Skills.Create(ctx, bad, SkillRequest{Name: "x"}); return err },
			"Skills.Get group":   func() error { _, err := c.Skills.Get(ctx, bad, "sk-1"); return err },
			"Skills.Get":         func() error { _, err := c.Skills.Get(ctx, "sg-1", bad); return err },
			"Skills.List":        func() error { _, err := c.Skills.List(ctx, bad, ListOptions{}); return err },
			"Skills.ListAll":     func() error { _, err := c.Skills.ListAll(ctx, bad); return err },
			"Skills.FindByName":  func() error { _, err := c.Skills.FindByName(ctx, bad, "x"); return err },
			"Skills.Update": func() error {
				_, err := c.Skills.Update(ctx, &Skill{ID: FlexString(bad), SkillGroupID: "sg-1"}, SkillRequest{Name: "x"})
				return err
			},
			"Skills.Update group": func() error {
				_, err := c.Skills.Update(ctx, &Skill{ID: "sk-1", SkillGroupID: FlexString(bad)}, SkillRequest{Name: "x"})
				return err
			},
			"Skills.Delete":      func() error { return c.Skills.Delete(ctx, "sg-1", bad) },
			"AgentGroups.Get":    func() error { _, err := c.AgentGroups.Get(ctx, bad); return err },
			"AgentGroups.Update": func() error { _, err := c.AgentGroups.Update(ctx, bad, AgentGroupUpdateRequest{}); return err },
			"AgentGroups.Delete": func() error { return c.AgentGroups.Delete(ctx, bad) },
			"Queues.Get":         func() error { _, err := c.Queues.Get(ctx, bad); return err },
			"Queues.Update": func() error {
				_, err := c.Queues.Update(ctx, &Queue{ID: FlexString(bad)}, QueueRequest{Name: "x"})
				return err
			},
			"Queues.Delete": func() error { return c.Queues.Delete(ctx, bad) },
		}
		for name, f := range calls {
			if err := f(); err == nil || !strings.Contains(err.Error(), "is not a valid") {
				t.Errorf("%s(%q): err = %v", name, bad, err)
			}
		}
	}
	if n := len(api.Calls()); n != 0 {
		t.Fatalf("%d requests were made: %v", n, api.Calls())
	}
}

// intOf reads an optional page field, -1 when absent.
func intOf(p *FlexInt) int64 {
	if p == nil {
		return -1
	}
	return int64(*p)
}
