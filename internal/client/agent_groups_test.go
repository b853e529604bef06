package client

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestAgentGroupDecodesTheSamples(t *testing.T) {
	// get-all-agent-groups, with numbers and booleans as strings.
	var l AgentGroupList
	err := json.Unmarshal([]byte(`{"results":[{"isDefault":"false","isUnassigned":false,"status":"ACTIVE","name":"Tier 1","description":"First line",
	  "iId":"st-1","createdBy":"u-9","orgId":"o-1","lname":"tier 1","createdByAId":"a-9","createdAt":"2024-03-01T10:00:00.000Z",
	  "updatedAt":"2024-03-01T10:00:00.000Z","id":"ag-1","totalAgents":"3","managers":[{"userId":"u-5","accessLevel":"full"}]}],
	  "skip":0,"limit":10,"hasMore":false,"totalPages":1,"totalResults":1}`), &l)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Results) != 1 || intOf(l.Limit) != 10 || intOf(l.Skip) != 0 || l.Total() != 1 {
		t.Fatalf("list %+v", l)
	}
	g := l.Results[0]
	if g.ID != "ag-1" || g.Name != "Tier 1" || g.Status != "ACTIVE" || g.IsDefault == nil || bool(*g.IsDefault) || g.TotalAgents != "3" ||
		g.CreatedAt != "2024-03-01T10:00:00.000Z" || len(g.Managers) != 1 || g.Managers[0].UserID != "u-5" || g.Managers[0].AccessLevel != "full" {
		t.Fatalf("group %+v", g)
	}
	if string(g.Raw["lname"]) != `"tier 1"` {
		t.Fatalf("raw document not kept: %v", g.Raw)
	}

	// get-an-agent-group: managers without userId.
	var one AgentGroup
	_ = json.Unmarshal([]byte(`{"id":"ag-1","name":"Tier 1","description":"First line",
	  "managers":[{"firstName":"Ann","lastName":"Lee","emailId":"ann@example.com","accessLevel":"view","skills":[]}]}`), &one)
	if want := (AgentGroupManager{EmailID: "ann@example.com", FirstName: "Ann", LastName: "Lee", AccessLevel: "view"}); len(one.Managers) != 1 || one.Managers[0] != want || one.IsDefault != nil {
		t.Fatalf("group %+v", one)
	}
}

