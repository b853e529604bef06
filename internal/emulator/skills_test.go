package emulator

import (
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func skillsPath(groupID string) string { return "/skill-groups/" + groupID + "/skills" }

// skillEntryOf returns an agent record's entry for a skill, or nil.
func skillEntryOf(t *testing.T, s *Server, agentID, skillID string) map[string]any {
	t.Helper()
	doc, ok := s.Agent(agentID)
	if !ok {
		t.Fatalf("agent %s missing", agentID)
	}
	for _, m := range entries(doc["skills"]) {
		if m["skillId"] == skillID {
			return m
		}
	}
	return nil
}

func TestCreateSkill(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	got := h.do(http.MethodPost, skillsPath(languagesGroupID), map[string]any{
		"name":         "German",
		"description":  "Serves customers in German",
		"skillGroupId": languagesGroupID,
		"agents": []any{
			map[string]any{"userId": mariaUserID, "aId": mariaID, "proficiencyLevel": "novice"},
			map[string]any{"aId": adminID, "proficiencyLevel": "high"},
		},
	}).object(t, http.StatusOK)
	id, _ := got["id"].(string)
	if !hex24Pattern.MatchString(id) {
		t.Fatalf("id = %v", got["id"])
	}
	// The page's sample answer: agents is the number of agents.
	want := map[string]any{"id": id, "name": "German", "description": "Serves customers in German", "agents": 2.0, "skillGroupId": languagesGroupID}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("answer = %v, want %v", got, want)
	}

	entry := skillEntryOf(t, h.srv, mariaID, id)
	if entry == nil || !hex24Pattern.MatchString(entry["id"].(string)) || entry["id"] == id {
		t.Fatalf("Maria's entry = %v", entry)
	}
	wantEntry := map[string]any{
		"skillId": id, "userId": mariaUserID, "id": entry["id"], "name": "German", "skillGroupId": languagesGroupID,
		"skillGroupName": "Languages", "skillGroupColor": "#1F77B4", "proficiencyLevel": "novice",
	}
	if !reflect.DeepEqual(entry, wantEntry) {
		t.Fatalf("Maria's entry = %v, want %v", entry, wantEntry)
	}
	if e := skillEntryOf(t, h.srv, adminID, id); e["proficiencyLevel"] != "high" {
		t.Fatalf("admin's entry = %v", e)
	}

	wantView := map[string]any{
		"id": id, "status": "ACTIVE", "name": "German", "description": "Serves customers in German",
		"skillGroupId": languagesGroupID, "createdBy": adminUserID,
		"createdAt": "2025-08-05T06:42:06.414Z", "updatedAt": "2025-08-05T06:42:06.414Z",
		"agents": []any{
			map[string]any{"userId": adminUserID, "aId": adminID, "skillId": id, "proficiencyLevel": "high",
				"firstName": "Ada", "lastName": "Admin", "emailId": "admin@example.com"},
			map[string]any{"userId": mariaUserID, "aId": mariaID, "skillId": id, "proficiencyLevel": "novice",
				"firstName": "Maria", "lastName": "Lopez", "emailId": "maria.lopez@example.com"},
		},
	}
	if view := h.do(http.MethodGet, skillsPath(languagesGroupID)+"/"+id, nil).object(t, http.StatusOK); !reflect.DeepEqual(view, wantView) {
		t.Fatalf("GET =\n%v\nwant\n%v", view, wantView)
	}
	if !reflect.DeepEqual(h.srv.Skill(id), wantView) {
		t.Fatalf("Skill() = %v", h.srv.Skill(id))
	}
	// A new agent can be given the new skill.
	body := newAgentBody("german@example.com")
	body["skills"] = []any{map[string]any{"skillId": id}}
	h.createAgent(body)

	// Without agents (or skillGroupId) the answer counts none.
	bare := h.do(http.MethodPost, skillsPath(languagesGroupID), map[string]any{"name": "Italian"}).object(t, http.StatusOK)
	if bare["agents"] != 0.0 || bare["description"] != "" {
		t.Fatalf("bare skill = %v", bare)
	}
	if n := h.srv.Count("POST /skill-groups/{skillGroupId}/skills"); n != 2 {
		t.Fatalf("count = %d", n)
	}
}

