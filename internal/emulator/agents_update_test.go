package emulator

import (
	"net/http"
	"reflect"
	"testing"
	"time"
)

// putBody turns a stored record into a full PUT body, the way a careful
// client does: GET, change, add agentGroupId, PUT.
func putBody(doc map[string]any) map[string]any {
	body := copyDoc(doc)
	if groups, ok := body["agentGroups"].([]any); ok && len(groups) > 0 {
		body["agentGroupId"] = groups[0].(map[string]any)["groupId"]
	}
	return body
}

func TestUpdateAgentFullReplace(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	body := sampleCreateBody()
	created := h.createAgent(body)
	id := created["id"].(string)
	oldSkillMapping := created["skills"].([]any)[0].(map[string]any)["id"]

	clock.Advance(time.Hour)
	put := putBody(created)
	put["nickName"] = "changed"
	delete(put, "customId") // a field missing from the body is gone afterwards
	put["skills"] = []any{
		map[string]any{"skillId": spanishSkillID, "proficiencyLevel": "novice"},
		map[string]any{"skillId": defaultSkillID, "proficiencyLevel": "expert"},
	}
	put["queues"] = []any{map[string]any{"id": supportQueueID}}
	// Server-owned fields sent with other values are ignored.
	put["createdAt"] = "2000-01-01T00:00:00.000Z"
	put["accountId"] = "someone-else"

	got := h.do(http.MethodPut, "/agents/"+id+"?groupId="+tier1GroupID, put).object(t, http.StatusOK)
	stored, _ := h.srv.Agent(id)
	if !reflect.DeepEqual(got, stored) {
		t.Fatalf("PUT answer differs from the stored record:\n%v\n%v", got, stored)
	}
	if stored["nickName"] != "changed" {
		t.Errorf("nickName = %v", stored["nickName"])
	}
	if _, present := stored["customId"]; present {
		t.Errorf("customId survived a PUT without it: %v", stored["customId"])
	}
	if stored["createdAt"] != created["createdAt"] || stored["accountId"] != DefaultAccountID ||
		stored["userId"] != created["userId"] || stored["orgId"] != created["orgId"] || stored["iId"] != DefaultStreamID {
		t.Errorf("server-owned fields changed: %v", stored)
	}
	if stored["updatedAt"] != "2025-08-05T07:42:06.414Z" {
		t.Errorf("updatedAt = %v", stored["updatedAt"])
	}
	if _, present := stored["agentGroupId"]; present {
		t.Error("agentGroupId stored at top level")
	}
	skills := stored["skills"].([]any)
	if len(skills) != 2 {
		t.Fatalf("skills = %v", skills)
	}
	kept, added := skills[0].(map[string]any), skills[1].(map[string]any)
	if kept["id"] != oldSkillMapping || kept["proficiencyLevel"] != "novice" {
		t.Errorf("kept skill = %v, want mapping id %v kept", kept, oldSkillMapping)
	}
	if added["name"] != "Default Skill" || added["id"] == oldSkillMapping || !hex24Pattern.MatchString(added["id"].(string)) {
		t.Errorf("added skill = %v", added)
	}
	wantQueues := []any{map[string]any{"id": supportQueueID, "name": "Support", "description": "Product support", "isPreferredAgent": false}}
	if !reflect.DeepEqual(stored["queues"], wantQueues) {
		t.Errorf("queues = %v", stored["queues"])
	}
}

func TestUpdateAgentPartialBodyLosesFields(t *testing.T) {
	h := newHarness(t, Config{})
	before, _ := h.srv.Agent(mariaID)
	partial := map[string]any{}
	for _, k := range []string{"firstName", "lastName", "emailId", "userId", "accountId", "orgId", "roleId", "iId", "id"} {
		partial[k] = before[k]
	}
	partial["agentGroupId"] = tier1GroupID
	h.do(http.MethodPut, "/agents/"+mariaID, partial).object(t, http.StatusOK)
	after, _ := h.srv.Agent(mariaID)
	for _, k := range []string{"customId", "skills", "queues", "phoneNumber", "chatLanguageSupport", "desktopLayouts", "status"} {
		if _, present := after[k]; present {
			t.Errorf("%s survived a partial PUT", k)
		}
	}
	if !reflect.DeepEqual(after["agentGroups"], []any{map[string]any{"groupId": tier1GroupID, "role": "agent"}}) {
		t.Errorf("agentGroups = %v, want agentGroupId folded in", after["agentGroups"])
	}
}

