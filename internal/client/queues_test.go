package client

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// A queue in the documented response shape, with the odd types the
// samples allow for: numbers as strings, agentGroups given as ids.
const queueSample = `{"isActive":"true","isDefault":false,"name":"Billing","isAdvancedRoutingEnabled":true,"description":"Billing calls",
  "orgId":"o-1","createdBy":"u-9","id":"qu-1","hoursOfOperation":{"id":"h-1","name":"Default hours"},
  "agents":[{"userId":"u-1","aId":"a-1","name":"Ann Lee","isPreferredAgent":true,"skills":[]},{"userId":"u-2","name":"Bo","isPreferredAgent":"false"}],
  "skills":[{"id":"sk-1","name":"Refunds","isExpireEnabled":true,"expireTime":{"min":"2","sec":30},"skillGroupName":"Money","skillGroupColor":"#0f0f0f"},
            {"id":"sk-2","name":"Returns","isExpireEnabled":false}],
  "agentGroups":["ag-1",{"id":"ag-2","name":"Tier 2"}],"sourceAgentGroups":[],
  "advancedSettings":{"preferredAgentTimeout":{"min":1,"sec":"15"},"isSkillMatchEnabled":true,"isAffinityMatchEnabled":"false"},
  "maxTimeout":{"min":10,"sec":0}}`

func TestQueueDecodesTheSample(t *testing.T) {
	var q Queue
	if err := json.Unmarshal([]byte(queueSample), &q); err != nil {
		t.Fatal(err)
	}
	if q.ID != "qu-1" || q.Name != "Billing" || q.OrgID != "o-1" || q.IsActive == nil || !bool(*q.IsActive) ||
		q.IsDefault == nil || bool(*q.IsDefault) || q.IsAdvancedRoutingEnabled == nil || !bool(*q.IsAdvancedRoutingEnabled) {
		t.Fatalf("queue %+v", q)
	}
	if h := q.HoursOfOperation; !h.Set || h.Value != (QueueHours{ID: "h-1", Name: "Default hours"}) {
		t.Fatalf("hours %+v", h)
	}
	if len(q.Skills) != 2 || q.Skills[0].ExpireTime.Value.Duration() != 150*time.Second || !bool(*q.Skills[0].IsExpireEnabled) || q.Skills[1].ExpireTime.Set {
		t.Fatalf("skills %+v", q.Skills)
	}
	if len(q.AgentGroups) != 2 || q.AgentGroups[0] != (QueueAgentGroup{ID: "ag-1"}) || q.AgentGroups[1] != (QueueAgentGroup{ID: "ag-2", Name: "Tier 2"}) {
		t.Fatalf("agent groups %+v: want the string id and the entry read", q.AgentGroups)
	}
	if len(q.Agents) != 2 || q.Agents[0].AID != "a-1" || !bool(*q.Agents[0].IsPreferredAgent) || q.Agents[1].Name != "Bo" || bool(*q.Agents[1].IsPreferredAgent) {
		t.Fatalf("agents %+v", q.Agents)
	}
	adv := q.AdvancedSettings.Value
	if adv.PreferredAgentTimeout.Value.Duration() != 75*time.Second || !bool(*adv.IsSkillMatchEnabled) || bool(*adv.IsAffinityMatchEnabled) {
		t.Fatalf("advanced settings %+v", adv)
	}
	if string(q.Raw["maxTimeout"]) != `{"min":10,"sec":0}` {
		t.Fatalf("raw document not kept: %s", q.Raw["maxTimeout"])
	}
	if err := json.Unmarshal([]byte(`"qu-1"`), &q); err == nil {
		t.Fatal("a queue that is not an object must fail")
	}
}

func TestMinSec(t *testing.T) {
	if d := (MinSec{Min: 2, Sec: 30}).Duration(); d != 2*time.Minute+30*time.Second {
		t.Errorf("{2, 30} is %s", d)
	}
	if d := (MinSec{Sec: 150}).Duration(); d != 150*time.Second {
		t.Errorf("{0, 150} is %s", d)
	}
	for d, want := range map[time.Duration]MinSec{
		2*time.Minute + 30*time.Second:         {Min: 2, Sec: 30},
		2*time.Minute + 30900*time.Millisecond: {Min: 2, Sec: 30},
		45 * time.Second:                       {Sec: 45},
		time.Hour:                              {Min: 60},
		0:                                      {},
	} {
		if got := minSecOf(d); got != want {
			t.Errorf("%s is %+v, want %+v", d, got, want)
		}
	}
	var m MinSec
	_ = json.Unmarshal([]byte(`{"min":"2","sec":"30"}`), &m)
	if m.Duration() != 150*time.Second {
		t.Errorf("strings decoded as %+v", m)
	}
}

