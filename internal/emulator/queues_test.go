package emulator

import (
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"testing"
)

var queueIDPattern = regexp.MustCompile(`^qu-[0-9a-f]{7}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// agentSkills is an agent's skill list as the agent views show it.
func agentSkills(t *testing.T, s *Server, id string) []any {
	t.Helper()
	doc, _ := s.Agent(id)
	skills, _ := doc["skills"].([]any)
	return skills
}

// queueEntryOf returns an agent record's entry for a queue, or nil.
func queueEntryOf(t *testing.T, s *Server, agentID, queueID string) map[string]any {
	t.Helper()
	doc, ok := s.Agent(agentID)
	if !ok {
		t.Fatalf("agent %s missing", agentID)
	}
	for _, m := range entries(doc["queues"]) {
		if m["id"] == queueID {
			return m
		}
	}
	return nil
}

// minimalQueue is the smallest valid create body.
func minimalQueue(name string) map[string]any {
	return map[string]any{"name": name, "hoursOfOperation": map[string]any{"id": defaultHoursID}, "agents": []any{}}
}

func TestGetQueue(t *testing.T) {
	h := newHarness(t, Config{})
	got := h.do(http.MethodGet, "/queues/"+supportQueueID, nil).object(t, http.StatusOK)
	want := map[string]any{
		"id": supportQueueID, "name": "Support", "description": "Product support",
		"isActive": true, "isDefault": false, "isAdvancedRoutingEnabled": true,
		"orgId": DefaultSeed().OrgID, "createdBy": adminUserID,
		"createdAt": "2024-01-10T09:00:00.000Z", "updatedAt": "2024-02-01T12:30:00.000Z",
		"hoursOfOperation": map[string]any{"id": allDayHoursID, "name": "24x7"},
		"agents": []any{map[string]any{
			"userId": mariaUserID, "aId": mariaID, "name": "Maria Lopez", "isPreferredAgent": true,
			"skills": agentSkills(t, h.srv, mariaID),
		}},
		"skills": []any{map[string]any{
			"id": spanishSkillID, "name": "Spanish", "isExpireEnabled": true, "expireTime": map[string]any{"min": 2.0, "sec": 30.0},
			"skillGroupName": "Languages", "skillGroupColor": "#1F77B4",
		}},
		"agentGroups":       []any{map[string]any{"id": tier1GroupID, "name": "Tier 1"}},
		"sourceAgentGroups": []any{},
		"advancedSettings": map[string]any{
			"preferredAgentTimeout": map[string]any{"min": 1.0, "sec": 0.0},
			"isSkillMatchEnabled":   true, "isAffinityMatchEnabled": false,
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("GET =\n%v\nwant\n%v", got, want)
	}
	if !reflect.DeepEqual(h.srv.Queue(supportQueueID), want) {
		t.Fatalf("Queue() = %v", h.srv.Queue(supportQueueID))
	}
	if msg := h.do(http.MethodGet, "/queues/qu-nope", nil).errorMsg(t, http.StatusNotFound); msg != "Queue not found: qu-nope" {
		t.Fatalf("msg = %q", msg)
	}
}

func TestCreateQueue(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	got := h.do(http.MethodPost, "/queues", map[string]any{
		"name":                     "Returns",
		"description":              "Returns and exchanges",
		"isAdvancedRoutingEnabled": true,
		"isDefault":                true, // ignored
		"hoursOfOperation":         map[string]any{"id": allDayHoursID, "name": "ignored"},
		"agents": []any{
			map[string]any{"userId": mariaUserID, "aId": mariaID, "isPreferredAgent": true},
			map[string]any{"aId": adminID, "isPreferredAgent": false},
		},
		"skills": []any{
			map[string]any{"id": frenchSkillID, "name": "ignored", "isExpireEnabled": true, "expireTime": map[string]any{"min": 1, "sec": 15}},
			map[string]any{"id": billingSkillID, "isExpireEnabled": false},
		},
		"agentGroups": []any{tier1GroupID, map[string]any{"id": defaultGroupID}},
		"advancedSettings": map[string]any{
			"preferredAgentTimeout": map[string]any{"min": 0, "sec": 30},
			"isSkillMatchEnabled":   true,
		},
	}).object(t, http.StatusOK)
	id, _ := got["id"].(string)
	if !queueIDPattern.MatchString(id) {
		t.Fatalf("id = %v", got["id"])
	}
	want := map[string]any{
		"id": id, "name": "Returns", "description": "Returns and exchanges",
		"isActive": true, "isDefault": false, "isAdvancedRoutingEnabled": true,
		"orgId": DefaultSeed().OrgID, "createdBy": adminUserID,
		"createdAt": "2025-08-05T06:42:06.414Z", "updatedAt": "2025-08-05T06:42:06.414Z",
		"hoursOfOperation": map[string]any{"id": allDayHoursID, "name": "24x7"},
		"agents": []any{
			map[string]any{"userId": adminUserID, "aId": adminID, "name": "Ada Admin", "isPreferredAgent": false, "skills": agentSkills(t, h.srv, adminID)},
			map[string]any{"userId": mariaUserID, "aId": mariaID, "name": "Maria Lopez", "isPreferredAgent": true, "skills": agentSkills(t, h.srv, mariaID)},
		},
		"skills": []any{
			map[string]any{"id": frenchSkillID, "name": "French", "isExpireEnabled": true, "expireTime": map[string]any{"min": 1.0, "sec": 15.0},
				"skillGroupName": "Languages", "skillGroupColor": "#1F77B4"},
			map[string]any{"id": billingSkillID, "name": "Billing Expert", "isExpireEnabled": false, "expireTime": map[string]any{"min": 0.0, "sec": 0.0},
				"skillGroupName": "Default SkillGroup", "skillGroupColor": "#D2000D"},
		},
		"agentGroups": []any{
			map[string]any{"id": tier1GroupID, "name": "Tier 1"},
			map[string]any{"id": defaultGroupID, "name": "Default Agent Group"},
		},
		"sourceAgentGroups": []any{},
		"advancedSettings": map[string]any{
			"preferredAgentTimeout": map[string]any{"min": 0.0, "sec": 30.0},
			"isSkillMatchEnabled":   true, "isAffinityMatchEnabled": false,
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("answer =\n%v\nwant\n%v", got, want)
	}
	if read := h.do(http.MethodGet, "/queues/"+id, nil).object(t, http.StatusOK); !reflect.DeepEqual(read, want) {
		t.Fatalf("GET = %v", read)
	}
	// The members' records hold the queue, as an agent create writes it.
	wantEntry := map[string]any{"id": id, "name": "Returns", "description": "Returns and exchanges", "isPreferredAgent": true}
	if e := queueEntryOf(t, h.srv, mariaID, id); !reflect.DeepEqual(e, wantEntry) {
		t.Fatalf("Maria's entry = %v", e)
	}
	if queueEntryOf(t, h.srv, mariaID, supportQueueID) == nil {
		t.Fatal("Maria left her other queue")
	}

	// The smallest body: agents may be empty; the rest takes defaults.
	bare := h.do(http.MethodPost, "/queues", minimalQueue("Bare")).object(t, http.StatusOK)
	if bare["description"] != "" || bare["isAdvancedRoutingEnabled"] != false || len(bare["agents"].([]any)) != 0 ||
		len(bare["skills"].([]any)) != 0 || len(bare["agentGroups"].([]any)) != 0 ||
		!reflect.DeepEqual(bare["advancedSettings"], defaultAdvancedSettings()) {
		t.Fatalf("bare queue = %v", bare)
	}
	// Agents can join the new queue.
	body := newAgentBody("returns@example.com")
	body["queues"] = []any{map[string]any{"id": id}}
	h.createAgent(body)
	if n := len(h.srv.Queue(id)["agents"].([]any)); n != 3 {
		t.Fatalf("%d agents in the queue, want 3", n)
	}
	if n := h.srv.Count("POST /queues"); n != 2 {
		t.Fatalf("count = %d", n)
	}
}

func TestCreateQueueValidation(t *testing.T) {
	with := func(mut func(b map[string]any)) map[string]any {
		b := minimalQueue("New")
		mut(b)
		return b
	}
	set := func(k string, v any) map[string]any { return with(func(b map[string]any) { b[k] = v }) }
	agent := func(m map[string]any) map[string]any { return set("agents", []any{m}) }
	skill := func(m map[string]any) map[string]any { return set("skills", []any{m}) }
	timeout := func(v any) map[string]any { return set("advancedSettings", map[string]any{"preferredAgentTimeout": v}) }
	tests := []struct {
		name   string
		body   any
		status int
		msg    string
	}{
		{"missing agents", with(func(b map[string]any) { delete(b, "agents") }), 400, "agents is required"},
		{"missing name", with(func(b map[string]any) { delete(b, "name") }), 400, "name is required"},
		{"description not a string", set("description", 5), 400, "description must be a string"},
		{"routing flag not a boolean", set("isAdvancedRoutingEnabled", "no"), 400, "isAdvancedRoutingEnabled must be a boolean"},
		{"missing hours", with(func(b map[string]any) { delete(b, "hoursOfOperation") }), 400, "hoursOfOperation.id is required"},
		{"hours not an object", set("hoursOfOperation", defaultHoursID), 400, "hoursOfOperation must be an object"},
		{"hours without id", set("hoursOfOperation", map[string]any{"name": "24x7"}), 400, "hoursOfOperation.id is required"},
		{"unknown hours", set("hoursOfOperation", map[string]any{"id": "h-nope"}), 400, "hoursOfOperation.id h-nope does not exist"},
		{"agents not an array", set("agents", "all"), 400, "agents must be an array"},
		{"agent without ids", agent(map[string]any{"isPreferredAgent": true}), 400, "agents[0].userId or agents[0].aId is required"},
		{"unknown agent", agent(map[string]any{"userId": "u-nope"}), 400, "agents[0].userId u-nope is not an agent"},
		{"isPreferredAgent not a boolean", agent(map[string]any{"aId": mariaID, "isPreferredAgent": "yes"}), 400, "agents[0].isPreferredAgent must be a boolean"},
		{"agent listed twice", set("agents", []any{map[string]any{"aId": mariaID}, map[string]any{"userId": mariaUserID}}), 400, "agent " + mariaID + " is listed more than once"},
		{"skill without id", skill(map[string]any{"isExpireEnabled": true}), 400, "skills[0].id is required"},
		{"unknown skill", skill(map[string]any{"id": "5f0000000000000000000000", "isExpireEnabled": true}), 400, "skill 5f0000000000000000000000 does not exist"},
		{"skill without isExpireEnabled", skill(map[string]any{"id": frenchSkillID}), 400, "skills[0].isExpireEnabled is required"},
		{"isExpireEnabled not a boolean", skill(map[string]any{"id": frenchSkillID, "isExpireEnabled": "true"}), 400, "skills[0].isExpireEnabled must be a boolean"},
		{"expireTime sec 60", skill(map[string]any{"id": frenchSkillID, "isExpireEnabled": true, "expireTime": map[string]any{"min": 1, "sec": 60}}), 400,
			"skills[0].expireTime.sec must be less than 60"},
		{"expireTime negative", skill(map[string]any{"id": frenchSkillID, "isExpireEnabled": true, "expireTime": map[string]any{"min": -1}}), 400,
			"skills[0].expireTime.min must be a non-negative integer"},
		{"expireTime fractional", skill(map[string]any{"id": frenchSkillID, "isExpireEnabled": true, "expireTime": map[string]any{"sec": 1.5}}), 400,
			"skills[0].expireTime.sec must be a non-negative integer"},
		{"skill listed twice", set("skills", []any{
			map[string]any{"id": frenchSkillID, "isExpireEnabled": true}, map[string]any{"id": frenchSkillID, "isExpireEnabled": false},
		}), 400, "skill " + frenchSkillID + " is listed more than once"},
		{"agentGroups not an array", set("agentGroups", tier1GroupID), 400, "agentGroups must be an array"},
		{"unknown agent group id", set("agentGroups", []any{"ag-nope"}), 400, "agent group ag-nope does not exist"},
		{"unknown agent group object", set("agentGroups", []any{map[string]any{"id": "ag-nope"}}), 400, "agent group ag-nope does not exist"},
		{"agent group of the wrong type", set("agentGroups", []any{5}), 400, "agentGroups[0] must be an agent group id or an object with id"},
		{"agent group listed twice", set("agentGroups", []any{tier1GroupID, map[string]any{"id": tier1GroupID}}), 400, "agent group " + tier1GroupID + " is listed more than once"},
		{"advancedSettings not an object", set("advancedSettings", true), 400, "advancedSettings must be an object"},
		{"timeout not an object", timeout("5"), 400, "advancedSettings.preferredAgentTimeout must be an object with min and sec"},
		{"timeout sec 75", timeout(map[string]any{"min": 0, "sec": 75}), 400, "advancedSettings.preferredAgentTimeout.sec must be less than 60"},
		{"timeout min not a number", timeout(map[string]any{"min": "1"}), 400, "advancedSettings.preferredAgentTimeout.min must be a non-negative integer"},
		{"skill match not a boolean", set("advancedSettings", map[string]any{"isSkillMatchEnabled": "yes"}), 400, "advancedSettings.isSkillMatchEnabled must be a boolean"},
		{"duplicate name, other case", set("name", "SUPPORT"), 409, "Queue with name SUPPORT already exists"},
	}
	h := newHarness(t, Config{})
	maria, _ := h.srv.Agent(mariaID)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if msg := h.do(http.MethodPost, "/queues", tc.body).errorMsg(t, tc.status); msg != tc.msg {
				t.Errorf("msg = %q, want %q", msg, tc.msg)
			}
		})
	}
	if n := len(h.srv.Queues()); n != 4 {
		t.Fatalf("%d queues after only invalid creates, want the 4 seeded", n)
	}
	if after, _ := h.srv.Agent(mariaID); !reflect.DeepEqual(after, maria) {
		t.Fatal("an invalid create changed Maria's record")
	}
}

func TestListQueuesPaging(t *testing.T) {
	h := newHarness(t, Config{})
	for i := range 8 { // 12 with the seeded queues
		h.do(http.MethodPost, "/queues", minimalQueue(fmt.Sprintf("Queue %02d", i))).object(t, http.StatusOK)
	}
	first := h.do(http.MethodGet, "/queues", nil).results(t, "page", 1, 10, true, 2, 12)
	if got := ids(first)[:4]; !reflect.DeepEqual(got, []string{defaultQueueID, supportQueueID, salesQueueID, billingQueueID}) {
		t.Fatalf("seeded queues not first: %v", got)
	}
	if support := first[1].(map[string]any); !reflect.DeepEqual(support, h.srv.Queue(supportQueueID)) {
		t.Fatalf("item is not the GET shape: %v", support)
	}
	if rest := h.do(http.MethodGet, "/queues?page=2", nil).results(t, "page", 2, 10, false, 2, 12); len(rest) != 2 || rest[1].(map[string]any)["name"] != "Queue 07" {
		t.Fatalf("page 2 = %v", ids(rest))
	}
	if p := h.do(http.MethodGet, "/queues?page=3&limit=5", nil).results(t, "page", 3, 5, false, 3, 12); len(p) != 2 {
		t.Fatalf("page 3 of 5: %d items", len(p))
	}
	h.do(http.MethodGet, "/queues?page=-2", nil).errorMsg(t, http.StatusBadRequest)
	h.do(http.MethodGet, "/queues?limit=ten", nil).errorMsg(t, http.StatusBadRequest)
}

func TestUpdateQueueReplacesEverything(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	path := "/queues/" + supportQueueID
	got := h.do(http.MethodPut, path, map[string]any{
		"id":               supportQueueID,
		"name":             "Support EMEA",
		"hoursOfOperation": map[string]any{"id": defaultHoursID},
		"agents":           []any{map[string]any{"aId": adminID, "isPreferredAgent": true}},
		"skills":           []any{map[string]any{"id": frenchSkillID, "isExpireEnabled": false}},
	}).object(t, http.StatusOK)
	if !reflect.DeepEqual(got, h.srv.Queue(supportQueueID)) {
		t.Fatalf("answer is not the GET shape: %v", got)
	}
	// Everything the body left out is reset, not kept.
	if got["name"] != "Support EMEA" || got["description"] != "" || got["isAdvancedRoutingEnabled"] != false ||
		got["isActive"] != true || got["createdAt"] != "2024-01-10T09:00:00.000Z" || got["updatedAt"] != "2025-08-05T06:42:06.414Z" ||
		!reflect.DeepEqual(got["hoursOfOperation"], map[string]any{"id": defaultHoursID, "name": "Default Hours of Operation"}) ||
		len(got["agentGroups"].([]any)) != 0 || !reflect.DeepEqual(got["advancedSettings"], defaultAdvancedSettings()) {
		t.Fatalf("answer = %v", got)
	}
	if skills := got["skills"].([]any); len(skills) != 1 || skills[0].(map[string]any)["id"] != frenchSkillID {
		t.Fatalf("skills = %v", skills)
	}
	// agents replaces the membership: Maria, not listed, left.
	if agents := got["agents"].([]any); len(agents) != 1 || agents[0].(map[string]any)["aId"] != adminID || agents[0].(map[string]any)["isPreferredAgent"] != true {
		t.Fatalf("agents = %v", agents)
	}
	if queueEntryOf(t, h.srv, mariaID, supportQueueID) != nil {
		t.Fatal("Maria is still in the queue")
	}
	// The rename shows up in the agent views.
	admin := h.do(http.MethodGet, "/agents/"+adminID, nil).object(t, http.StatusOK)
	var entry map[string]any
	for _, m := range entries(admin["queues"]) {
		if m["id"] == supportQueueID {
			entry = m
		}
	}
	if entry == nil || entry["name"] != "Support EMEA" || entry["description"] != "" || entry["isPreferredAgent"] != true {
		t.Fatalf("admin's entry = %v", entry)
	}

	// A listed member's flag changes; a new one joins.
	body := minimalQueue("Support EMEA")
	body["agents"] = []any{map[string]any{"aId": adminID}, map[string]any{"userId": mariaUserID, "isPreferredAgent": true}}
	h.do(http.MethodPut, path, body).object(t, http.StatusOK)
	if e := queueEntryOf(t, h.srv, adminID, supportQueueID); e["isPreferredAgent"] != false {
		t.Fatalf("admin's entry = %v", e)
	}
	if e := queueEntryOf(t, h.srv, mariaID, supportQueueID); e["isPreferredAgent"] != true {
		t.Fatalf("Maria's entry = %v", e)
	}

	// A PUT without agents empties the queue.
	body = minimalQueue("Support EMEA")
	delete(body, "agents")
	if got := h.do(http.MethodPut, path, body).object(t, http.StatusOK); len(got["agents"].([]any)) != 0 {
		t.Fatalf("agents after a PUT without agents = %v", got["agents"])
	}
	if queueEntryOf(t, h.srv, adminID, supportQueueID) != nil || queueEntryOf(t, h.srv, mariaID, supportQueueID) != nil {
		t.Fatal("agents kept a queue a PUT without agents emptied")
	}
	if queueEntryOf(t, h.srv, adminID, defaultQueueID) == nil {
		t.Fatal("the admin lost another queue")
	}
	if n := h.srv.Count("PUT /queues/{id}"); n != 3 {
		t.Fatalf("count = %d", n)
	}
}

func TestUpdateQueueValidation(t *testing.T) {
	h := newHarness(t, Config{})
	tests := []struct {
		name, id string
		body     any
		status   int
		msg      string
	}{
		{"body id differs", supportQueueID, func() map[string]any { b := minimalQueue("S"); b["id"] = salesQueueID; return b }(), 400,
			"id in the body (" + salesQueueID + ") does not match the queue id in the path (" + supportQueueID + ")"},
		{"missing hours", supportQueueID, map[string]any{"name": "S"}, 400, "hoursOfOperation.id is required"},
		{"unknown agent", supportQueueID, func() map[string]any {
			b := minimalQueue("S")
			b["agents"] = []any{map[string]any{"aId": "a-nope"}}
			return b
		}(), 400, "agents[0].aId a-nope is not an agent"},
		{"name of another queue", supportQueueID, minimalQueue("sales"), 409, "Queue with name sales already exists"},
		{"unknown queue", "qu-nope", minimalQueue("S"), 404, "Queue not found: qu-nope"},
	}
	before := h.srv.Queue(supportQueueID)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if msg := h.do(http.MethodPut, "/queues/"+tc.id, tc.body).errorMsg(t, tc.status); msg != tc.msg {
				t.Errorf("msg = %q, want %q", msg, tc.msg)
			}
		})
	}
	if after := h.srv.Queue(supportQueueID); !reflect.DeepEqual(after, before) {
		t.Fatalf("a rejected PUT changed the queue:\n%v\n%v", after, before)
	}
	// Keeping one's own name in another case is not a duplicate.
	h.do(http.MethodPut, "/queues/"+supportQueueID, minimalQueue("SUPPORT")).object(t, http.StatusOK)
}

func TestDeleteQueue(t *testing.T) {
	h := newHarness(t, Config{})
	if msg := h.do(http.MethodDelete, "/queues/"+defaultQueueID, nil).errorMsg(t, http.StatusBadRequest); msg != "The default queue cannot be deleted" {
		t.Fatalf("msg = %q", msg)
	}
	before := h.srv.Queue(supportQueueID)
	got := h.do(http.MethodDelete, "/queues/"+supportQueueID, nil).object(t, http.StatusOK)
	if !reflect.DeepEqual(got, before) || len(got["agents"].([]any)) != 1 {
		t.Fatalf("answer %v, want the queue as it was %v", got, before)
	}
	if h.srv.Queue(supportQueueID) != nil || queueEntryOf(t, h.srv, mariaID, supportQueueID) != nil {
		t.Fatal("queue still stored, or still on Maria's record")
	}
	h.do(http.MethodGet, "/queues/"+supportQueueID, nil).errorMsg(t, http.StatusNotFound)
	if msg := h.do(http.MethodDelete, "/queues/"+supportQueueID, nil).errorMsg(t, http.StatusNotFound); msg != "Queue not found: "+supportQueueID {
		t.Fatalf("msg = %q", msg)
	}
	// Agents can no longer name it.
	body := newAgentBody("late@example.com")
	body["queues"] = []any{map[string]any{"id": supportQueueID}}
	if msg := h.do(http.MethodPost, "/agents", body).errorMsg(t, http.StatusBadRequest); msg != "queue "+supportQueueID+" does not exist" {
		t.Fatalf("msg = %q", msg)
	}
	// The name is free again.
	h.do(http.MethodPost, "/queues", minimalQueue("Support")).object(t, http.StatusOK)
}

func TestQueueAccessors(t *testing.T) {
	h := newHarness(t, Config{})
	if got := ids(anySlice(h.srv.Queues())); !reflect.DeepEqual(got, []string{defaultQueueID, supportQueueID, salesQueueID, billingQueueID}) {
		t.Fatalf("Queues() = %v", got)
	}
	q := h.srv.Queue(supportQueueID)
	q["name"] = "Hacked"
	q["agents"].([]any)[0].(map[string]any)["name"] = "Mallory"
	if again := h.srv.Queue(supportQueueID); again["name"] != "Support" || again["agents"].([]any)[0].(map[string]any)["name"] != "Maria Lopez" {
		t.Fatalf("Queue() shares state: %v", again)
	}
	if h.srv.Queue("qu-nope") != nil {
		t.Fatal("Queue(qu-nope) is not nil")
	}

	if !h.srv.UpdateQueue(supportQueueID, func(doc map[string]any) {
		doc["name"] = "Renamed in the UI"
		doc["isActive"] = false
		doc["id"] = "qu-cannot-change"
	}) {
		t.Fatal("UpdateQueue reported a missing queue")
	}
	got := h.do(http.MethodGet, "/queues/"+supportQueueID, nil).object(t, http.StatusOK)
	if got["name"] != "Renamed in the UI" || got["isActive"] != false || got["id"] != supportQueueID {
		t.Fatalf("GET after UpdateQueue = %v", got)
	}
	// The agents' copies follow, stored and served.
	if e := queueEntryOf(t, h.srv, mariaID, supportQueueID); e["name"] != "Renamed in the UI" {
		t.Fatalf("Maria's stored entry = %v", e)
	}
	listed := h.do(http.MethodGet, "/agents?includeQueues=true", nil).object(t, http.StatusOK)["results"].([]any)[1].(map[string]any)
	if lq := listed["queues"].([]any)[0].(map[string]any); lq["name"] != "Renamed in the UI" {
		t.Fatalf("listed queue = %v", lq)
	}
	if h.srv.UpdateQueue("qu-nope", func(map[string]any) { t.Error("mutate called") }) {
		t.Fatal("UpdateQueue(qu-nope) = true")
	}

	// Out of band, even the default queue can go; agents leave it.
	if !h.srv.DeleteQueue(defaultQueueID) || h.srv.DeleteQueue(defaultQueueID) {
		t.Fatal("DeleteQueue should succeed once")
	}
	if queueEntryOf(t, h.srv, adminID, defaultQueueID) != nil {
		t.Fatal("the admin is still in the deleted queue")
	}
}