func TestUpdateAgentKeepsSentAgentGroups(t *testing.T) {
	h := newHarness(t, Config{})
	doc, _ := h.srv.Agent(mariaID)
	body := putBody(doc)
	body["agentGroupId"] = tier1GroupID
	body["agentGroups"] = []any{
		map[string]any{"groupId": defaultGroupID, "role": "agent"},
		map[string]any{"groupId": tier1GroupID, "role": "supervisor"},
	}
	h.do(http.MethodPut, "/agents/"+mariaID, body).object(t, http.StatusOK)
	after, _ := h.srv.Agent(mariaID)
	if !reflect.DeepEqual(after["agentGroups"], body["agentGroups"]) {
		t.Fatalf("agentGroups = %v", after["agentGroups"])
	}
}

func TestUpdateAgentValidation(t *testing.T) {
	h := newHarness(t, Config{})
	maria, _ := h.srv.Agent(mariaID)
	with := func(mut func(b map[string]any)) map[string]any {
		b := putBody(maria)
		mut(b)
		return b
	}
	tests := []struct {
		name   string
		path   string
		body   any
		status int
		msg    string
	}{
		{"missing userId", "", with(func(b map[string]any) { delete(b, "userId") }), 400, "userId is required"},
		{"missing accountId", "", with(func(b map[string]any) { delete(b, "accountId") }), 400, "accountId is required"},
		{"missing orgId", "", with(func(b map[string]any) { delete(b, "orgId") }), 400, "orgId is required"},
		{"missing iId", "", with(func(b map[string]any) { delete(b, "iId") }), 400, "iId is required"},
		{"missing id", "", with(func(b map[string]any) { delete(b, "id") }), 400, "id is required"},
		{"missing agentGroupId", "", with(func(b map[string]any) { delete(b, "agentGroupId") }), 400, "agentGroupId is required"},
		{"missing emailId", "", with(func(b map[string]any) { delete(b, "emailId") }), 400, "emailId is required"},
		{"agentGroups entry without role", "", with(func(b map[string]any) {
			b["agentGroups"] = []any{map[string]any{"groupId": defaultGroupID}}
		}), 400, "agentGroups[0].role is required"},
		{"agentGroups entry without groupId", "", with(func(b map[string]any) {
			b["agentGroups"] = []any{map[string]any{"role": "agent"}}
		}), 400, "agentGroups[0].groupId is required"},
		{"body id differs from path", "", with(func(b map[string]any) { b["id"] = adminID }), 400,
			"id in the body (" + adminID + ") does not match the agent id in the path (" + mariaID + ")"},
		{"unknown groupId query", "?groupId=ag-nope", with(func(map[string]any) {}), 400, `groupId "ag-nope" does not exist`},
		{"empty groupId query", "?groupId=", with(func(map[string]any) {}), 400, `groupId "" does not exist`},
		{"unknown agentGroupId", "", with(func(b map[string]any) { b["agentGroupId"] = "ag-nope" }), 400, "agentGroupId ag-nope does not exist"},
		{"unknown role", "", with(func(b map[string]any) { b["roleId"] = "ffffffffffffffffffffffff" }), 400, "roleId ffffffffffffffffffffffff does not exist"},
		{"unknown queue", "", with(func(b map[string]any) { b["queues"] = []any{map[string]any{"id": "qu-x"}} }), 400, "queue qu-x does not exist"},
		{"unknown skill", "", with(func(b map[string]any) { b["skills"] = []any{map[string]any{"skillId": "x"}} }), 400, "skill x does not exist"},
		{"customId with space", "", with(func(b map[string]any) { b["customId"] = "a b" }), 400, "customId must not contain spaces"},
		{"email of another agent", "", with(func(b map[string]any) { b["emailId"] = "ADMIN@example.com" }), 409, "Agent with emailId ADMIN@example.com already exists"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := h.do(http.MethodPut, "/agents/"+mariaID+tc.path, tc.body).errorMsg(t, tc.status)
			if msg != tc.msg {
				t.Errorf("msg = %q, want %q", msg, tc.msg)
			}
		})
	}
	if after, _ := h.srv.Agent(mariaID); !reflect.DeepEqual(after, maria) {
		t.Fatalf("a rejected PUT changed the record:\n%v\n%v", after, maria)
	}

	// Unknown agent, valid body.
	body := putBody(maria)
	body["id"] = "a-0000000-0000-0000-0000-000000000000"
	msg := h.do(http.MethodPut, "/agents/a-0000000-0000-0000-0000-000000000000", body).errorMsg(t, http.StatusNotFound)
	if msg != "Agent not found: a-0000000-0000-0000-0000-000000000000" {
		t.Fatalf("msg = %q", msg)
	}
	// Keeping one's own email, in another case, is not a duplicate.
	same := putBody(maria)
	same["emailId"] = "MARIA.LOPEZ@example.com"
	h.do(http.MethodPut, "/agents/"+mariaID+"?groupId="+defaultGroupID, same).object(t, http.StatusOK)
}
