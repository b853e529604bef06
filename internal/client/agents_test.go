package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
)

func TestCustomIDLookupReadsEveryDocumentedShape(t *testing.T) {
	cases := map[string][]string{
		`[{"id":"a-1","emailId":"x@example.com"},{"id":"a-2"}]`: {"a-1", "a-2"},
		`{"id":"a-1","emailId":"x@example.com"}`:                {"a-1"},
		`"a-1"`:                                                 {"a-1"},
		`["a-1","a-2"]`:                                         {"a-1", "a-2"},
		`{"agentId":"a-3"}`:                                     {"a-3"},
		`[]`:                                                    nil,
		`{}`:                                                    nil,
		`null`:                                                  nil,
	}
	for body, want := range cases {
		got := decodeAgentRefs(json.RawMessage(body))
		if len(got) != len(want) {
			t.Errorf("%s: %d agents, want %v", body, len(got), want)
			continue
		}
		for i := range want {
			if string(got[i].ID) != want[i] {
				t.Errorf("%s: agent %d id %q, want %q", body, i, got[i].ID, want[i])
			}
		}
	}
}

func TestAgentDecodesTheDocumentedQuirks(t *testing.T) {
	// The create sample's phoneNumber is a JSON number; booleans and
	// numbers may come as text. Fields that are only shown may hold
	// anything.
	body := `{"id":"a-1","emailId":"x@example.com","phoneNumber":13456782345,"canSupportChat":"true",
	  "maxChatSupport":"5","skills":[{"skillId":"s-1","proficiencyLevel":"expert","id":"m-1"}],"createdAt":{"$date":1},
	  "agentGroups":[{"groupId":"ag-1","role":"agent"}],"chatLanguageSupport":[{"language":"en","proficiency":"expert"}],
	  "desktopLayouts":"not modelled"}`
	var a Agent
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		t.Fatal(err)
	}
	if a.PhoneNumber != "13456782345" || a.CanSupportChat == nil || !bool(*a.CanSupportChat) || a.MaxChatSupport == nil || *a.MaxChatSupport != 5 {
		t.Fatalf("decoded %+v", a)
	}
	if len(a.Skills) != 1 || a.Skills[0].Skill() != "s-1" || a.GroupID() != "ag-1" || a.CreatedAt != "" {
		t.Fatalf("skills %v group %q createdAt %q", a.Skills, a.GroupID(), a.CreatedAt)
	}
	if string(a.Raw["desktopLayouts"]) != `"not modelled"` {
		t.Fatalf("raw document not kept: %s", a.Raw["desktopLayouts"])
	}
	if err := json.Unmarshal([]byte(`[1,2]`), &a); err == nil {
		t.Fatal("a body that is not an object must fail")
	}
}

func TestUpdateSendsTheFullDocument(t *testing.T) {
	var sent map[string]any
	var query string
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		query = r.URL.RawQuery
		_ = json.NewDecoder(r.Body).Decode(&sent)
		w.Write([]byte(`{"id":"a-1","emailId":"x@example.com","firstName":"New"}`))
	}))
	var current Agent
	_ = json.Unmarshal([]byte(`{"id":"a-1","userId":"u-1","orgId":"o-1","firstName":"Old","lastName":"L","emailId":"x@example.com",
	  "roleId":"r-1","desktopLayouts":[{"id":"ly-1","isDefault":true}],"maxEmailChatSupport":7,
	  "agentGroups":[{"groupId":"ag-old","role":"supervisor"}]}`), &current)
	_, err := c.Agents.Update(t.Context(), &current, &AgentRequest{FirstName: String("New"), AgentGroupID: String("ag-new"), NickName: String("")})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"id": "a-1", "userId": "u-1", "orgId": "o-1", "accountId": testAccount, "iId": testStream,
		"firstName": "New", "lastName": "L", "nickName": "", "maxEmailChatSupport": float64(7), "agentGroupId": "ag-new",
	}
	for k, v := range want {
		if sent[k] != v {
			t.Errorf("sent %s = %#v, want %#v", k, sent[k], v)
		}
	}
	if layouts, _ := sent["desktopLayouts"].([]any); len(layouts) != 1 {
		t.Errorf("desktopLayouts were not sent back: %v", sent["desktopLayouts"])
	}
	groups, _ := sent["agentGroups"].([]any)
	if len(groups) != 1 || groups[0].(map[string]any)["groupId"] != "ag-new" || groups[0].(map[string]any)["role"] != "supervisor" {
		t.Errorf("agentGroups = %v, want the membership moved to ag-new with its role", groups)
	}
	if query != "groupId=ag-new" {
		t.Errorf("query = %q", query)
	}
}