func TestAgentGroupRequests(t *testing.T) {
	ctx := context.Background()
	c, api := newFakeAPI(t, func(r apiCall) (int, string) {
		if r.Method == "PUT" {
			return 0, `{"name":"Tier 2","description":"Second line","managers":[{"userId":"u-5","accessLevel":"view"}]}`
		}
		return 0, `{"id":"ag-1","name":"Tier 1","description":"First line"}`
	})
	g, err := c.AgentGroups.Create(ctx, AgentGroupRequest{Name: "Tier 1", Description: "First line"})
	if err != nil || g.ID != "ag-1" {
		t.Fatalf("create: %+v, %v", g, err)
	}
	if _, err := c.AgentGroups.Get(ctx, "ag-1"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AgentGroups.List(ctx, ListOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AgentGroups.List(ctx, ListOptions{Skip: 100, Limit: 50}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AgentGroups.Update(ctx, "ag-1", AgentGroupUpdateRequest{Name: "Tier 1", Description: ""}); err != nil {
		t.Fatal(err)
	}
	g, err = c.AgentGroups.Update(ctx, "ag-1", AgentGroupUpdateRequest{Name: "Tier 2", Description: "Second line",
		Managers: []AgentGroupManagerRequest{{UserID: "u-5", AccessLevel: AccessLevelView}}})
	if err != nil {
		t.Fatal(err)
	}
	if g.ID != "ag-1" || g.Name != "Tier 2" || len(g.Managers) != 1 || g.Managers[0].UserID != "u-5" || g.Managers[0].AccessLevel != "view" {
		t.Fatalf("update answered %+v", g)
	}
	if err := c.AgentGroups.Delete(ctx, "ag-1"); err != nil {
		t.Fatal(err)
	}
	api.expectCalls(t,
		call(t, "POST", "/agent-groups", `{"name":"Tier 1","description":"First line"}`),
		call(t, "GET", "/agent-groups/ag-1", ""),
		call(t, "GET", "/agent-groups", ""),
		call(t, "GET", "/agent-groups?limit=50&skip=100", ""),
		call(t, "PUT", "/agent-groups/ag-1", `{"name":"Tier 1","description":"","managers":[]}`),
		call(t, "PUT", "/agent-groups/ag-1", `{"name":"Tier 2","description":"Second line","managers":[{"userId":"u-5","accessLevel":"view"}]}`),
		call(t, "DELETE", "/agent-groups/ag-1", ""),
	)
}

// The create-an-agent-group sample answer has no id: the group is found by
// name with one list call.
func TestAgentGroupCreateWithoutIDFindsItByName(t *testing.T) {
	c, api := newFakeAPI(t, func(r apiCall) (int, string) {
		if r.Method == "POST" {
			return 0, `{"name":"Tier 1","description":"First line"}`
		}
		return 0, `{"results":[{"id":"ag-0","name":"Tier 10"},{"id":"ag-7","name":"Tier 1","description":"First line"}],"skip":0,"limit":100,"hasMore":false}`
	})
	g, err := c.AgentGroups.Create(context.Background(), AgentGroupRequest{Name: "Tier 1", Description: "First line"})
	if err != nil {
		t.Fatal(err)
	}
	if g.ID != "ag-7" {
		t.Fatalf("found %q", g.ID)
	}
	api.expectCalls(t,
		call(t, "POST", "/agent-groups", `{"name":"Tier 1","description":"First line"}`),
		call(t, "GET", "/agent-groups?limit=100&skip=0", ""),
	)
}

// clockFrom is a client clock stopped at at: a create begins then
// whatever the machine's load (a clock running on at the real pace made
// the createdAt comparisons flaky under the race detector). The rate
// limiter still spaces requests: it sleeps for real, once per slot.
func clockFrom(at string) func(*Config) {
	base, err := time.Parse(time.RFC3339, at)
	if err != nil {
		panic(err)
	}
	return func(cfg *Config) { cfg.Now = func() time.Time { return base } }
}

// Several groups with the name after a create whose answer has no id: the
// new one is the only one created after the create began (the client's
// clock reads 2024-03-03 then); otherwise none is taken, and the error
// lists every id.
func TestAgentGroupCreateWithSeveralGroupsOfTheName(t *testing.T) {
	list := func(results string) func(apiCall) (int, string) {
		return func(r apiCall) (int, string) {
			if r.Method == "POST" {
				return 0, `{"name":"Tier 1","description":"x"}`
			}
			return 0, `{"results":` + results + `,"hasMore":false}`
		}
	}
	began := clockFrom("2024-03-03T00:00:00Z")

	c, _ := newFakeAPI(t, list(`[{"id":"ag-1","name":"Tier 1","createdAt":"2024-03-01T10:00:00.000Z"},
	  {"id":"ag-2","name":"Tier 1","createdAt":"2024-03-03T00:00:01Z"},{"id":"ag-3","name":"Tier 1","createdAt":"2024-03-02T10:00:00.000+05:30"}]`), began)
	g, err := c.AgentGroups.Create(context.Background(), AgentGroupRequest{Name: "Tier 1", Description: "x"})
	if err != nil || g.ID != "ag-2" {
		t.Fatalf("found %v, %v; want ag-2, the one created after the create began", g, err)
	}
	c, _ = newFakeAPI(t, list(`[{"id":"ag-1","name":"Tier 1","createdAt":"2024-03-01T10:00:00.000Z"},{"id":"ag-2","name":"Tier 1","createdAt":1710000000000}]`), began)
	g, err = c.AgentGroups.Create(context.Background(), AgentGroupRequest{Name: "Tier 1", Description: "x"})
	if err != nil || g.ID != "ag-2" {
		t.Fatalf("found %v, %v; want ag-2, created after the create began in epoch milliseconds", g, err)
	}

	const prefix = `the agent group Tier 1 was created, but its id could not be read back; ` +
		`2 agent groups with the name Tier 1 exist now, with the ids ag-1, ag-2; `
	for name, tc := range map[string]struct{ results, reason string }{
		"a createdAt is missing": {`[{"id":"ag-1","name":"Tier 1","createdAt":"2024-03-01T10:00:00Z"},{"id":"ag-2","name":"Tier 1"}]`,
			"the list does not say when each was created"},
		"a createdAt is no time": {`[{"id":"ag-1","name":"Tier 1","createdAt":"yesterday"},{"id":"ag-2","name":"Tier 1","createdAt":"2024-03-05T10:00:00Z"}]`,
			"the list does not say when each was created"},
		"both after the create began": {`[{"id":"ag-1","name":"Tier 1","createdAt":"2024-03-04T10:00:00Z"},{"id":"ag-2","name":"Tier 1","createdAt":"2024-03-05T10:00:00.000Z"}]`,
			"ag-1, ag-2 were all created after the create began"},
		"tied after it, one in milliseconds": {`[{"id":"ag-1","name":"Tier 1","createdAt":1709805600000},{"id":"ag-2","name":"Tier 1","createdAt":"2024-03-07T10:00:00Z"}]`,
			"ag-1, ag-2 were all created after the create began"},
		"both before it": {`[{"id":"ag-1","name":"Tier 1","createdAt":"2024-03-01T10:00:00Z"},{"id":"ag-2","name":"Tier 1","createdAt":"2024-03-02T23:59:59.999Z"}]`,
			"each was created before the create began (by createdAt), so none is the one the API said it created"},
	} {
		c, _ := newFakeAPI(t, list(tc.results), began)
		_, err := c.AgentGroups.Create(context.Background(), AgentGroupRequest{Name: "Tier 1", Description: "x"})
		var u *UnconfirmedCreateError
		if !errors.As(err, &u) || !u.Created || strings.Join(u.FoundIDs, " ") != "ag-1 ag-2" {
			t.Fatalf("%s: err = %v, want an *UnconfirmedCreateError listing ag-1 and ag-2", name, err)
		}
		if want := prefix + tc.reason; !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: err =\n%s\nwant it to begin\n%s", name, err, want)
		}
	}
}

// hangUp reads the request and closes the connection without answering:
// the create arrived, its answer is lost.
func hangUp(w http.ResponseWriter) {
	if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
		conn.Close()
	}
}

func TestAgentGroupCreateWhoseAnswerIsLost(t *testing.T) {
	for name, tc := range map[string]struct {
		list      string
		listFails bool
		wantID    string
		wantErr   string
	}{
		"the group was made since": {list: `{"results":[{"id":"ag-7","name":"Tier 1","createdAt":"2999-01-01T00:00:00.000Z"}],"hasMore":false}`, wantID: "ag-7"},
		"an older group has the name": {list: `{"results":[{"id":"ag-7","name":"Tier 1","createdAt":"2020-01-01T00:00:00.000Z"}],"hasMore":false}`,
			wantErr: `; one agent group with the name Tier 1 exists now, with the id ag-7; each was created before the create began (by createdAt), so none is from this create`},
		"a group of unknown age has the name": {list: `{"results":[{"id":"ag-7","name":"Tier 1"}],"hasMore":false}`,
			wantErr: `; one agent group with the name Tier 1 exists now, with the id ag-7; the list does not say when it was created`},
		"it does not": {list: `{"results":[{"id":"ag-8","name":"Tier 2"}],"hasMore":false}`,
			wantErr: `(no agent group with the name Tier 1 exists afterwards, so none was created)`},
		"the lookup fails": {listFails: true,
			wantErr: `creating the agent group Tier 1 failed in a way that may still have created it: POST /agent-groups: `},
	} {
		t.Run(name, func(t *testing.T) {
			var posts atomic.Int32
			c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Method == http.MethodPost {
					posts.Add(1)
					hangUp(w)
					return
				}
				if tc.listFails {
					w.WriteHeader(http.StatusBadRequest)
				}
				w.Write([]byte(tc.list))
			}))
			g, err := c.AgentGroups.Create(context.Background(), AgentGroupRequest{Name: "Tier 1", Description: "x"})
			if posts.Load() != 1 {
				t.Fatalf("POST sent %d times, want 1", posts.Load())
			}
			if tc.wantID != "" {
				if err != nil || g.ID != FlexString(tc.wantID) {
					t.Fatalf("got %v, %v", g, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("err = %v\nwant it to contain %s", err, tc.wantErr)
			}
			var u *UnconfirmedCreateError
			if wantU := !strings.Contains(tc.wantErr, "none was created"); errors.As(err, &u) != wantU {
				t.Fatalf("UnconfirmedCreateError: %v, want %v", errors.As(err, &u), wantU)
			}
		})
	}
}