func TestQueueRequests(t *testing.T) {
	ctx := context.Background()
	c, api := newFakeAPI(t, answer(`{"id":"qu-1","name":"Billing"}`))
	timeout := 2*time.Minute + 30*time.Second
	q, err := c.Queues.Create(ctx, QueueRequest{
		Name: "Billing", Description: String("Billing calls"), HoursOfOperationID: "h-1", IsAdvancedRoutingEnabled: Bool(true),
		Skills:        []QueueSkillRequest{{ID: "sk-1", IsExpireEnabled: true}, {ID: "sk-2"}},
		AgentGroupIDs: []string{"ag-1", "ag-2"}, PreferredAgentTimeout: &timeout,
	})
	if err != nil || q.ID != "qu-1" {
		t.Fatalf("create: %+v, %v", q, err)
	}
	if _, err := c.Queues.Create(ctx, QueueRequest{Name: "Bare"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Queues.Get(ctx, "qu-1"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Queues.List(ctx, ListOptions{Limit: 5}); err != nil {
		t.Fatal(err)
	}
	if err := c.Queues.Delete(ctx, "qu-1"); err != nil {
		t.Fatal(err)
	}
	api.expectCalls(t,
		call(t, "POST", "/queues", `{"name":"Billing","description":"Billing calls","hoursOfOperation":{"id":"h-1"},"isAdvancedRoutingEnabled":true,
		  "skills":[{"id":"sk-1","isExpireEnabled":true},{"id":"sk-2","isExpireEnabled":false}],"agentGroups":[{"id":"ag-1"},{"id":"ag-2"}],
		  "advancedSettings":{"preferredAgentTimeout":{"min":2,"sec":30}},"agents":[]}`),
		call(t, "POST", "/queues", `{"name":"Bare","skills":[],"agentGroups":[],"agents":[]}`),
		call(t, "GET", "/queues/qu-1", ""),
		call(t, "GET", "/queues?limit=5", ""),
		call(t, "DELETE", "/queues/qu-1", ""),
	)
}

func TestQueueCreateWithoutIDFindsItByName(t *testing.T) {
	c, api := newFakeAPI(t, func(r apiCall) (int, string) {
		if r.Method == "POST" {
			return 0, `{"name":"Billing","agents":[]}`
		}
		return 0, `{"results":[{"id":"qu-5","name":"Billing"}],"hasMore":false}`
	})
	q, err := c.Queues.Create(context.Background(), QueueRequest{Name: "Billing", HoursOfOperationID: "h-1"})
	if err != nil || q.ID != "qu-5" {
		t.Fatalf("%+v, %v", q, err)
	}
	api.expectCalls(t,
		call(t, "POST", "/queues", `{"name":"Billing","hoursOfOperation":{"id":"h-1"},"skills":[],"agentGroups":[],"agents":[]}`),
		call(t, "GET", "/queues?limit=100&page=1", ""),
	)
}

// The update sends the queue as read with the request laid over it: the
// agents in the create shape, the advanced settings the request does not
// set, and what was read of a skill, a group or the hours that are sent
// again.
func TestQueueUpdateKeepsWhatWasRead(t *testing.T) {
	var current Queue
	if err := json.Unmarshal([]byte(queueSample), &current); err != nil {
		t.Fatal(err)
	}
	c, api := newFakeAPI(t, answer(`{"name":"Billing 2"}`))
	timeout := 45 * time.Second
	q, err := c.Queues.Update(context.Background(), &current, QueueRequest{
		Name: "Billing 2", HoursOfOperationID: "h-1",
		Skills:        []QueueSkillRequest{{ID: "sk-1", IsExpireEnabled: false}, {ID: "sk-3", IsExpireEnabled: true}},
		AgentGroupIDs: []string{"ag-2", "ag-3"}, PreferredAgentTimeout: &timeout,
	})
	if err != nil {
		t.Fatal(err)
	}
	if q.ID != "qu-1" || q.Name != "Billing 2" {
		t.Fatalf("updated %+v", q)
	}
	api.expectCalls(t, call(t, "PUT", "/queues/qu-1", `{"isActive":"true","isDefault":false,"name":"Billing 2","isAdvancedRoutingEnabled":true,
	  "description":"Billing calls","orgId":"o-1","createdBy":"u-9","id":"qu-1","hoursOfOperation":{"id":"h-1","name":"Default hours"},
	  "agents":[{"userId":"u-1","aId":"a-1","isPreferredAgent":true},{"userId":"u-2","isPreferredAgent":false}],
	  "skills":[{"id":"sk-1","name":"Refunds","isExpireEnabled":false,"expireTime":{"min":"2","sec":30},"skillGroupName":"Money","skillGroupColor":"#0f0f0f"},
	            {"id":"sk-3","isExpireEnabled":true}],
	  "agentGroups":[{"id":"ag-2","name":"Tier 2"},{"id":"ag-3"}],"sourceAgentGroups":[],
	  "advancedSettings":{"preferredAgentTimeout":{"min":0,"sec":45},"isSkillMatchEnabled":true,"isAffinityMatchEnabled":"false"},
	  "maxTimeout":{"min":10,"sec":0}}`))
}

// Nil fields leave the queue as read; other hours of operation are sent as
// {id}; empty sets are sent as [].
func TestQueueUpdateWithLittleSet(t *testing.T) {
	var current Queue
	_ = json.Unmarshal([]byte(`{"id":"qu-1","name":"A","description":"d","hoursOfOperation":{"id":"h-1","name":"Default"},
	  "advancedSettings":{"isSkillMatchEnabled":true},"skills":[{"id":"sk-1"}],"agentGroups":[{"id":"ag-1"}],"agents":[]}`), &current)
	c, api := newFakeAPI(t, answer(`{"id":"qu-1","name":"A"}`))
	if _, err := c.Queues.Update(context.Background(), &current, QueueRequest{Name: "A", HoursOfOperationID: "h-2"}); err != nil {
		t.Fatal(err)
	}
	api.expectCalls(t, call(t, "PUT", "/queues/qu-1", `{"id":"qu-1","name":"A","description":"d","hoursOfOperation":{"id":"h-2"},
	  "advancedSettings":{"isSkillMatchEnabled":true},"skills":[],"agentGroups":[],"agents":[]}`))
}

// A queue whose document does not list its agents is read again before
// the update; if it still does not, nothing is sent.
func TestQueueUpdateNeverDropsTheAgents(t *testing.T) {
	// Built by hand: a document whose agents are not a list does not decode.
	current := Queue{ID: "qu-1", Name: "A", Raw: map[string]json.RawMessage{"id": []byte(`"qu-1"`), "name": []byte(`"A"`), "agents": []byte(`2`)}}
	c, api := newFakeAPI(t, func(r apiCall) (int, string) {
		if r.Method == "GET" {
			return 0, `{"id":"qu-1","name":"A","agents":[{"userId":"u-1","aId":"a-1","isPreferredAgent":false},{"userId":"u-2","aId":"a-2","isPreferredAgent":true}]}`
		}
		return 0, `{"name":"B"}`
	})
	if _, err := c.Queues.Update(context.Background(), &current, QueueRequest{Name: "B"}); err != nil {
		t.Fatal(err)
	}
	api.expectCalls(t,
		call(t, "GET", "/queues/qu-1", ""),
		call(t, "PUT", "/queues/qu-1", `{"id":"qu-1","name":"B","skills":[],"agentGroups":[],
		  "agents":[{"userId":"u-1","aId":"a-1","isPreferredAgent":false},{"userId":"u-2","aId":"a-2","isPreferredAgent":true}]}`),
	)

	c, api = newFakeAPI(t, answer(`{"id":"qu-1","name":"A","agents":"2"}`))
	_, err := c.Queues.Update(context.Background(), &current, QueueRequest{Name: "B"})
	if err == nil || !strings.Contains(err.Error(), "reading the queue qu-1 again to learn its agents before the update") {
		t.Fatalf("err = %v", err)
	}
	api.expectCalls(t, call(t, "GET", "/queues/qu-1", ""))
}

// A create answered 502 may still have been processed. Names are not
// documented as unique, so a queue found by name afterwards is adopted only
// when its createdAt says it is new: otherwise the error names it, or says
// that none exists.
func TestQueueCreateWithALostAnswerSaysWhatExists(t *testing.T) {
	for _, tc := range []struct {
		name, list, want string
	}{
		{"a queue of the name exists", `{"results":[{"id":"qu-9","name":"Overnight"}],"hasMore":false}`,
			`POST /queues: HTTP 502 Bad Gateway: down; one queue with the name Overnight exists now, with the id qu-9; ` +
				`the list does not say when it was created, so it cannot be told from one that was there before`},
		{"an older one exists", `{"results":[{"id":"qu-9","name":"Overnight","createdAt":"2020-01-01T00:00:00.000Z"}],"hasMore":false}`,
			`POST /queues: HTTP 502 Bad Gateway: down; one queue with the name Overnight exists now, with the id qu-9; ` +
				`each was created before the create began (by createdAt), so none is from this create`},
		{"none exists", `{"results":[],"hasMore":false}`,
			`POST /queues: HTTP 502 Bad Gateway: down (no queue with the name Overnight exists afterwards, so none was created)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, api := newFakeAPI(t, func(r apiCall) (int, string) {
				if r.Method == "POST" {
					return http.StatusBadGateway, `{"errors":[{"msg":"down","code":502}]}`
				}
				return 0, tc.list
			})
			_, err := c.Queues.Create(context.Background(), QueueRequest{Name: "Overnight", HoursOfOperationID: "h-1"})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v\nwant it to contain %s", err, tc.want)
			}
			if n := len(api.calls); n != 2 {
				t.Fatalf("%d calls, want the POST (not retried) and one list read: %v", n, api.calls)
			}
		})
	}
}

// An agent group of a queue that is neither an entry nor an id fails the
// read: leaving it out would drop it from the queue on the next update.
func TestQueueRefusesAnAgentGroupThatIsNeither(t *testing.T) {
	for _, groups := range []string{`["ag-1",""]`, `["ag-1",7]`, `{"id":"ag-1"}`} {
		var q Queue
		if err := json.Unmarshal([]byte(`{"id":"qu-1","name":"Billing","agentGroups":`+groups+`}`), &q); err == nil {
			t.Errorf("agentGroups %s decoded as %+v, want an error", groups, q.AgentGroups)
		}
	}
}
