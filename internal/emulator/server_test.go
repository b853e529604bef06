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