func TestCreateSkillValidation(t *testing.T) {
	named := func(agents ...any) map[string]any { return map[string]any{"name": "German", "agents": agents} }
	tests := []struct {
		name, group string
		body        any
		status      int
		msg         string
	}{
		{"unknown skill group", "nope", map[string]any{"name": "German"}, 404, "Skill group not found: nope"},
		{"missing name", languagesGroupID, map[string]any{"description": "x"}, 400, "name is required"},
		{"description too long", languagesGroupID, map[string]any{"name": "G", "description": strings.Repeat("x", 201)}, 400, "description must be at most 200 characters"},
		{"skillGroupId differs from the path", languagesGroupID, map[string]any{"name": "G", "skillGroupId": defaultSkillGroupID}, 400,
			"skillGroupId in the body (" + defaultSkillGroupID + ") does not match the skill group in the path (" + languagesGroupID + ")"},
		{"agents not an array", languagesGroupID, map[string]any{"name": "G", "agents": "all"}, 400, "agents must be an array"},
		{"agent not an object", languagesGroupID, named("x"), 400, "agents[0] must be an object"},
		{"agent without ids", languagesGroupID, named(map[string]any{"proficiencyLevel": "good"}), 400, "agents[0].userId or agents[0].aId is required"},
		{"unknown userId", languagesGroupID, named(map[string]any{"userId": "u-nope"}), 400, "agents[0].userId u-nope is not an agent"},
		{"unknown aId", languagesGroupID, named(map[string]any{"aId": "a-nope"}), 400, "agents[0].aId a-nope is not an agent"},
		{"userId not a string", languagesGroupID, named(map[string]any{"userId": 1}), 400, "agents[0].userId must be a string"},
		{"userId and aId of different agents", languagesGroupID, named(map[string]any{"userId": mariaUserID, "aId": adminID}), 400,
			"agents[0]: userId " + mariaUserID + " and aId " + adminID + " are different agents"},
		{"agent listed twice", languagesGroupID, named(map[string]any{"userId": mariaUserID}, map[string]any{"aId": mariaID}), 400,
			"agent " + mariaID + " is listed more than once"},
		{"empty proficiencyLevel", languagesGroupID, named(map[string]any{"aId": mariaID, "proficiencyLevel": ""}), 400,
			"agents[0].proficiencyLevel must be a non-empty string"},
		{"proficiencyLevel not a string", languagesGroupID, named(map[string]any{"aId": mariaID, "proficiencyLevel": 3}), 400,
			"agents[0].proficiencyLevel must be a non-empty string"},
	}
	h := newHarness(t, Config{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if msg := h.do(http.MethodPost, skillsPath(tc.group), tc.body).errorMsg(t, tc.status); msg != tc.msg {
				t.Errorf("msg = %q, want %q", msg, tc.msg)
			}
		})
	}
	if n := len(h.srv.Skills()); n != 4 {
		t.Fatalf("%d skills after only invalid creates, want the 4 seeded", n)
	}
}

func TestListSkillsPaging(t *testing.T) {
	h := newHarness(t, Config{})
	for i := range 10 { // 12 with Spanish and French
		h.do(http.MethodPost, skillsPath(languagesGroupID), map[string]any{"name": fmt.Sprintf("Lang %02d", i)}).object(t, http.StatusOK)
	}
	first := h.do(http.MethodGet, skillsPath(languagesGroupID)+"?limit=5", nil).results(t, "page", 1, 5, true, 3, 12)
	if got := ids(first)[:2]; !reflect.DeepEqual(got, []string{spanishSkillID, frenchSkillID}) {
		t.Fatalf("seeded skills not first: %v", got)
	}
	// Items have the GET shape.
	if spanish := first[0].(map[string]any); !reflect.DeepEqual(spanish, h.srv.Skill(spanishSkillID)) {
		t.Fatalf("item = %v", spanish)
	}
	if last := h.do(http.MethodGet, skillsPath(languagesGroupID)+"?limit=5&page=3", nil).results(t, "page", 3, 5, false, 3, 12); len(last) != 2 {
		t.Fatalf("page 3: %d items", len(last))
	}
	if def := h.do(http.MethodGet, skillsPath(languagesGroupID), nil).results(t, "page", 1, 10, true, 2, 12); len(def) != 10 {
		t.Fatalf("default page: %d items", len(def))
	}
	// Only the group's own skills.
	other := h.do(http.MethodGet, skillsPath(defaultSkillGroupID), nil).results(t, "page", 1, 10, false, 1, 2)
	if got := ids(other); !reflect.DeepEqual(got, []string{defaultSkillID, billingSkillID}) {
		t.Fatalf("Default SkillGroup skills = %v", got)
	}
	if msg := h.do(http.MethodGet, skillsPath("nope"), nil).errorMsg(t, http.StatusNotFound); msg != "Skill group not found: nope" {
		t.Fatalf("msg = %q", msg)
	}
	h.do(http.MethodGet, skillsPath(languagesGroupID)+"?limit=many", nil).errorMsg(t, http.StatusBadRequest)
}

