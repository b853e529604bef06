package emulator

import (
	"net/http"
	"testing"
)

// missingObjectRequests name, in their path, objects that do not exist, one
// per kind and method, with bodies that pass validation so that only the
// missing object can refuse them.
func missingObjectRequests() []struct {
	method, rel string
	body        any
	msg         string
} {
	const agentID = "a-0000000-0000-0000-0000-000000000000"
	agentBody := map[string]any{
		"id": agentID, "firstName": "No", "lastName": "Body", "emailId": "no.body@example.com",
		"userId": "u-0", "accountId": DefaultAccountID, "orgId": "o-0", "roleId": agentRoleID,
		"iId": DefaultStreamID, "agentGroupId": defaultGroupID,
	}
	return []struct {
		method, rel string
		body        any
		msg         string
	}{
		{http.MethodGet, "/agents/" + agentID, nil, "Agent not found: " + agentID},
		{http.MethodPut, "/agents/" + agentID, agentBody, "Agent not found: " + agentID},
		{http.MethodDelete, "/agents/" + agentID, nil, "Agent not found: " + agentID},
		{http.MethodGet, "/agents/customId/nobody", nil, "No agent found with customId nobody"},
		{http.MethodGet, "/organizations/o-nowhere/agents", nil, "Organization not found: o-nowhere"},
		{http.MethodGet, "/queues/qu-missing", nil, "Queue not found: qu-missing"},
		{http.MethodPut, "/queues/qu-missing", map[string]any{"name": "Nowhere"}, "Queue not found: qu-missing"},
		{http.MethodDelete, "/queues/qu-missing", nil, "Queue not found: qu-missing"},
		{http.MethodGet, "/skill-groups/sg-missing", nil, "Skill group not found: sg-missing"},
		{http.MethodPut, "/skill-groups/sg-missing", map[string]any{"name": "Nowhere"}, "Skill group not found: sg-missing"},
		{http.MethodDelete, "/skill-groups/sg-missing", nil, "Skill group not found: sg-missing"},
		{http.MethodGet, "/skill-groups/sg-missing/skills", nil, "Skill group not found: sg-missing"},
		{http.MethodGet, "/skill-groups/" + defaultSkillGroupID + "/skills/sk-missing", nil,
			"Skill sk-missing not found in skill group " + defaultSkillGroupID},
		{http.MethodPut, "/skill-groups/" + defaultSkillGroupID + "/skills/sk-missing",
			map[string]any{"name": "Nowhere", "skillGroupId": defaultSkillGroupID},
			"Skill sk-missing not found in skill group " + defaultSkillGroupID},
		{http.MethodDelete, "/skill-groups/" + defaultSkillGroupID + "/skills/sk-missing", nil,
			"Skill sk-missing not found in skill group " + defaultSkillGroupID},
		{http.MethodGet, "/agent-groups/ag-missing", nil, "Agent group not found: ag-missing"},
		{http.MethodPut, "/agent-groups/ag-missing", map[string]any{"name": "Nowhere", "description": "d", "managers": []any{}}, "Agent group not found: ag-missing"},
		{http.MethodDelete, "/agent-groups/ag-missing", nil, "Agent group not found: ag-missing"},
		{http.MethodPut, "/contacts/ffffffffffffffffffffffff", contactBody("No", "Body", "MR", "+919876500999", "+91"),
			"Contact not found: ffffffffffffffffffffffff"},
		{http.MethodDelete, "/contacts/ffffffffffffffffffffffff", nil, "Contact not found: ffffffffffffffffffffffff"},
		{http.MethodGet, "/conversations/c-missing", nil, "Conversation not found: c-missing"},
	}
}

// TestMissingObjectReadings: a path naming a missing object answers 404 by
// default and MissingObjectStatus when set, in the documented envelope,
// with the same message; an unknown route stays a 404 whatever the reading.
func TestMissingObjectReadings(t *testing.T) {
	for _, tc := range []struct {
		name           string
		config, status int
	}{
		{"default", 0, http.StatusNotFound},
		{"404", http.StatusNotFound, http.StatusNotFound},
		{"400", http.StatusBadRequest, http.StatusBadRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, Config{Readings: Readings{MissingObjectStatus: tc.config}})
			reqs := missingObjectRequests()
			for _, req := range reqs {
				res := h.do(req.method, req.rel, req.body)
				if msg := res.errorMsg(t, tc.status); msg != req.msg {
					t.Errorf("%s %s: msg = %q, want %q", req.method, req.rel, msg, req.msg)
				}
			}
			if got := h.srv.StatusCounts()[tc.status]; got != len(reqs) {
				t.Errorf("%d count = %d, want %d", tc.status, got, len(reqs))
			}
			h.do(http.MethodGet, "/no-such-route", nil).errorMsg(t, http.StatusNotFound)
			// A validation error is still a 400 with its own message.
			if msg := h.do(http.MethodPut, "/queues/qu-missing", "[").errorMsg(t, http.StatusBadRequest); msg == "Queue not found: qu-missing" {
				t.Errorf("a malformed body answered as a missing queue")
			}
		})
	}
}

// TestMissingObjectStatusChangesAtRunTime: SetReadings switches the
// reading for the next request.
func TestMissingObjectStatusChangesAtRunTime(t *testing.T) {
	h := newHarness(t, Config{})
	h.do(http.MethodGet, "/queues/qu-missing", nil).errorMsg(t, http.StatusNotFound)
	if err := h.srv.SetReadings(Readings{MissingObjectStatus: http.StatusBadRequest}); err != nil {
		t.Fatal(err)
	}
	h.do(http.MethodGet, "/queues/qu-missing", nil).errorMsg(t, http.StatusBadRequest)
	if got := h.srv.Config().MissingObjectStatus; got != http.StatusBadRequest {
		t.Fatalf("Config().MissingObjectStatus = %d, want 400", got)
	}
}