// An interrupt that lands while a create is answered must not lose the
// agent: the lookup still runs, detached from the cancelled context.
func TestCreateStillFindsTheAgentWhenInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var lookups atomic.Int32
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			cancel() // Ctrl-C while the API creates the agent
			w.Write([]byte(`{"emailId":"x@example.com"}`))
			return
		}
		lookups.Add(1)
		w.Write([]byte(`{"results":[{"id":"a-7","emailId":"x@example.com","createdAt":"2999-01-01T00:00:00.000Z"}],"hasMore":false,"totalPages":1}`))
	}))
	a, err := c.Agents.Create(ctx, &AgentRequest{EmailID: String("x@example.com")})
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != "a-7" || lookups.Load() != 1 {
		t.Fatalf("agent %q after %d lookups", a.ID, lookups.Load())
	}
}

// A create interrupted before it was sent makes no lookup and says so.
func TestCreateInterruptedBeforeSendingMakesNoLookup(t *testing.T) {
	var calls atomic.Int32
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { calls.Add(1) }))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := c.Agents.Create(ctx, &AgentRequest{EmailID: String("x@example.com")}); err == nil {
		t.Fatal("want an error")
	}
	if calls.Load() != 0 {
		t.Fatalf("%d requests reached the server", calls.Load())
	}
}

// A managed field of another shape than the pages document fails the
// decode: an empty value would look like a change and be written back.
func TestAgentRefusesOtherShapesInManagedFields(t *testing.T) {
	for _, body := range []string{
		`{"id":"a-1","emailId":"x@example.com","queues":{"unexpected":"object"}}`,
		`{"id":"a-1","emailId":"x@example.com","skills":[{"skillId":"s-1"},"junk"]}`,
		`{"id":"a-1","emailId":"x@example.com","canSupportChat":"perhaps"}`,
		`{"id":"a-1","emailId":"x@example.com","maxChatSupport":"five"}`,
		`{"id":"a-1","emailId":{"address":"x@example.com"}}`,
	} {
		var a Agent
		if err := json.Unmarshal([]byte(body), &a); err == nil {
			t.Errorf("%s decoded as %+v, want an error", body, a)
		}
	}
}

// A 2xx answer that does not describe the agent, or is not JSON at all, is
// an error that names the request.
func TestAgentGetRefusesAnAnswerWithoutTheAgent(t *testing.T) {
	for body, want := range map[string]string{
		`{}`:                          "GET /agents/a-1: the answer has no id, emailId",
		`{"id":"a-1"}`:                "GET /agents/a-1: the answer has no emailId",
		`<html>Gateway</html>`:        "GET /agents/a-1: the response is not the JSON this endpoint documents",
		`{"id":"a-1","emailId":"x@ex`: "GET /agents/a-1: the response is not the JSON this endpoint documents",
		``:                            "GET /agents/a-1: the response is empty where a JSON document was expected",
	} {
		c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, body) }))
		a, err := c.Agents.Get(t.Context(), "a-1")
		var de *DecodeError
		if !errors.As(err, &de) || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: agent %+v, err %v; want a *DecodeError starting %q", body, a, err, want)
		}
	}
}
