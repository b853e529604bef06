package emulator

import (
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func TestCreateSkillGroup(t *testing.T) {
	h := newHarness(t, Config{})
	got := h.do(http.MethodPost, "/skill-groups", map[string]any{
		"name": "Billing", "description": strings.Repeat("d", 200), "color": "#0f0f0f",
	}).object(t, http.StatusOK)
	id, _ := got["id"].(string)
	if !hex24Pattern.MatchString(id) {
		t.Fatalf("id = %v, want 24 hex digits", got["id"])
	}
	want := map[string]any{"id": id, "name": "Billing", "description": strings.Repeat("d", 200), "color": "#0f0f0f"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("answer = %v, want %v", got, want)
	}
	if stored := h.srv.SkillGroup(id); !reflect.DeepEqual(stored, want) {
		t.Fatalf("stored = %v", stored)
	}
	if read := h.do(http.MethodGet, "/skill-groups/"+id, nil).object(t, http.StatusOK); !reflect.DeepEqual(read, want) {
		t.Fatalf("GET = %v", read)
	}
	// Only name is required; the rest reads back empty.
	bare := h.do(http.MethodPost, "/skill-groups", map[string]any{"name": "Bare", "color": nil}).object(t, http.StatusOK)
	if bare["description"] != "" || bare["color"] != "" {
		t.Fatalf("bare group = %v", bare)
	}
	if h.srv.Count("POST /skill-groups") != 2 || h.srv.Count("GET /skill-groups/{id}") != 1 {
		t.Fatalf("counts = %v", h.srv.Counts())
	}
}

func TestCreateSkillGroupValidation(t *testing.T) {
	tests := []struct {
		name   string
		body   any
		status int
		msg    string
	}{
		{"missing name", map[string]any{"description": "x"}, 400, "name is required"},
		{"blank name", map[string]any{"name": "  "}, 400, "name is required"},
		{"name not a string", map[string]any{"name": 7}, 400, "name must be a string"},
		{"description too long", map[string]any{"name": "X", "description": strings.Repeat("é", 201)}, 400, "description must be at most 200 characters"},
		{"description not a string", map[string]any{"name": "X", "description": true}, 400, "description must be a string"},
		{"color not a string", map[string]any{"name": "X", "color": 1}, 400, "color must be a string"},
		{"duplicate name, other case", map[string]any{"name": "languages"}, 409, "Skill group with name languages already exists"},
		{"not JSON", "{", 400, "request body must be a JSON object: unexpected end of JSON input"},
	}
	h := newHarness(t, Config{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if msg := h.do(http.MethodPost, "/skill-groups", tc.body).errorMsg(t, tc.status); msg != tc.msg {
				t.Errorf("msg = %q, want %q", msg, tc.msg)
			}
		})
	}
	if n := len(h.srv.SkillGroups()); n != 2 {
		t.Fatalf("%d skill groups after only invalid creates, want the 2 seeded", n)
	}
}

func TestListSkillGroupsPaging(t *testing.T) {
	h := newHarness(t, Config{})
	for i := range 13 { // 15 with the two seeded groups
		h.do(http.MethodPost, "/skill-groups", map[string]any{"name": fmt.Sprintf("Group %02d", i)}).object(t, http.StatusOK)
	}
	first := h.do(http.MethodGet, "/skill-groups", nil).results(t, "page", 1, 10, true, 2, 15)
	second := h.do(http.MethodGet, "/skill-groups?page=2", nil).results(t, "page", 2, 10, false, 2, 15)
	if len(first) != 10 || len(second) != 5 {
		t.Fatalf("pages of %d and %d", len(first), len(second))
	}
	all := append(first, second...)
	if got := ids(all)[:2]; !reflect.DeepEqual(got, []string{defaultSkillGroupID, languagesGroupID}) {
		t.Fatalf("seeded groups not first: %v", got)
	}
	if last := all[14].(map[string]any); last["name"] != "Group 12" || len(last) != 4 {
		t.Fatalf("last item = %v", last)
	}
	if got := h.do(http.MethodGet, "/skill-groups?page=3&limit=5", nil).results(t, "page", 3, 5, false, 3, 15); len(got) != 5 {
		t.Fatalf("page 3 of 5: %d items", len(got))
	}
	if got := h.do(http.MethodGet, "/skill-groups?limit=1000", nil).results(t, "page", 1, 100, false, 1, 15); len(got) != 15 {
		t.Fatalf("limit clamped to 100: %d items", len(got))
	}
	if got := h.do(http.MethodGet, "/skill-groups?page=9", nil).results(t, "page", 9, 10, false, 2, 15); len(got) != 0 {
		t.Fatalf("past the end: %d items", len(got))
	}
	for q, msg := range map[string]string{
		"page=0":   `page must be a positive integer, got "0"`,
		"page=x":   `page must be a positive integer, got "x"`,
		"limit=-1": `limit must be a non-negative integer, got "-1"`,
	} {
		if got := h.do(http.MethodGet, "/skill-groups?"+q, nil).errorMsg(t, http.StatusBadRequest); got != msg {
			t.Errorf("%s: msg = %q, want %q", q, got, msg)
		}
	}
}

