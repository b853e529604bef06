package emulator

import (
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"testing"
)

func TestConfigDefaults(t *testing.T) {
	cfg := New(Config{}).Config()
	if cfg.StreamID != DefaultStreamID || cfg.AccountID != DefaultAccountID ||
		cfg.ClientID != DefaultClientID || cfg.ClientSecret != DefaultClientSecret {
		t.Fatalf("credentials not defaulted: %+v", cfg)
	}
	if cfg.Seed == nil || cfg.Now == nil || cfg.RateLimitPerMinute != 0 || cfg.CreateAgentReturnsID || cfg.CreateAgentGroupReturnsID {
		t.Fatalf("defaults: seed %v, now set %v, rate %d, returnsID %v",
			cfg.Seed != nil, cfg.Now != nil, cfg.RateLimitPerMinute, cfg.CreateAgentReturnsID)
	}
	custom := New(Config{StreamID: "st-x", RateLimitPerMinute: 7}).Config()
	if custom.StreamID != "st-x" || custom.RateLimitPerMinute != 7 || custom.AccountID != DefaultAccountID {
		t.Fatalf("custom config: %+v", custom)
	}
}

func TestCountersByRoute(t *testing.T) {
	h := newHarness(t, Config{})
	h.do(http.MethodGet, "/agents", nil)
	h.do(http.MethodGet, "/agents?page=2", nil)
	h.do(http.MethodGet, "/agents/"+mariaID, nil)
	h.do(http.MethodGet, "/agents/a-unknown", nil)
	h.do(http.MethodGet, "/agents/customId/EMP-0042", nil)
	h.do(http.MethodGet, "/organizations/"+DefaultSeed().OrgID+"/agents", nil)
	h.do(http.MethodPost, "/agents", newAgentBody("count@example.com"))
	doc, _ := h.srv.AgentByEmail("count@example.com")
	id := doc["id"].(string)
	h.do(http.MethodPut, "/agents/"+id, map[string]any{}) // 400
	h.do(http.MethodDelete, "/agents/"+id, nil)
	h.do(http.MethodGet, "/conversations", nil)
	h.do(http.MethodGet, "/conversations/"+sampleConvID, nil)
	h.do(http.MethodGet, "/no/such/route", nil)
	h.do(http.MethodPatch, "/agents/"+mariaID, nil)
	if _, err := h.request(http.MethodGet, "/elsewhere", nil, nil); err != nil {
		t.Fatal(err)
	}
	// Admin requests are not counted.
	if _, err := h.request(http.MethodGet, "/_emulator/counts", nil, nil); err != nil {
		t.Fatal(err)
	}

	want := map[string]int{
		"GET /agents":                       2,
		"GET /agents/{id}":                  2,
		"GET /agents/customId/{customId}":   1,
		"GET /organizations/{orgId}/agents": 1,
		"POST /agents":                      1,
		"PUT /agents/{id}":                  1,
		"DELETE /agents/{id}":               1,
		"GET /conversations":                1,
		"GET /conversations/{id}":           1,
		"GET <unmatched>":                   2,
		"PATCH /agents/{id}":                1,
	}
	if got := h.srv.Counts(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Counts() =\n%v\nwant\n%v", got, want)
	}
	if got := h.srv.Count("GET /agents/{id}"); got != 2 {
		t.Fatalf(`Count("GET /agents/{id}") = %d`, got)
	}
	if got := h.srv.TotalRequests(); got != 14 {
		t.Fatalf("TotalRequests() = %d, want 14", got)
	}
	wantStatus := map[int]int{200: 9, 400: 1, 404: 3, 405: 1}
	if got := h.srv.StatusCounts(); !reflect.DeepEqual(got, wantStatus) {
		t.Fatalf("StatusCounts() = %v, want %v", got, wantStatus)
	}

	h.srv.ResetCounts()
	if len(h.srv.Counts()) != 0 || h.srv.TotalRequests() != 0 || len(h.srv.StatusCounts()) != 0 {
		t.Fatalf("after ResetCounts: %v %d %v", h.srv.Counts(), h.srv.TotalRequests(), h.srv.StatusCounts())
	}
}

func TestUnknownRoutesAndMethods(t *testing.T) {
	h := newHarness(t, Config{})
	msg := h.do(http.MethodGet, "/queues-that-do-not-exist", nil).errorMsg(t, http.StatusNotFound)
	if msg != "Route not found: GET "+apiPath("/queues-that-do-not-exist") {
		t.Fatalf("msg = %q", msg)
	}
	if msg := h.do(http.MethodDelete, "/agents", nil).errorMsg(t, http.StatusMethodNotAllowed); msg != "Method Not Allowed" {
		t.Fatalf("msg = %q", msg)
	}
	// Unknown routes under the API still need credentials.
	res, err := h.request(http.MethodGet, apiPath("/nothing"), nil, map[string]*string{"auth": nil})
	if err != nil {
		t.Fatal(err)
	}
	res.errorMsg(t, http.StatusUnauthorized)
}

