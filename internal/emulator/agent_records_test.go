package emulator

import (
	"net/http"
	"reflect"
	"testing"
)

func TestRecordAccessorsReturnCopies(t *testing.T) {
	s := New(Config{})
	doc, ok := s.Agent(mariaID)
	if !ok {
		t.Fatal("seeded agent missing")
	}
	doc["firstName"] = "Mallory"
	doc["skills"].([]any)[0].(map[string]any)["name"] = "Hacked"
	again, _ := s.Agent(mariaID)
	if again["firstName"] != "Maria" || again["skills"].([]any)[0].(map[string]any)["name"] != "Spanish" {
		t.Fatal("Agent() returned shared state")
	}
	list := s.Agents()
	if len(list) != seededAgents || list[0]["id"] != adminID || list[1]["id"] != mariaID {
		t.Fatalf("Agents() = %v", list)
	}
	list[0]["emailId"] = "x"
	if byEmail, ok := s.AgentByEmail("ADMIN@EXAMPLE.COM"); !ok || byEmail["id"] != adminID {
		t.Fatalf("AgentByEmail = %v %v", byEmail, ok)
	}
	if _, ok := s.AgentByEmail("nobody@example.com"); ok {
		t.Fatal("AgentByEmail found nobody")
	}
}

func TestUpdateAgentOutOfBand(t *testing.T) {
	h := newHarness(t, Config{})
	ok := h.srv.UpdateAgent(mariaID, func(doc map[string]any) {
		doc["nickName"] = "changed elsewhere"
		doc["maxChatSupport"] = 9 // an int from Go becomes a JSON number
		doc["id"] = "a-cannot-change"
		delete(doc, "customId")
	})
	if !ok {
		t.Fatal("UpdateAgent reported a missing agent")
	}
	got := h.do(http.MethodGet, "/agents/"+mariaID, nil).object(t, http.StatusOK)
	if got["nickName"] != "changed elsewhere" || got["maxChatSupport"] != 9.0 || got["id"] != mariaID {
		t.Fatalf("after UpdateAgent: %v %v %v", got["nickName"], got["maxChatSupport"], got["id"])
	}
	if _, present := got["customId"]; present {
		t.Fatal("customId still present")
	}
	if h.srv.UpdateAgent("a-missing", func(map[string]any) { t.Error("mutate called for a missing agent") }) {
		t.Fatal("UpdateAgent(a-missing) = true")
	}
	// mutate may call back into the server.
	h.srv.UpdateAgent(mariaID, func(doc map[string]any) { _, _ = h.srv.Agent(adminID) })
}

func TestDeleteAndPutAgentRecord(t *testing.T) {
	h := newHarness(t, Config{})
	if !h.srv.DeleteAgent(adminID) || h.srv.DeleteAgent(adminID) {
		t.Fatal("DeleteAgent should succeed once")
	}
	h.do(http.MethodGet, "/agents/"+adminID, nil).errorMsg(t, http.StatusNotFound)

	odd := map[string]any{
		"id":          "a-odd0000-0000-0000-0000-000000000000",
		"emailId":     "odd@example.com",
		"phoneNumber": 5551234, // a number where the docs say string
		"skills":      []map[string]any{{"skillId": defaultSkillID}},
	}
	h.srv.PutAgentRecord(odd)
	got := h.do(http.MethodGet, "/agents/a-odd0000-0000-0000-0000-000000000000", nil).object(t, http.StatusOK)
	want := map[string]any{
		"id": "a-odd0000-0000-0000-0000-000000000000", "emailId": "odd@example.com", "phoneNumber": 5551234.0,
		"skills": []any{map[string]any{"skillId": defaultSkillID}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("GET = %v, want %v", got, want)
	}
	// Replacing keeps the position; a record without id gets one.
	odd["emailId"] = "odd2@example.com"
	h.srv.PutAgentRecord(odd)
	h.srv.PutAgentRecord(map[string]any{"emailId": "noid@example.com"})
	all := h.srv.Agents()
	if len(all) != 3 || all[1]["emailId"] != "odd2@example.com" || !agentIDPattern.MatchString(all[2]["id"].(string)) {
		t.Fatalf("Agents() = %v", all)
	}
	// The list still serves odd shapes.
	h.do(http.MethodGet, "/agents?includeQueues=true", nil).object(t, http.StatusOK)
}