func TestGetSkillGroup(t *testing.T) {
	h := newHarness(t, Config{})
	got := h.do(http.MethodGet, "/skill-groups/"+languagesGroupID, nil).object(t, http.StatusOK)
	want := map[string]any{"id": languagesGroupID, "name": "Languages", "description": "Languages an agent can serve customers in", "color": "#1F77B4"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("GET = %v", got)
	}
	if msg := h.do(http.MethodGet, "/skill-groups/nope", nil).errorMsg(t, http.StatusNotFound); msg != "Skill group not found: nope" {
		t.Fatalf("msg = %q", msg)
	}
}

func TestUpdateSkillGroup(t *testing.T) {
	h := newHarness(t, Config{})
	// A full document: the description left out is cleared.
	got := h.do(http.MethodPut, "/skill-groups/"+languagesGroupID, map[string]any{
		"id": languagesGroupID, "name": "Idiomas", "color": "#00ff00",
	}).object(t, http.StatusOK)
	want := map[string]any{"id": languagesGroupID, "name": "Idiomas", "description": "", "color": "#00ff00"}
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(h.srv.SkillGroup(languagesGroupID), want) {
		t.Fatalf("answer %v, stored %v", got, h.srv.SkillGroup(languagesGroupID))
	}
	// The agents' copies of the group's name and color follow.
	maria, _ := h.srv.Agent(mariaID)
	if sk := maria["skills"].([]any)[0].(map[string]any); sk["skillGroupName"] != "Idiomas" || sk["skillGroupColor"] != "#00ff00" {
		t.Fatalf("Maria's skill entry = %v", sk)
	}
	// Keeping one's own name in another case is not a duplicate.
	h.do(http.MethodPut, "/skill-groups/"+languagesGroupID, map[string]any{"name": "IDIOMAS"}).object(t, http.StatusOK)

	tests := []struct {
		name, id string
		body     any
		status   int
		msg      string
	}{
		{"body id differs", languagesGroupID, map[string]any{"id": defaultSkillGroupID, "name": "X"}, 400,
			"id in the body (" + defaultSkillGroupID + ") does not match the skill group id in the path (" + languagesGroupID + ")"},
		{"missing name", languagesGroupID, map[string]any{"color": "#fff"}, 400, "name is required"},
		{"description too long", languagesGroupID, map[string]any{"name": "X", "description": strings.Repeat("x", 201)}, 400, "description must be at most 200 characters"},
		{"name of another group", languagesGroupID, map[string]any{"name": "default skillgroup"}, 409, "Skill group with name default skillgroup already exists"},
		{"unknown group", "nope", map[string]any{"name": "X"}, 404, "Skill group not found: nope"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if msg := h.do(http.MethodPut, "/skill-groups/"+tc.id, tc.body).errorMsg(t, tc.status); msg != tc.msg {
				t.Errorf("msg = %q, want %q", msg, tc.msg)
			}
		})
	}
	if got := h.srv.SkillGroup(languagesGroupID)["name"]; got != "IDIOMAS" {
		t.Fatalf("a rejected PUT changed the group: name %v", got)
	}
}

func TestDeleteSkillGroup(t *testing.T) {
	h := newHarness(t, Config{})
	msg := h.do(http.MethodDelete, "/skill-groups/"+languagesGroupID, nil).errorMsg(t, http.StatusBadRequest)
	if msg != `Skill group "Languages" still has 2 skills; delete them first` {
		t.Fatalf("msg = %q", msg)
	}
	h.do(http.MethodDelete, "/skill-groups/"+languagesGroupID+"/skills/"+frenchSkillID, nil).object(t, http.StatusOK)
	msg = h.do(http.MethodDelete, "/skill-groups/"+languagesGroupID, nil).errorMsg(t, http.StatusBadRequest)
	if msg != `Skill group "Languages" still has 1 skill; delete them first` {
		t.Fatalf("msg = %q", msg)
	}
	h.do(http.MethodDelete, "/skill-groups/"+languagesGroupID+"/skills/"+spanishSkillID, nil).object(t, http.StatusOK)

	before := h.srv.SkillGroup(languagesGroupID)
	got := h.do(http.MethodDelete, "/skill-groups/"+languagesGroupID, nil).object(t, http.StatusOK)
	if !reflect.DeepEqual(got, before) {
		t.Fatalf("answer %v, want the group as it was %v", got, before)
	}
	if h.srv.SkillGroup(languagesGroupID) != nil {
		t.Fatal("group still stored")
	}
	h.do(http.MethodGet, "/skill-groups/"+languagesGroupID, nil).errorMsg(t, http.StatusNotFound)
	if msg := h.do(http.MethodDelete, "/skill-groups/"+languagesGroupID, nil).errorMsg(t, http.StatusNotFound); msg != "Skill group not found: "+languagesGroupID {
		t.Fatalf("msg = %q", msg)
	}
	// The name is free again.
	h.do(http.MethodPost, "/skill-groups", map[string]any{"name": "Languages"}).object(t, http.StatusOK)
}
