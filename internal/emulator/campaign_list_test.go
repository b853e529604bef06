package emulator

import (
	"net/http"
	"reflect"
	"testing"
	"time"
)

// listCampaigns posts a getAllCampaignDetails body and returns data.
func (h *harness) listCampaigns(body map[string]any) map[string]any {
	h.t.Helper()
	return h.doCampaign(http.MethodPost, "/campaign/getAllCampaignDetails", body).
		data(h.t, "Campaign  retrieved successfully").(map[string]any)
}

func names(results any) []string {
	var out []string
	for _, r := range results.([]any) {
		out = append(out, r.(map[string]any)["name"].(string))
	}
	return out
}

func TestCampaignList(t *testing.T) {
	h, clock := campaignHarness(t, Config{})
	v1 := h.createCampaign("voice", voiceBody("Bravo", "Progressive"))
	clock.Advance(time.Hour)
	agentless := voiceBody("alpha", "Agentless")
	agentless["priority"] = "1"
	h.createCampaign("voice", agentless)
	clock.Advance(time.Hour)
	h.createCampaign("voice", voiceBody("Charlie", "Preview"))
	clock.Advance(time.Hour)
	s1 := h.createCampaign("sms", smsBody("Texts", "simple"))
	h.srv.UpdateCampaign(v1, func(doc map[string]any) { doc["status"] = "Stopped" })

	// Newest first by default; only the kind asked for.
	all := h.listCampaigns(map[string]any{"type": "voice"})
	if got := names(all["results"]); !reflect.DeepEqual(got, []string{"Charlie", "alpha", "Bravo"}) {
		t.Fatalf("default order = %v", got)
	}
	if all["skip"] != 0.0 || all["limit"] != 50.0 || all["hasMore"] != false || all["totalPages"] != 1.0 || all["totalResults"] != 3.0 {
		t.Fatalf("figures = %v", all)
	}
	bravo := all["results"].([]any)[2].(map[string]any)
	dnc := h.srv.ContactListByName("DNC")["_id"]
	want := map[string]any{
		"_id": v1, "name": "Bravo", "description": "Renewal calls", "dncLists": map[string]any{"id": dnc, "name": "DNC"},
		"priority": "3", "dialingMode": "Progressive", "status": "Stopped", "isFiltersEnabled": false,
		"createdAt": "2025-08-05T06:42:06.414Z", "updatedAt": "2025-08-05T06:42:06.414Z", "campaignInstanceUpdatedAt": "2025-08-05T06:42:06.414Z",
		"schedule":   map[string]any{"isSchedulingEnabled": false, "isRecurrenceEnabled": false},
		"connection": "Support", "contactLists": []any{"Leads"},
	}
	if !reflect.DeepEqual(bravo, want) {
		t.Fatalf("voice entry =\n%v\nwant\n%v", bravo, want)
	}

	sms := h.listCampaigns(map[string]any{"type": "sms"})["results"].([]any)
	if len(sms) != 1 {
		t.Fatalf("sms results = %v", sms)
	}
	entry := sms[0].(map[string]any)
	if entry["id"] != s1 || entry["_id"] != nil || entry["totalMessagesSent"] != 0.0 || entry["campaignExecutionType"] != "NORMAL" ||
		entry["format"] != "simple" || entry["dialingStrategy"] != nil || entry["status"] != "Preparing" {
		t.Fatalf("sms entry = %v", entry)
	}

	for _, tc := range []struct {
		name string
		body map[string]any
		want []string
	}{
		{"by name asc", map[string]any{"type": "voice", "sortBy": map[string]any{"name": "asc"}}, []string{"alpha", "Bravo", "Charlie"}},
		{"created asc", map[string]any{"type": "voice", "sortBy": map[string]any{"createdAt": "asc"}}, []string{"Bravo", "alpha", "Charlie"}},
		{"status", map[string]any{"type": "voice", "filters": map[string]any{"status": []any{"Stopped", "Ready"}}}, []string{"Bravo"}},
		{"priority", map[string]any{"type": "voice", "filters": map[string]any{"priority": []any{1, 2}}}, []string{"alpha"}},
		{"mode", map[string]any{"type": "voice", "filters": map[string]any{"dialingMode": []any{"Progressive", "Preview"}}}, []string{"Charlie", "Bravo"}},
		{"dates", map[string]any{"type": "voice", "startDate": "2025-08-05T07:00:00.000Z", "endDate": "2025-08-05T08:42:06.414Z"}, []string{"Charlie", "alpha"}},
		{"skip", map[string]any{"type": "voice", "skip": 1, "limit": 1, "page": 3}, []string{"alpha"}},
		{"page", map[string]any{"type": "voice", "skip": "", "page": 3, "limit": 1}, []string{"Bravo"}},
		{"empty strings", map[string]any{"type": "voice", "skip": "", "page": "", "limit": ""}, []string{"Charlie", "alpha", "Bravo"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := names(h.listCampaigns(tc.body)["results"]); !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("names = %v, want %v", got, tc.want)
			}
		})
	}
	p := h.listCampaigns(map[string]any{"type": "voice", "page": 1, "limit": 2})
	if p["skip"] != 0.0 || p["limit"] != 2.0 || p["hasMore"] != true || p["totalPages"] != 2.0 {
		t.Fatalf("page figures = %v", p)
	}

	for _, tc := range []struct {
		name string
		body any
		msg  string
	}{
		{"no type", map[string]any{}, `type is required and must be "voice" or "sms", got <nil>`},
		{"no body", nil, `type is required and must be "voice" or "sms", got <nil>`},
		{"bad status", map[string]any{"type": "sms", "filters": map[string]any{"status": []any{"Running"}}}, "filters.status[0] is not an allowed value: Running"},
		{"priority string", map[string]any{"type": "sms", "filters": map[string]any{"priority": []any{"5"}}}, "filters.priority[0] is not an allowed value: 5"},
		{"bad sort", map[string]any{"type": "sms", "sortBy": map[string]any{"priority": "asc"}}, "sortBy.priority is not a sort field: use name, createdAt or updatedAt"},
		{"bad direction", map[string]any{"type": "sms", "sortBy": map[string]any{"name": "up"}}, `sortBy.name must be "asc" or "desc", got up`},
		{"bad date", map[string]any{"type": "sms", "startDate": "yesterday"}, "startDate must be an ISO 8601 timestamp such as 2025-12-01T00:00:00.000Z, got yesterday"},
		{"bad limit", map[string]any{"type": "sms", "limit": -1}, "limit must be a non-negative integer or an empty string, got -1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if msg := h.doCampaign(http.MethodPost, "/campaign/getAllCampaignDetails", tc.body).errorMsg(t, 400); msg != tc.msg {
				t.Fatalf("msg = %q, want %q", msg, tc.msg)
			}
		})
	}
	// Lists read no status away: the SMS campaign is still Preparing.
	if got := h.doCampaign(http.MethodGet, "/campaign/"+s1, nil).object(t, 200)["data"].(map[string]any)["status"]; got != "Preparing" {
		t.Fatalf("status after lists = %v", got)
	}
}
