package emulator

import (
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"testing"
)

func TestListAgentsPaging(t *testing.T) {
	h := newHarness(t, Config{})
	for i := range 23 { // 25 with the two seeded agents
		h.createAgent(newAgentBody(fmt.Sprintf("agent%02d@example.com", i)))
	}
	type page struct {
		n, skip, count int
		hasMore        bool
	}
	var emails []string
	for _, p := range []page{{1, 0, 10, true}, {2, 10, 10, true}, {3, 20, 5, false}, {4, 30, 0, false}} {
		body := h.do(http.MethodGet, fmt.Sprintf("/agents?page=%d&limit=100", p.n), nil).object(t, http.StatusOK)
		results := body["results"].([]any)
		if len(results) != p.count || body["skip"] != float64(p.skip) || body["limit"] != 10.0 ||
			body["hasMore"] != p.hasMore || body["totalPages"] != 3.0 || body["totalResults"] != 25.0 {
			t.Fatalf("page %d: %d results, skip %v, limit %v, hasMore %v, totalPages %v, totalResults %v",
				p.n, len(results), body["skip"], body["limit"], body["hasMore"], body["totalPages"], body["totalResults"])
		}
		for _, r := range results {
			emails = append(emails, r.(map[string]any)["emailId"].(string))
		}
	}
	if emails[0] != "admin@example.com" || emails[1] != "maria.lopez@example.com" || emails[2] != "agent00@example.com" || emails[24] != "agent22@example.com" {
		t.Fatalf("not in creation order: %v", emails)
	}
	// The default page is 1; the org path serves the same list.
	first := h.do(http.MethodGet, "/agents", nil).object(t, http.StatusOK)
	org := h.do(http.MethodGet, "/organizations/"+DefaultSeed().OrgID+"/agents?page=1", nil).object(t, http.StatusOK)
	if first["skip"] != 0.0 || !reflect.DeepEqual(first, org) {
		t.Fatalf("default page or org path differ:\n%v\n%v", first, org)
	}
	msg := h.do(http.MethodGet, "/organizations/o-other/agents", nil).errorMsg(t, http.StatusNotFound)
	if msg != "Organization not found: o-other" {
		t.Fatalf("msg = %q", msg)
	}
	// A page so far out that (page-1)*10 overflows is just past the end.
	far := h.do(http.MethodGet, "/agents?page=922337203685477582", nil).object(t, http.StatusOK)
	if len(far["results"].([]any)) != 0 || far["hasMore"] != false {
		t.Fatalf("far page = %v", far)
	}
	for _, q := range []string{"page=0", "page=-1", "page=two", "includeQueues=maybe"} {
		h.do(http.MethodGet, "/agents?"+q, nil).errorMsg(t, http.StatusBadRequest)
	}
}

func TestListAgentsItemShape(t *testing.T) {
	h := newHarness(t, Config{})
	for _, q := range []string{"includeQueues=true", "includeQueues=True"} {
		body := h.do(http.MethodGet, "/agents?"+q, nil).object(t, http.StatusOK)
		maria := body["results"].([]any)[1].(map[string]any)
		for _, k := range []string{"customId", "fullName", "lFullName", "iId"} {
			if _, present := maria[k]; present {
				t.Errorf("%s: list item has get-only field %s", q, k)
			}
		}
		wantQueues := []any{map[string]any{
			"id": supportQueueID, "name": "Support", "description": "Product support",
			"agents": []any{map[string]any{"userId": maria["userId"], "aId": mariaID, "isPreferredAgent": true}},
		}}
		if !reflect.DeepEqual(maria["queues"], wantQueues) {
			t.Errorf("%s: queues = %v", q, maria["queues"])
		}
		wantGroups := []any{map[string]any{"groupId": tier1GroupID, "role": "agent", "groupName": "Tier 1"}}
		if !reflect.DeepEqual(maria["agentGroups"], wantGroups) {
			t.Errorf("%s: agentGroups = %v", q, maria["agentGroups"])
		}
		stored, _ := h.srv.Agent(mariaID)
		if !reflect.DeepEqual(maria["skills"], stored["skills"]) || maria["id"] != mariaID || maria["emailId"] != stored["emailId"] {
			t.Errorf("%s: item differs from the record: %v", q, maria)
		}
	}
	for _, q := range []string{"", "?includeQueues=false"} {
		maria := h.do(http.MethodGet, "/agents"+q, nil).object(t, http.StatusOK)["results"].([]any)[1].(map[string]any)
		if _, present := maria["queues"]; present {
			t.Errorf("%q: queues present without includeQueues", q)
		}
	}
}

func TestGetAgent(t *testing.T) {
	h := newHarness(t, Config{})
	got := h.do(http.MethodGet, "/agents/"+mariaID, nil).object(t, http.StatusOK)
	stored, _ := h.srv.Agent(mariaID)
	if !reflect.DeepEqual(got, stored) {
		t.Fatalf("GET differs from the record:\n%v\n%v", got, stored)
	}
	if got["customId"] != "EMP-0042" || got["fullName"] != "Maria Lopez" || got["phoneNumber"] != "13456782345" {
		t.Fatalf("get-only fields: %v %v %v", got["customId"], got["fullName"], got["phoneNumber"])
	}
	if _, present := got["agentGroupId"]; present {
		t.Fatal("GET has a top-level agentGroupId")
	}
	msg := h.do(http.MethodGet, "/agents/a-missing", nil).errorMsg(t, http.StatusNotFound)
	if msg != "Agent not found: a-missing" {
		t.Fatalf("msg = %q", msg)
	}
}