func TestGetSkill(t *testing.T) {
	h := newHarness(t, Config{})
	got := h.do(http.MethodGet, skillsPath(languagesGroupID)+"/"+spanishSkillID, nil).object(t, http.StatusOK)
	want := map[string]any{
		"id": spanishSkillID, "status": "ACTIVE", "name": "Spanish", "description": "Serves customers in Spanish",
		"skillGroupId": languagesGroupID, "createdBy": adminUserID,
		"createdAt": "2024-01-09T08:30:00.000Z", "updatedAt": "2024-01-09T08:30:00.000Z",
		"agents": []any{map[string]any{
			"userId": mariaUserID, "aId": mariaID, "skillId": spanishSkillID, "proficiencyLevel": "expert",
			"firstName": "Maria", "lastName": "Lopez", "emailId": "maria.lopez@example.com",
		}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("GET =\n%v\nwant\n%v", got, want)
	}
	for _, c := range []struct{ path, msg string }{
		{skillsPath(defaultSkillGroupID) + "/" + spanishSkillID, "Skill " + spanishSkillID + " not found in skill group " + defaultSkillGroupID},
		{skillsPath(languagesGroupID) + "/nope", "Skill nope not found in skill group " + languagesGroupID},
		{skillsPath("nope") + "/" + spanishSkillID, "Skill group not found: nope"},
	} {
		if msg := h.do(http.MethodGet, c.path, nil).errorMsg(t, http.StatusNotFound); msg != c.msg {
			t.Errorf("%s: msg = %q, want %q", c.path, msg, c.msg)
		}
	}
}

func TestUpdateSkillReplacesMembers(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	path := skillsPath(languagesGroupID) + "/" + spanishSkillID
	oldMapping := skillEntryOf(t, h.srv, mariaID, spanishSkillID)["id"]

	got := h.do(http.MethodPut, path, map[string]any{
		"id": spanishSkillID, "name": "Spanish (LatAm)", "skillGroupId": languagesGroupID,
		"agents": []any{
			map[string]any{"userId": mariaUserID}, // no level: keeps "expert"
			map[string]any{"aId": adminID, "proficiencyLevel": "good"},
		},
	}).object(t, http.StatusOK)
	if !reflect.DeepEqual(got, h.srv.Skill(spanishSkillID)) {
		t.Fatalf("answer is not the GET shape: %v", got)
	}
	if got["name"] != "Spanish (LatAm)" || got["description"] != "" || got["updatedAt"] != "2025-08-05T06:42:06.414Z" {
		t.Fatalf("answer = %v", got)
	}
	maria := skillEntryOf(t, h.srv, mariaID, spanishSkillID)
	if maria["proficiencyLevel"] != "expert" || maria["id"] != oldMapping || maria["name"] != "Spanish (LatAm)" {
		t.Fatalf("Maria's entry = %v", maria)
	}
	if admin := skillEntryOf(t, h.srv, adminID, spanishSkillID); admin["proficiencyLevel"] != "good" {
		t.Fatalf("admin's entry = %v", admin)
	}
	// The admin keeps the skills it had.
	if skillEntryOf(t, h.srv, adminID, defaultSkillID) == nil {
		t.Fatal("admin lost Default Skill")
	}

	// A listed agent's level changes; an agent not listed loses the skill.
	h.do(http.MethodPut, path, map[string]any{
		"name": "Spanish", "skillGroupId": languagesGroupID,
		"agents": []any{map[string]any{"aId": mariaID, "proficiencyLevel": "average"}},
	}).object(t, http.StatusOK)
	if e := skillEntryOf(t, h.srv, mariaID, spanishSkillID); e["proficiencyLevel"] != "average" {
		t.Fatalf("Maria's entry = %v", e)
	}
	if skillEntryOf(t, h.srv, adminID, spanishSkillID) != nil {
		t.Fatal("admin kept a skill the PUT did not list it for")
	}

	// A PUT without agents takes the skill from every agent.
	got = h.do(http.MethodPut, path, map[string]any{"name": "Spanish", "skillGroupId": languagesGroupID}).object(t, http.StatusOK)
	if agents := got["agents"].([]any); len(agents) != 0 {
		t.Fatalf("agents after a PUT without agents = %v", agents)
	}
	if skillEntryOf(t, h.srv, mariaID, spanishSkillID) != nil {
		t.Fatal("Maria kept the skill")
	}
	if n := h.srv.Count("PUT /skill-groups/{skillGroupId}/skills/{id}"); n != 3 {
		t.Fatalf("count = %d", n)
	}
}

func TestUpdateSkillValidation(t *testing.T) {
	h := newHarness(t, Config{})
	valid := func(mut func(b map[string]any)) map[string]any {
		b := map[string]any{"name": "Spanish", "skillGroupId": languagesGroupID, "agents": []any{map[string]any{"aId": mariaID}}}
		mut(b)
		return b
	}
	tests := []struct {
		name, group, id string
		body            any
		status          int
		msg             string
	}{
		{"missing skillGroupId", languagesGroupID, spanishSkillID, valid(func(b map[string]any) { delete(b, "skillGroupId") }), 400, "skillGroupId is required"},
		{"moving to another group", languagesGroupID, spanishSkillID, valid(func(b map[string]any) { b["skillGroupId"] = defaultSkillGroupID }), 400,
			"skillGroupId " + defaultSkillGroupID + " does not match the skill group in the path (" + languagesGroupID + "): moving a skill to another skill group is not supported"},
		{"body id differs", languagesGroupID, spanishSkillID, valid(func(b map[string]any) { b["id"] = frenchSkillID }), 400,
			"id in the body (" + frenchSkillID + ") does not match the skill id in the path (" + spanishSkillID + ")"},
		{"missing name", languagesGroupID, spanishSkillID, valid(func(b map[string]any) { delete(b, "name") }), 400, "name is required"},
		{"unknown agent", languagesGroupID, spanishSkillID, valid(func(b map[string]any) { b["agents"] = []any{map[string]any{"userId": "u-x"}} }), 400, "agents[0].userId u-x is not an agent"},
		{"unknown skill", languagesGroupID, "nope", valid(func(map[string]any) {}), 404, "Skill nope not found in skill group " + languagesGroupID},
		{"skill of another group", defaultSkillGroupID, spanishSkillID, valid(func(b map[string]any) { b["skillGroupId"] = defaultSkillGroupID }), 404,
			"Skill " + spanishSkillID + " not found in skill group " + defaultSkillGroupID},
		{"unknown group", "nope", spanishSkillID, valid(func(b map[string]any) { b["skillGroupId"] = "nope" }), 404, "Skill group not found: nope"},
	}
	before := h.srv.Skill(spanishSkillID)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if msg := h.do(http.MethodPut, skillsPath(tc.group)+"/"+tc.id, tc.body).errorMsg(t, tc.status); msg != tc.msg {
				t.Errorf("msg = %q, want %q", msg, tc.msg)
			}
		})
	}
	if after := h.srv.Skill(spanishSkillID); !reflect.DeepEqual(after, before) {
		t.Fatalf("a rejected PUT changed the skill:\n%v\n%v", after, before)
	}
}

