package emulator

import (
	"encoding/json"
	"net/http"
	"testing"
)

// adminReadings decodes a readings answer of the admin endpoint.
func adminReadings(t *testing.T, res *response) map[string]any {
	t.Helper()
	got := res.object(t, http.StatusOK)
	if want := 14 + campaignReadingsCount(t); len(got) != want {
		t.Fatalf("config has %d members, want %d: %v", len(got), want, got)
	}
	return got
}

func TestAdminConfig(t *testing.T) {
	h := newHarness(t, Config{Readings: Readings{MissingObjectStatus: http.StatusBadRequest}})
	want := map[string]any{
		"listLimit": "default", "listLimitCap": 25.0, "hasMoreOnLastPage": false,
		"hasMoreNever": false, "listLimitEcho": false, "listFigures": "all",
		"listSkip": "honour", "listPage": "honour", "listPagingIgnored": false,
		"unknownStreamStatus": 404.0, "unknownAccountStatus": 401.0, "missingObjectStatus": 400.0,
		"throttleStatus": 429.0, "duplicateStatus": 409.0,
	}
	got := adminReadings(t, h.admin(http.MethodGet, "/_emulator/config", ""))
	for k, v := range want {
		if got[k] != v {
			t.Errorf("GET config %s = %v, want %v", k, got[k], v)
		}
	}

	// Only the members sent change.
	got = adminReadings(t, h.admin(http.MethodPut, "/_emulator/config",
		`{"listLimit":"cap","listLimitCap":3,"hasMoreOnLastPage":true,"listLimitEcho":true,"listFigures":"no-total","unknownStreamStatus":400}`))
	want["listLimit"], want["listLimitCap"], want["hasMoreOnLastPage"], want["unknownStreamStatus"] = "cap", 3.0, true, 400.0
	want["listLimitEcho"], want["listFigures"] = true, "no-total"
	for k, v := range want {
		if got[k] != v {
			t.Errorf("PUT config %s = %v, want %v", k, got[k], v)
		}
	}
	page := h.do(http.MethodGet, "/conversations?limit=50", nil).object(t, http.StatusOK)
	if page["limit"] != 50.0 || len(page["results"].([]any)) != 3 || page["hasMore"] != true || page["totalResults"] != nil {
		t.Errorf("conversations page under the new readings: limit %v, %d results, hasMore %v, totalResults %v",
			page["limit"], len(page["results"].([]any)), page["hasMore"], page["totalResults"])
	}
	res, err := h.request(http.MethodGet, basePath+"st-typo/agents", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if msg := res.errorMsg(t, http.StatusBadRequest); msg != "App not found: st-typo" {
		t.Errorf("unknown stream msg = %q", msg)
	}
	h.do(http.MethodGet, "/queues/qu-missing", nil).errorMsg(t, http.StatusBadRequest)

	// 0 and "" restore the defaults.
	got = adminReadings(t, h.admin(http.MethodPut, "/_emulator/config", `{"listLimit":"","unknownStreamStatus":0,"missingObjectStatus":0}`))
	if got["listLimit"] != "default" || got["unknownStreamStatus"] != 404.0 || got["missingObjectStatus"] != 404.0 {
		t.Errorf("defaults not restored: %v", got)
	}

	before := h.srv.Readings()
	for _, bad := range []string{`{"listLimit":"often"}`, `{"listFigures":"some"}`, `{"hasMoreNever":true}`, `{"listSkip":"often"}`, `{"listPage":"page"}`, `{"listLimitCap":-2}`, `{"missingObjectStatus":200}`, `{"missingObjectStaus":400}`, `{"listLimitCap":"25"}`, `[`} {
		h.admin(http.MethodPut, "/_emulator/config", bad).errorMsg(t, http.StatusBadRequest)
	}
	if h.srv.Readings() != before {
		t.Errorf("a refused PUT changed the readings: %+v, want %+v", h.srv.Readings(), before)
	}
	h.admin(http.MethodPost, "/_emulator/config", `{}`).errorMsg(t, http.StatusNotFound)
	if n := h.srv.TotalRequests(); n != 3 {
		t.Errorf("TotalRequests = %d; admin requests must not be counted", n)
	}
}

// TestReadingsJSONNames: the admin JSON member names are part of the
// emulator's interface for tests that drive a separate process.
func TestReadingsJSONNames(t *testing.T) {
	data, err := json.Marshal(Readings{ListLimit: ListLimitIgnored, ListLimitCap: 7, HasMoreOnLastPage: true,
		ListLimitEcho: true, ListFigures: ListFiguresHasMore,
		ListSkip: ListSkipPage, ListPage: ListPageSkip, ListPagingIgnored: true,
		UnknownStreamStatus: 401, UnknownAccountStatus: 403, MissingObjectStatus: 400, ThrottleStatus: 503, DuplicateStatus: 400,
		CampaignReadings: CampaignReadings{}.withDefaults()})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"listLimit":"ignore","listLimitCap":7,"hasMoreOnLastPage":true,"hasMoreNever":false,"listLimitEcho":true,"listFigures":"has-more","listSkip":"page","listPage":"skip","listPagingIgnored":true,` +
		`"unknownStreamStatus":401,"unknownAccountStatus":403,"missingObjectStatus":400,"throttleStatus":503,"duplicateStatus":400,` +
		campaignReadingsDefaultJSON + `}`
	if string(data) != want {
		t.Fatalf("JSON = %s, want %s", data, want)
	}
}
