package emulator

import (
	"net/http"
	"reflect"
	"testing"
)

func TestSkillAccessors(t *testing.T) {
	s := New(Config{})
	if got := ids(anySlice(s.Skills())); !reflect.DeepEqual(got, []string{defaultSkillID, spanishSkillID, frenchSkillID, billingSkillID}) {
		t.Fatalf("Skills() = %v", got)
	}
	if got := ids(anySlice(s.SkillGroups())); !reflect.DeepEqual(got, []string{defaultSkillGroupID, languagesGroupID}) {
		t.Fatalf("SkillGroups() = %v", got)
	}
	// Found by id alone, in the GET shape; copies.
	sk := s.Skill(spanishSkillID)
	sk["name"] = "Hacked"
	sk["agents"].([]any)[0].(map[string]any)["firstName"] = "Mallory"
	if again := s.Skill(spanishSkillID); again["name"] != "Spanish" || again["agents"].([]any)[0].(map[string]any)["firstName"] != "Maria" {
		t.Fatalf("Skill() shares state: %v", again)
	}
	sg := s.SkillGroup(languagesGroupID)
	sg["name"] = "Hacked"
	if s.SkillGroup(languagesGroupID)["name"] != "Languages" {
		t.Fatal("SkillGroup() shares state")
	}
	if s.Skill("nope") != nil || s.SkillGroup("nope") != nil {
		t.Fatal("missing objects are not nil")
	}
}

func TestUpdateSkillAndGroupOutOfBand(t *testing.T) {
	h := newHarness(t, Config{})
	if !h.srv.UpdateSkill(spanishSkillID, func(doc map[string]any) {
		doc["name"] = "Castellano"
		doc["id"] = "cannot-change"
	}) {
		t.Fatal("UpdateSkill reported a missing skill")
	}
	if !h.srv.UpdateSkillGroup(languagesGroupID, func(doc map[string]any) { doc["color"] = "#abcdef" }) {
		t.Fatal("UpdateSkillGroup reported a missing group")
	}
	got := h.do(http.MethodGet, skillsPath(languagesGroupID)+"/"+spanishSkillID, nil).object(t, http.StatusOK)
	if got["name"] != "Castellano" || got["id"] != spanishSkillID {
		t.Fatalf("GET after UpdateSkill = %v", got)
	}
	// The agents' copies follow, stored and served.
	entry := skillEntryOf(t, h.srv, mariaID, spanishSkillID)
	if entry["name"] != "Castellano" || entry["skillGroupColor"] != "#abcdef" {
		t.Fatalf("Maria's stored entry = %v", entry)
	}
	agent := h.do(http.MethodGet, "/agents/"+mariaID, nil).object(t, http.StatusOK)
	if e := agent["skills"].([]any)[0].(map[string]any); e["name"] != "Castellano" || e["skillGroupColor"] != "#abcdef" {
		t.Fatalf("Maria's served entry = %v", e)
	}
	if h.srv.UpdateSkill("nope", func(map[string]any) { t.Error("mutate called") }) ||
		h.srv.UpdateSkillGroup("nope", func(map[string]any) { t.Error("mutate called") }) {
		t.Fatal("update of a missing object reported true")
	}
	// mutate may call back into the server.
	h.srv.UpdateSkill(spanishSkillID, func(map[string]any) { _ = h.srv.Skill(frenchSkillID) })
}

func TestDeleteSkillAndGroupOutOfBand(t *testing.T) {
	h := newHarness(t, Config{})
	if !h.srv.DeleteSkill(defaultSkillID) || h.srv.DeleteSkill(defaultSkillID) {
		t.Fatal("DeleteSkill should succeed once")
	}
	if skillEntryOf(t, h.srv, adminID, defaultSkillID) != nil {
		t.Fatal("admin still holds the deleted skill")
	}
	// Deleting a group out of band skips the API's check and takes its
	// skills, from agents and queues too.
	if !h.srv.DeleteSkillGroup(languagesGroupID) || h.srv.DeleteSkillGroup(languagesGroupID) {
		t.Fatal("DeleteSkillGroup should succeed once")
	}
	if h.srv.Skill(spanishSkillID) != nil || h.srv.Skill(frenchSkillID) != nil {
		t.Fatal("the group's skills survived")
	}
	if skillEntryOf(t, h.srv, mariaID, spanishSkillID) != nil {
		t.Fatal("Maria still holds a skill of the deleted group")
	}
	h.do(http.MethodGet, "/skill-groups/"+languagesGroupID, nil).errorMsg(t, http.StatusNotFound)
	if got := ids(anySlice(h.srv.Skills())); !reflect.DeepEqual(got, []string{billingSkillID}) {
		t.Fatalf("Skills() = %v", got)
	}
}

func anySlice(docs []map[string]any) []any {
	out := make([]any, len(docs))
	for i, d := range docs {
		out[i] = d
	}
	return out
}