func TestDeleteAgent(t *testing.T) {
	h := newHarness(t, Config{})
	before, _ := h.srv.Agent(mariaID)
	got := h.do(http.MethodDelete, "/agents/"+mariaID, nil).object(t, http.StatusOK)
	if !reflect.DeepEqual(got, before) {
		t.Fatalf("DELETE answer is not the record as it was:\n%v\n%v", got, before)
	}
	if _, ok := h.srv.Agent(mariaID); ok {
		t.Fatal("agent still stored")
	}
	h.do(http.MethodGet, "/agents/"+mariaID, nil).errorMsg(t, http.StatusNotFound)
	msg := h.do(http.MethodDelete, "/agents/"+mariaID, nil).errorMsg(t, http.StatusNotFound)
	if msg != "Agent not found: "+mariaID {
		t.Fatalf("msg = %q", msg)
	}
	if n := h.do(http.MethodGet, "/agents", nil).object(t, 200)["totalResults"]; n != 1.0 {
		t.Fatalf("totalResults = %v", n)
	}
	// The email is free again.
	h.createAgent(newAgentBody("maria.lopez@example.com"))
}

func TestGetAgentsByCustomID(t *testing.T) {
	h := newHarness(t, Config{})
	special := "A..Zxyz09!'''()*+,-./:;<=>?@[]^_`{|}~%#&"
	for i := range 2 {
		body := newAgentBody(fmt.Sprintf("shared%d@example.com", i))
		body["customId"] = special
		h.createAgent(body)
	}
	res := h.do(http.MethodGet, "/agents/customId/"+url.PathEscape(special), nil)
	if res.status != http.StatusOK {
		t.Fatalf("status = %d; body %s", res.status, res.body)
	}
	var arr []map[string]any
	if err := decodeJSON(res.body, &arr); err != nil {
		t.Fatal(err)
	}
	if len(arr) != 2 || arr[0]["emailId"] != "shared0@example.com" || arr[1]["emailId"] != "shared1@example.com" {
		t.Fatalf("got %v", arr)
	}
	stored, _ := h.srv.AgentByEmail("shared0@example.com")
	if !reflect.DeepEqual(arr[0], stored) {
		t.Fatalf("item is not the GET shape:\n%v\n%v", arr[0], stored)
	}

	// One match is still an array.
	res = h.do(http.MethodGet, "/agents/customId/EMP-0042", nil)
	if err := decodeJSON(res.body, &arr); err != nil || len(arr) != 1 || arr[0]["id"] != mariaID {
		t.Fatalf("EMP-0042: %v %v", err, arr)
	}
	// Exact, case-sensitive match.
	msg := h.do(http.MethodGet, "/agents/customId/emp-0042", nil).errorMsg(t, http.StatusNotFound)
	if msg != "No agent found with customId emp-0042" {
		t.Fatalf("msg = %q", msg)
	}
}

func TestAgentViewsShowCurrentNames(t *testing.T) {
	h := newHarness(t, Config{})
	// Renamed behind the emulator's back: the stored agent records keep
	// the old names, the views resolve the current ones.
	h.srv.mu.Lock()
	q, _ := h.srv.queues.get(supportQueueID)
	q["name"], q["description"] = "Support EMEA", "Renamed"
	sk, _ := h.srv.skills.get(spanishSkillID)
	sk["name"] = "Español"
	sg, _ := h.srv.skillGroups.get(str(sk, "skillGroupId"))
	sg["name"], sg["color"] = "Idiomas", "#000000"
	h.srv.mu.Unlock()

	wantQueue := map[string]any{"id": supportQueueID, "name": "Support EMEA", "description": "Renamed", "isPreferredAgent": true}
	check := func(where string, agent map[string]any) {
		t.Helper()
		if q := agent["queues"].([]any)[0].(map[string]any); !reflect.DeepEqual(q, wantQueue) {
			t.Errorf("%s: queue entry = %v", where, q)
		}
		skill := agent["skills"].([]any)[0].(map[string]any)
		if skill["name"] != "Español" || skill["skillGroupName"] != "Idiomas" || skill["skillGroupColor"] != "#000000" {
			t.Errorf("%s: skill entry = %v", where, skill)
		}
	}
	check("GET", h.do(http.MethodGet, "/agents/"+mariaID, nil).object(t, http.StatusOK))
	res := h.do(http.MethodGet, "/agents/customId/EMP-0042", nil)
	var arr []map[string]any
	if err := decodeJSON(res.body, &arr); err != nil || len(arr) != 1 {
		t.Fatalf("customId: %v %s", err, res.body)
	}
	check("customId", arr[0])
	list := h.do(http.MethodGet, "/agents", nil).object(t, http.StatusOK)
	maria := list["results"].([]any)[1].(map[string]any)
	skill := maria["skills"].([]any)[0].(map[string]any)
	if skill["name"] != "Español" {
		t.Errorf("list: skill entry = %v", skill)
	}
	listed := h.do(http.MethodGet, "/agents?includeQueues=true", nil).object(t, http.StatusOK)
	lq := listed["results"].([]any)[1].(map[string]any)["queues"].([]any)[0].(map[string]any)
	if lq["name"] != "Support EMEA" || lq["description"] != "Renamed" {
		t.Errorf("list: queue = %v", lq)
	}
	check("DELETE", h.do(http.MethodDelete, "/agents/"+mariaID, nil).object(t, http.StatusOK))
}