// A 5xx may have created the group (a POST is not retried on one): look,
// and take the one made since the create began. A 4xx refused it: look
// too, for an existing group the refusal may be about, but only to say so.
func TestAgentGroupCreateFailures(t *testing.T) {
	for status, wantCalls := range map[int]int{http.StatusInternalServerError: 2, http.StatusBadRequest: 2} {
		c, api := newFakeAPI(t, func(r apiCall) (int, string) {
			if r.Method == "POST" {
				return status, `{"errors":[{"msg":"failed","code":1}]}`
			}
			return 0, `{"results":[{"id":"ag-7","name":"Tier 1","createdAt":"2999-01-01T00:00:00.000Z"}],"hasMore":false}`
		})
		g, err := c.AgentGroups.Create(context.Background(), AgentGroupRequest{Name: "Tier 1", Description: "x"})
		if len(api.Calls()) != wantCalls {
			t.Errorf("status %d: %d calls, want %d", status, len(api.Calls()), wantCalls)
		}
		if status >= 500 && (err != nil || g.ID != "ag-7") {
			t.Errorf("status %d: %v, %v; want the group found", status, g, err)
		}
		var exists *ExistsError
		if status < 500 && (!errors.As(err, &exists) || exists.ID != "ag-7") {
			t.Errorf("status %d: %v; want an *ExistsError naming ag-7", status, err)
		}
		if status < 500 && err == nil {
			t.Errorf("status %d: want the error", status)
		}
	}
}

// An interrupt during the create does not stop the lookup.
func TestAgentGroupCreateStillFindsTheGroupWhenInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c, api := newFakeAPI(t, func(r apiCall) (int, string) {
		if r.Method == "POST" {
			cancel()
			return 0, `{"name":"Tier 1","description":"x"}`
		}
		return 0, `{"results":[{"id":"ag-7","name":"Tier 1","createdAt":"2999-01-01T00:00:00.000Z"}],"hasMore":false}`
	})
	g, err := c.AgentGroups.Create(ctx, AgentGroupRequest{Name: "Tier 1", Description: "x"})
	if err != nil || g.ID != "ag-7" || len(api.Calls()) != 2 {
		t.Fatalf("%v, %v after %d calls", g, err, len(api.Calls()))
	}
}
