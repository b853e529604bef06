package emulator

import (
	"encoding/json"
	"net/http"
	"testing"
)

func (h *harness) admin(method, path, body string) *response {
	h.t.Helper()
	var b any
	if body != "" {
		b = body
	}
	res, err := h.request(method, path, b, map[string]*string{"auth": nil, "accountId": nil})
	if err != nil {
		h.t.Fatal(err)
	}
	return res
}

func TestAdminCounts(t *testing.T) {
	h := newHarness(t, Config{})
	h.do(http.MethodGet, "/agents", nil)
	h.do(http.MethodGet, "/agents/a-missing", nil)
	res := h.admin(http.MethodGet, "/_emulator/counts", "")
	var got struct {
		Counts   map[string]int `json:"counts"`
		Statuses map[string]int `json:"statuses"`
		Total    int            `json:"total"`
	}
	if err := json.Unmarshal(res.body, &got); err != nil || res.status != 200 {
		t.Fatalf("status %d, %v: %s", res.status, err, res.body)
	}
	if got.Total != 2 || got.Counts["GET /agents"] != 1 || got.Counts["GET /agents/{id}"] != 1 ||
		got.Statuses["200"] != 1 || got.Statuses["404"] != 1 {
		t.Fatalf("counts = %+v", got)
	}
	h.admin(http.MethodPost, "/_emulator/reset-counts", "").object(t, 200)
	if h.srv.TotalRequests() != 0 {
		t.Fatalf("TotalRequests after reset = %d", h.srv.TotalRequests())
	}
}

func TestAdminFaults(t *testing.T) {
	h := newHarness(t, Config{})
	h.admin(http.MethodPost, "/_emulator/faults",
		`{"method":"GET","route":"/agents/{id}","count":2,"status":503,"retryAfter":"3"}`).object(t, 200)
	res := h.do(http.MethodGet, "/agents/"+mariaID, nil)
	res.errorMsg(t, 503)
	if res.header.Get("Retry-After") != "3" {
		t.Fatalf("Retry-After = %q", res.header.Get("Retry-After"))
	}
	h.admin(http.MethodDelete, "/_emulator/faults", "").object(t, 200)
	h.do(http.MethodGet, "/agents/"+mariaID, nil).object(t, 200)

	h.admin(http.MethodPost, "/_emulator/faults", `{"route":"/agents","method":"POST","drop":"after"}`).object(t, 200)
	if _, err := h.request(http.MethodPost, apiPath("/agents"), newAgentBody("admin.drop@example.com"), nil); err == nil {
		t.Fatal("drop fault from the admin endpoint did not drop")
	}
	if _, ok := h.srv.AgentByEmail("admin.drop@example.com"); !ok {
		t.Fatal(`drop "after" did not handle the request`)
	}

	h.admin(http.MethodPost, "/_emulator/faults", `{"oversizeBytes":2048,"latencyMs":1}`).object(t, 200)
	if res := h.do(http.MethodGet, "/agents/"+mariaID, nil); len(res.body) != 2048 {
		t.Fatalf("oversize from admin: %d bytes", len(res.body))
	}

	for _, bad := range []string{`{"drop":"sideways"}`, `{"stauts":500}`, `{"status":42}`, `{"count":-1}`, `[`} {
		h.admin(http.MethodPost, "/_emulator/faults", bad).errorMsg(t, 400)
	}
	h.admin(http.MethodGet, "/_emulator/nothing", "").errorMsg(t, 404)
	if n := h.srv.TotalRequests(); n != 4 {
		t.Fatalf("TotalRequests = %d; admin requests must not be counted", n)
	}
}