func TestDeleteSkillCascades(t *testing.T) {
	h := newHarness(t, Config{})
	path := skillsPath(languagesGroupID) + "/" + spanishSkillID
	before := h.srv.Skill(spanishSkillID)
	got := h.do(http.MethodDelete, path, nil).object(t, http.StatusOK)
	if !reflect.DeepEqual(got, before) || len(got["agents"].([]any)) != 1 {
		t.Fatalf("answer %v, want the skill as it was %v", got, before)
	}
	if h.srv.Skill(spanishSkillID) != nil {
		t.Fatal("skill still stored")
	}
	if skillEntryOf(t, h.srv, mariaID, spanishSkillID) != nil {
		t.Fatal("Maria still holds the deleted skill")
	}
	// The Support queue routed on Spanish; it no longer does.
	if skills := h.srv.Queue(supportQueueID)["skills"].([]any); len(skills) != 0 {
		t.Fatalf("Support queue still routes on %v", skills)
	}
	h.do(http.MethodGet, path, nil).errorMsg(t, http.StatusNotFound)
	if msg := h.do(http.MethodDelete, path, nil).errorMsg(t, http.StatusNotFound); msg != "Skill "+spanishSkillID+" not found in skill group "+languagesGroupID {
		t.Fatalf("msg = %q", msg)
	}
	// An agent can no longer be given it.
	body := newAgentBody("late@example.com")
	body["skills"] = []any{map[string]any{"skillId": spanishSkillID}}
	if msg := h.do(http.MethodPost, "/agents", body).errorMsg(t, http.StatusBadRequest); msg != "skill "+spanishSkillID+" does not exist" {
		t.Fatalf("msg = %q", msg)
	}
	// Through another group it is a 404, and nothing is deleted.
	if msg := h.do(http.MethodDelete, skillsPath(languagesGroupID)+"/"+defaultSkillID, nil).errorMsg(t, http.StatusNotFound); !strings.Contains(msg, "not found in skill group") {
		t.Fatalf("msg = %q", msg)
	}
	if h.srv.Skill(defaultSkillID) == nil {
		t.Fatal("a skill of another group was deleted")
	}
}