func TestRouteMatchingUnescapesSegments(t *testing.T) {
	cases := []struct {
		method, path string
		template     string
		params       map[string]string
		handled      bool
	}{
		{"GET", apiPath("/agents"), "/agents", map[string]string{}, true},
		{"GET", apiPath("/agents/"), "/agents", map[string]string{}, true},
		{"GET", apiPath("/agents/customId/" + url.PathEscape("a/b c?#%")), "/agents/customId/{customId}", map[string]string{"customId": "a/b c?#%"}, true},
		{"PUT", apiPath("/agents/customId/x"), "/agents/customId/{customId}", map[string]string{"customId": "x"}, false},
		{"GET", apiPath("/agents/customId"), "/agents/{id}", map[string]string{"id": "customId"}, true},
		{"GET", apiPath("/agents/a/b/c"), unmatchedRoute, nil, false},
		{"GET", "/agentassist/api/v1/public/", unmatchedRoute, nil, false},
	}
	for _, c := range cases {
		m := matchRoute(c.method, c.path)
		if m.template != c.template || (m.handler != nil) != c.handled || (c.params != nil && !reflect.DeepEqual(m.params, c.params)) {
			t.Errorf("%s %s: template %q params %v handled %v; want %q %v %v",
				c.method, c.path, m.template, m.params, m.handler != nil, c.template, c.params, c.handled)
		}
	}
}

func TestConcurrentRequestsAreCountedExactly(t *testing.T) {
	h := newHarness(t, Config{})
	const n = 40
	done := make(chan struct{})
	for i := range n {
		go func() {
			defer func() { done <- struct{}{} }()
			if i%2 == 0 {
				h.do(http.MethodGet, "/agents/"+mariaID, nil)
			} else {
				h.do(http.MethodPost, "/agents", newAgentBody(fmt.Sprintf("concurrent%d@example.com", i)))
			}
		}()
	}
	for range n {
		<-done
	}
	if got := h.srv.TotalRequests(); got != n {
		t.Fatalf("TotalRequests() = %d, want %d", got, n)
	}
	if got := h.srv.Count("GET /agents/{id}"); got != n/2 {
		t.Fatalf("GET count = %d, want %d", got, n/2)
	}
	if got := len(h.srv.Agents()); got != seededAgents+n/2 {
		t.Fatalf("%d agents, want %d", got, seededAgents+n/2)
	}
}

func TestRoutingCounterKeys(t *testing.T) {
	h := newHarness(t, Config{})
	sg := languagesGroupID
	calls := []struct{ method, rel, key string }{
		{http.MethodPost, "/skill-groups", "POST /skill-groups"},
		{http.MethodGet, "/skill-groups", "GET /skill-groups"},
		{http.MethodGet, "/skill-groups/" + sg, "GET /skill-groups/{id}"},
		{http.MethodPut, "/skill-groups/" + sg, "PUT /skill-groups/{id}"},
		{http.MethodDelete, "/skill-groups/" + sg, "DELETE /skill-groups/{id}"},
		{http.MethodPost, "/skill-groups/" + sg + "/skills", "POST /skill-groups/{skillGroupId}/skills"},
		{http.MethodGet, "/skill-groups/" + sg + "/skills", "GET /skill-groups/{skillGroupId}/skills"},
		{http.MethodGet, "/skill-groups/" + sg + "/skills/" + spanishSkillID, "GET /skill-groups/{skillGroupId}/skills/{id}"},
		{http.MethodPut, "/skill-groups/" + sg + "/skills/" + spanishSkillID, "PUT /skill-groups/{skillGroupId}/skills/{id}"},
		{http.MethodDelete, "/skill-groups/" + sg + "/skills/" + spanishSkillID, "DELETE /skill-groups/{skillGroupId}/skills/{id}"},
		{http.MethodPost, "/agent-groups", "POST /agent-groups"},
		{http.MethodGet, "/agent-groups", "GET /agent-groups"},
		{http.MethodGet, "/agent-groups/" + tier1GroupID, "GET /agent-groups/{id}"},
		{http.MethodPut, "/agent-groups/" + tier1GroupID, "PUT /agent-groups/{id}"},
		{http.MethodDelete, "/agent-groups/" + tier1GroupID, "DELETE /agent-groups/{id}"},
		{http.MethodPost, "/queues", "POST /queues"},
		{http.MethodGet, "/queues", "GET /queues"},
		{http.MethodGet, "/queues/" + salesQueueID, "GET /queues/{id}"},
		{http.MethodPut, "/queues/" + salesQueueID, "PUT /queues/{id}"},
		{http.MethodDelete, "/queues/" + salesQueueID, "DELETE /queues/{id}"},
		{http.MethodPatch, "/queues/" + salesQueueID, "PATCH /queues/{id}"},
	}
	want := map[string]int{}
	for _, c := range calls {
		res := h.do(c.method, c.rel, map[string]any{})
		if res.status == http.StatusNotFound {
			t.Errorf("%s %s: route not found: %s", c.method, c.rel, res.body)
		}
		want[c.key]++
	}
	if got := h.srv.Counts(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Counts() =\n%v\nwant\n%v", got, want)
	}
}
