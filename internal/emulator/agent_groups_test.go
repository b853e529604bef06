package emulator

import (
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

var agentGroupIDPattern = regexp.MustCompile(`^ag-[0-9a-f]{7}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// adminSkills is the admin's skill list as the agent views show it.
func adminSkills(t *testing.T, s *Server) []any {
	t.Helper()
	admin, _ := s.Agent(adminID)
	return admin["skills"].([]any)
}

func TestCreateAgentGroup(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	got := h.do(http.MethodPost, "/agent-groups", map[string]any{"name": "Escalations", "description": "Second line"}).object(t, http.StatusOK)
	// The page's sample answer: an echo, without the new group's id.
	if want := map[string]any{"name": "Escalations", "description": "Second line"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("answer = %v, want %v", got, want)
	}
	group := h.srv.AgentGroupByName("ESCALATIONS")
	if group == nil || !agentGroupIDPattern.MatchString(group["id"].(string)) {
		t.Fatalf("AgentGroupByName = %v", group)
	}
	id := group["id"].(string)
	want := map[string]any{
		"id": id, "name": "Escalations", "description": "Second line", "isDefault": false, "status": "ACTIVE",
		"managers": []any{}, "createdAt": "2025-08-05T06:42:06.414Z", "updatedAt": "2025-08-05T06:42:06.414Z",
	}
	if !reflect.DeepEqual(group, want) {
		t.Fatalf("stored =\n%v\nwant\n%v", group, want)
	}
	if read := h.do(http.MethodGet, "/agent-groups/"+id, nil).object(t, http.StatusOK); !reflect.DeepEqual(read, want) {
		t.Fatalf("GET = %v", read)
	}
	// Agents can join it.
	body := newAgentBody("escalated@example.com")
	body["agentGroupId"] = id
	if doc := h.createAgent(body); !reflect.DeepEqual(doc["agentGroups"], []any{map[string]any{"groupId": id, "role": "agent"}}) {
		t.Fatalf("agentGroups = %v", doc["agentGroups"])
	}
	if n := h.srv.Count("POST /agent-groups"); n != 1 {
		t.Fatalf("count = %d", n)
	}
}

func TestCreateAgentGroupReturnsIDSwitch(t *testing.T) {
	h := newHarness(t, Config{CreateAgentGroupReturnsID: true})
	got := h.do(http.MethodPost, "/agent-groups", map[string]any{"name": "With id", "description": "d"}).object(t, http.StatusOK)
	stored := h.srv.AgentGroupByName("With id")
	if got["id"] == nil || got["id"] != stored["id"] || len(got) != 3 {
		t.Fatalf("answer %v, stored id %v", got, stored["id"])
	}
}

func TestCreateAgentGroupValidation(t *testing.T) {
	tests := []struct {
		name   string
		body   any
		status int
		msg    string
	}{
		{"missing name", map[string]any{"description": "d"}, 400, "name is required"},
		{"name too long", map[string]any{"name": strings.Repeat("n", 51), "description": "d"}, 400, "name must be at most 50 characters"},
		{"missing description", map[string]any{"name": "N"}, 400, "description is required"},
		{"empty description", map[string]any{"name": "N", "description": ""}, 400, "description is required"},
		{"description too long", map[string]any{"name": "N", "description": strings.Repeat("d", 51)}, 400, "description must be at most 50 characters"},
		{"description not a string", map[string]any{"name": "N", "description": 5}, 400, "description must be a string"},
		{"duplicate name, other case", map[string]any{"name": "tier 1", "description": "d"}, 409, "Agent group with name tier 1 already exists"},
		{"not JSON", "[", 400, "request body must be a JSON object: unexpected end of JSON input"},
	}
	h := newHarness(t, Config{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if msg := h.do(http.MethodPost, "/agent-groups", tc.body).errorMsg(t, tc.status); msg != tc.msg {
				t.Errorf("msg = %q, want %q", msg, tc.msg)
			}
		})
	}
	// Exactly 50 characters is fine.
	h.do(http.MethodPost, "/agent-groups", map[string]any{"name": strings.Repeat("n", 50), "description": strings.Repeat("é", 50)}).object(t, http.StatusOK)
	if n := len(h.srv.AgentGroups()); n != 3 {
		t.Fatalf("%d agent groups, want the 2 seeded and 1 valid", n)
	}
}

func TestListAgentGroups(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	for i := range 11 { // 13 with the seeded groups
		h.do(http.MethodPost, "/agent-groups", map[string]any{"name": fmt.Sprintf("Group %02d", i), "description": "d"}).object(t, http.StatusOK)
	}
	first := h.do(http.MethodGet, "/agent-groups", nil).results(t, "skip", 0, 10, true, 2, 13)
	if got := ids(first)[:2]; !reflect.DeepEqual(got, []string{defaultGroupID, tier1GroupID}) {
		t.Fatalf("seeded groups not first: %v", got)
	}
	tier1 := first[1].(map[string]any)
	want := map[string]any{
		"id": tier1GroupID, "name": "Tier 1", "lname": "tier 1", "description": "First-line support",
		"isDefault": false, "isUnassigned": false, "status": "ACTIVE", "iId": DefaultStreamID,
		"orgId": DefaultSeed().OrgID, "createdBy": adminUserID, "createdByAId": adminID,
		"createdAt": "2024-01-09T08:00:00.000Z", "updatedAt": "2024-01-09T08:00:00.000Z",
		"totalAgents": 1.0,
		"managers": []any{map[string]any{
			"userId": adminUserID, "firstName": "Ada", "lastName": "Admin", "emailId": "admin@example.com",
			"accessLevel": "full", "skills": adminSkills(t, h.srv),
		}},
	}
	if !reflect.DeepEqual(tier1, want) {
		t.Fatalf("list item =\n%v\nwant\n%v", tier1, want)
	}
	if def := first[0].(map[string]any); def["totalAgents"] != 1.0 || def["isDefault"] != true {
		t.Fatalf("default group item = %v", def)
	}
	if rest := h.do(http.MethodGet, "/agent-groups?skip=10", nil).results(t, "skip", 10, 10, false, 2, 13); len(rest) != 3 {
		t.Fatalf("skip=10: %d items", len(rest))
	}
	// page is accepted in place of skip.
	paged := h.do(http.MethodGet, "/agent-groups?page=2&limit=5", nil).results(t, "skip", 5, 5, true, 3, 13)
	if len(paged) != 5 || paged[0].(map[string]any)["name"] != "Group 03" {
		t.Fatalf("page 2 of 5 = %v", ids(paged))
	}
	if all := h.do(http.MethodGet, "/agent-groups?limit=500", nil).results(t, "skip", 0, 100, false, 1, 13); len(all) != 13 {
		t.Fatalf("limit clamped to 100: %d items", len(all))
	}
	for q, msg := range map[string]string{
		"page=1&skip=0": "skip and page cannot be used together",
		"page=0":        `page must be a positive integer, got "0"`,
		"skip=-1":       `skip must be a non-negative integer, got "-1"`,
	} {
		if got := h.do(http.MethodGet, "/agent-groups?"+q, nil).errorMsg(t, http.StatusBadRequest); got != msg {
			t.Errorf("%s: msg = %q, want %q", q, got, msg)
		}
	}
}

func TestGetAgentGroup(t *testing.T) {
	h := newHarness(t, Config{})
	got := h.do(http.MethodGet, "/agent-groups/"+tier1GroupID, nil).object(t, http.StatusOK)
	want := map[string]any{
		"id": tier1GroupID, "name": "Tier 1", "description": "First-line support", "isDefault": false, "status": "ACTIVE",
		"createdAt": "2024-01-09T08:00:00.000Z", "updatedAt": "2024-01-09T08:00:00.000Z",
		"managers": []any{map[string]any{
			"userId": adminUserID, "firstName": "Ada", "lastName": "Admin", "emailId": "admin@example.com",
			"accessLevel": "full", "skills": adminSkills(t, h.srv),
		}},
	}
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(h.srv.AgentGroup(tier1GroupID), want) {
		t.Fatalf("GET =\n%v\nwant\n%v", got, want)
	}
	if msg := h.do(http.MethodGet, "/agent-groups/ag-nope", nil).errorMsg(t, http.StatusNotFound); msg != "Agent group not found: ag-nope" {
		t.Fatalf("msg = %q", msg)
	}
	// A manager whose agent has gone is left out.
	h.srv.DeleteAgent(adminID)
	if m := h.srv.AgentGroup(tier1GroupID)["managers"].([]any); len(m) != 0 {
		t.Fatalf("managers = %v", m)
	}
}

func TestUpdateAgentGroup(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	body := map[string]any{
		"name": "Tier 2", "description": "Escalations",
		"managers": []any{map[string]any{"userId": mariaUserID, "accessLevel": "view"}},
	}
	// The answer echoes the body, as the page's sample does.
	if got := h.do(http.MethodPut, "/agent-groups/"+tier1GroupID, body).object(t, http.StatusOK); !reflect.DeepEqual(got, body) {
		t.Fatalf("answer = %v, want the body %v", got, body)
	}
	group := h.srv.AgentGroup(tier1GroupID)
	maria, _ := h.srv.Agent(mariaID)
	wantManagers := []any{map[string]any{
		"userId": mariaUserID, "firstName": "Maria", "lastName": "Lopez", "emailId": "maria.lopez@example.com",
		"accessLevel": "view", "skills": maria["skills"],
	}}
	if group["name"] != "Tier 2" || group["description"] != "Escalations" || group["updatedAt"] != "2025-08-05T06:42:06.414Z" ||
		!reflect.DeepEqual(group["managers"], wantManagers) {
		t.Fatalf("stored = %v", group)
	}
	item := h.do(http.MethodGet, "/agent-groups", nil).object(t, http.StatusOK)["results"].([]any)[1].(map[string]any)
	if item["lname"] != "tier 2" {
		t.Fatalf("lname = %v", item["lname"])
	}
	// managers may be empty; it replaces the old list.
	h.do(http.MethodPut, "/agent-groups/"+tier1GroupID, map[string]any{"name": "Tier 2", "description": "E", "managers": []any{}}).object(t, http.StatusOK)
	if m := h.srv.AgentGroup(tier1GroupID)["managers"].([]any); len(m) != 0 {
		t.Fatalf("managers = %v", m)
	}
	if n := h.srv.Count("PUT /agent-groups/{id}"); n != 2 {
		t.Fatalf("count = %d", n)
	}
}

func TestUpdateAgentGroupValidation(t *testing.T) {
	h := newHarness(t, Config{})
	with := func(mut func(b map[string]any)) map[string]any {
		b := map[string]any{"name": "Tier 1", "description": "d", "managers": []any{map[string]any{"userId": adminUserID, "accessLevel": "full"}}}
		mut(b)
		return b
	}
	manager := func(m map[string]any) func(b map[string]any) {
		return func(b map[string]any) { b["managers"] = []any{m} }
	}
	tests := []struct {
		name, id string
		body     any
		status   int
		msg      string
	}{
		{"missing managers", tier1GroupID, with(func(b map[string]any) { delete(b, "managers") }), 400, "managers is required"},
		{"null managers", tier1GroupID, with(func(b map[string]any) { b["managers"] = nil }), 400, "managers is required"},
		{"managers not an array", tier1GroupID, with(func(b map[string]any) { b["managers"] = map[string]any{} }), 400, "managers must be an array"},
		{"manager not an object", tier1GroupID, with(func(b map[string]any) { b["managers"] = []any{adminUserID} }), 400, "managers[0] must be an object"},
		{"manager without userId", tier1GroupID, with(manager(map[string]any{"accessLevel": "full"})), 400, "managers[0].userId is required"},
		{"manager not an agent", tier1GroupID, with(manager(map[string]any{"userId": "u-nope", "accessLevel": "full"})), 400, "managers[0].userId u-nope is not an agent"},
		{"manager without accessLevel", tier1GroupID, with(manager(map[string]any{"userId": adminUserID})), 400, "managers[0].accessLevel is required"},
		{"unknown accessLevel", tier1GroupID, with(manager(map[string]any{"userId": adminUserID, "accessLevel": "admin"})), 400, `managers[0].accessLevel must be full or view, got "admin"`},
		{"manager listed twice", tier1GroupID, with(func(b map[string]any) {
			b["managers"] = []any{map[string]any{"userId": adminUserID, "accessLevel": "full"}, map[string]any{"userId": adminUserID, "accessLevel": "view"}}
		}), 400, "manager " + adminUserID + " is listed more than once"},
		{"missing name", tier1GroupID, with(func(b map[string]any) { delete(b, "name") }), 400, "name is required"},
		{"name too long", tier1GroupID, with(func(b map[string]any) { b["name"] = strings.Repeat("x", 51) }), 400, "name must be at most 50 characters"},
		{"missing description", tier1GroupID, with(func(b map[string]any) { delete(b, "description") }), 400, "description is required"},
		{"name of another group", tier1GroupID, with(func(b map[string]any) { b["name"] = "DEFAULT AGENT GROUP" }), 409, "Agent group with name DEFAULT AGENT GROUP already exists"},
		{"unknown group", "ag-nope", with(func(map[string]any) {}), 404, "Agent group not found: ag-nope"},
	}
	before := h.srv.AgentGroup(tier1GroupID)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if msg := h.do(http.MethodPut, "/agent-groups/"+tc.id, tc.body).errorMsg(t, tc.status); msg != tc.msg {
				t.Errorf("msg = %q, want %q", msg, tc.msg)
			}
		})
	}
	if after := h.srv.AgentGroup(tier1GroupID); !reflect.DeepEqual(after, before) {
		t.Fatalf("a rejected PUT changed the group:\n%v\n%v", after, before)
	}
}

func TestDeleteAgentGroup(t *testing.T) {
	h := newHarness(t, Config{})
	if msg := h.do(http.MethodDelete, "/agent-groups/"+defaultGroupID, nil).errorMsg(t, http.StatusBadRequest); msg != "The default agent group cannot be deleted" {
		t.Fatalf("msg = %q", msg)
	}
	msg := h.do(http.MethodDelete, "/agent-groups/"+tier1GroupID, nil).errorMsg(t, http.StatusBadRequest)
	if msg != `Agent group "Tier 1" still has 1 agent; move them to another group first` {
		t.Fatalf("msg = %q", msg)
	}
	body := newAgentBody("second@example.com")
	body["agentGroupId"] = tier1GroupID
	second := h.createAgent(body)
	msg = h.do(http.MethodDelete, "/agent-groups/"+tier1GroupID, nil).errorMsg(t, http.StatusBadRequest)
	if msg != `Agent group "Tier 1" still has 2 agents; move them to another group first` {
		t.Fatalf("msg = %q", msg)
	}
	// Move both agents to the default group.
	h.do(http.MethodDelete, "/agents/"+second["id"].(string), nil).object(t, http.StatusOK)
	maria, _ := h.srv.Agent(mariaID)
	put := putBody(maria)
	put["agentGroupId"] = defaultGroupID
	delete(put, "agentGroups")
	h.do(http.MethodPut, "/agents/"+mariaID, put).object(t, http.StatusOK)

	items := h.do(http.MethodGet, "/agent-groups", nil).object(t, http.StatusOK)["results"].([]any)
	before := items[1].(map[string]any)
	got := h.do(http.MethodDelete, "/agent-groups/"+tier1GroupID, nil).object(t, http.StatusOK)
	if !reflect.DeepEqual(got, before) || got["totalAgents"] != 0.0 {
		t.Fatalf("answer %v, want the group as listed %v", got, before)
	}
	if h.srv.AgentGroup(tier1GroupID) != nil {
		t.Fatal("group still stored")
	}
	// The Support queue named the group; it no longer does.
	if groups := h.srv.Queue(supportQueueID)["agentGroups"].([]any); len(groups) != 0 {
		t.Fatalf("Support queue still names %v", groups)
	}
	h.do(http.MethodGet, "/agent-groups/"+tier1GroupID, nil).errorMsg(t, http.StatusNotFound)
	if msg := h.do(http.MethodDelete, "/agent-groups/"+tier1GroupID, nil).errorMsg(t, http.StatusNotFound); msg != "Agent group not found: "+tier1GroupID {
		t.Fatalf("msg = %q", msg)
	}
	// Agents can no longer name it.
	body = newAgentBody("late@example.com")
	body["agentGroupId"] = tier1GroupID
	if msg := h.do(http.MethodPost, "/agents", body).errorMsg(t, http.StatusBadRequest); msg != "agentGroupId "+tier1GroupID+" does not exist" {
		t.Fatalf("msg = %q", msg)
	}
}

func TestAgentGroupAccessors(t *testing.T) {
	h := newHarness(t, Config{})
	if got := ids(anySlice(h.srv.AgentGroups())); !reflect.DeepEqual(got, []string{defaultGroupID, tier1GroupID}) {
		t.Fatalf("AgentGroups() = %v", got)
	}
	g := h.srv.AgentGroup(tier1GroupID)
	g["name"] = "Hacked"
	if h.srv.AgentGroup(tier1GroupID)["name"] != "Tier 1" || h.srv.AgentGroupByName("tier 1")["id"] != tier1GroupID {
		t.Fatal("AgentGroup() shares state, or AgentGroupByName does not ignore case")
	}
	if h.srv.AgentGroup("ag-nope") != nil || h.srv.AgentGroupByName("Nobody") != nil {
		t.Fatal("missing groups are not nil")
	}
	if !h.srv.UpdateAgentGroup(tier1GroupID, func(doc map[string]any) {
		doc["description"] = "Changed in the UI"
		doc["managers"] = []any{}
	}) {
		t.Fatal("UpdateAgentGroup reported a missing group")
	}
	got := h.do(http.MethodGet, "/agent-groups/"+tier1GroupID, nil).object(t, http.StatusOK)
	if got["description"] != "Changed in the UI" || len(got["managers"].([]any)) != 0 {
		t.Fatalf("GET after UpdateAgentGroup = %v", got)
	}
	if h.srv.UpdateAgentGroup("ag-nope", func(map[string]any) { t.Error("mutate called") }) {
		t.Fatal("UpdateAgentGroup(ag-nope) = true")
	}

	// Out of band, even the default group can go; agents stop naming it,
	// and new agents get no group.
	if !h.srv.DeleteAgentGroup(defaultGroupID) || h.srv.DeleteAgentGroup(defaultGroupID) {
		t.Fatal("DeleteAgentGroup should succeed once")
	}
	if admin, _ := h.srv.Agent(adminID); len(admin["agentGroups"].([]any)) != 0 {
		t.Fatalf("admin's agentGroups = %v", admin["agentGroups"])
	}
	if groups := h.srv.Queue(defaultQueueID)["agentGroups"].([]any); len(groups) != 0 {
		t.Fatalf("Default Queue still names %v", groups)
	}
	created := h.do(http.MethodPost, "/agents", newAgentBody("nogroup@example.com")).object(t, http.StatusOK)
	if created["agentGroupId"] != "" {
		t.Fatalf("agentGroupId = %v", created["agentGroupId"])
	}
}
