package emulator

import (
	"net/http"
	"reflect"
	"regexp"
	"testing"
	"time"
)

// readyCampaign creates a campaign and reads it past Preparing.
func (h *harness) readyCampaign(kind string, body map[string]any) string {
	h.t.Helper()
	id := h.createCampaign(kind, body)
	for range 10 {
		if h.campaignStatus(id) == "Ready" {
			return id
		}
	}
	h.t.Fatalf("campaign %s not Ready after 10 reads", id)
	return ""
}

// campaignStatus reads a campaign's status through the status view.
func (h *harness) campaignStatus(id string) string {
	h.t.Helper()
	body := h.doCampaign(http.MethodPost, "/campaign/"+id+"/status?view=status", map[string]any{}).object(h.t, http.StatusOK)
	data := body["data"].(map[string]any)
	if body["status"] != "success" || data["id"] != id {
		h.t.Fatalf("status answer = %v", body)
	}
	return data["status"].(string)
}

func TestCampaignStatusView(t *testing.T) {
	h, _ := campaignHarness(t, Config{})
	id := h.createCampaign("voice", voiceBody("Calls", "Agentless"))
	body := h.doCampaign(http.MethodPost, "/campaign/"+id+"/status?view=status", map[string]any{}).object(t, http.StatusOK)
	if want := map[string]any{"status": "success", "data": map[string]any{"id": id, "status": "Preparing", "name": "Calls"}}; !reflect.DeepEqual(body, want) {
		t.Fatalf("status = %v, want %v", body, want)
	}
	if s := h.campaignStatus(id); s != "Ready" {
		t.Fatalf("second read = %q", s)
	}
	// No view means status; the status view needs accountId.
	res := h.doPath(http.MethodPost, campaignBasePath+DefaultStreamID+"/campaign/"+id+"/status", nil)
	if msg := res.errorMsg(t, 400); msg != "accountId query parameter is required" {
		t.Fatalf("msg = %q", msg)
	}
	if msg := h.doCampaign(http.MethodPost, "/campaign/"+id+"/status?view=all", nil).errorMsg(t, 400); msg != `view must be status or contacts, got "all"` {
		t.Fatalf("msg = %q", msg)
	}
	if msg := h.doCampaign(http.MethodPost, "/campaign/cd-nope/status", nil).errorMsg(t, 404); msg != "Campaign not found: cd-nope" {
		t.Fatalf("msg = %q", msg)
	}
	if n := h.srv.Count("POST /campaign/{id}/status"); n != 5 {
		t.Fatalf("status count = %d", n)
	}
}

func TestCampaignStartStop(t *testing.T) {
	h, clock := campaignHarness(t, Config{})
	voice := h.createCampaign("voice", voiceBody("Calls", "Agentless"))
	sms := h.createCampaign("sms", smsBody("Texts", "simple"))

	trigger := func(id, kind, trigger string) *response {
		return h.doCampaign(http.MethodPost, "/campaign/trigger/"+id+"?campaignType="+kind+"&trigger="+trigger, map[string]any{})
	}
	// Preparing cannot start.
	if msg := trigger(voice, "voice", "play").errorMsg(t, 400); msg != "Campaign Calls cannot be started while it is Preparing" {
		t.Fatalf("msg = %q", msg)
	}
	h.campaignStatus(voice)
	h.campaignStatus(sms)
	clock.Advance(time.Minute)

	got := trigger(voice, "voice", "play").object(t, http.StatusOK)
	instance, _ := got["campaignInstanceId"].(string)
	if !regexp.MustCompile(`^cid-[0-9a-f]{7}-`).MatchString(instance) {
		t.Fatalf("campaignInstanceId = %v", got["campaignInstanceId"])
	}
	want := map[string]any{"status": "Active", "message": "Campaign Started", "totalCallsCompleted": 0.0,
		"updatedAt": "2025-08-05T06:43:06.414Z", "campaignInstanceId": instance}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("start = %v, want %v", got, want)
	}
	if s := h.campaignStatus(voice); s != "Active" {
		t.Fatalf("status after start = %q", s)
	}
	read := h.doCampaign(http.MethodGet, "/campaign/"+voice, nil).object(t, 200)["data"].(map[string]any)
	if read["campaignInstanceId"] != instance || read["status"] != "Active" {
		t.Fatalf("read = %v", read)
	}
	if msg := trigger(voice, "voice", "play").errorMsg(t, 400); msg != "Campaign Calls is already Active" {
		t.Fatalf("msg = %q", msg)
	}
	got = trigger(voice, "voice", "stop").object(t, http.StatusOK)
	if want := map[string]any{"status": "Stopped", "message": "Campaign Stopped", "updatedAt": "2025-08-05T06:43:06.414Z", "campaignInstanceId": instance}; !reflect.DeepEqual(got, want) {
		t.Fatalf("stop = %v, want %v", got, want)
	}
	if msg := trigger(voice, "voice", "stop").errorMsg(t, 400); msg != "Campaign Calls cannot be stopped: it is Stopped, not Active" {
		t.Fatalf("msg = %q", msg)
	}

	// SMS, by the start page's own route (no trigger segment, no accountId).
	res := h.doPath(http.MethodPost, campaignBasePath+DefaultStreamID+"/campaign/"+sms+"?campaignType=sms&trigger=play", map[string]any{})
	if got := res.object(t, http.StatusOK); !reflect.DeepEqual(got, map[string]any{"status": "Active", "message": "Campaign Started", "updatedAt": "2025-08-05T06:43:06.414Z"}) {
		t.Fatalf("sms start = %v", got)
	}
	got = trigger(sms, "sms", "stop").object(t, http.StatusOK)
	if want := map[string]any{"status": "Stopped", "message": "Campaign Stopped", "updatedAt": "2025-08-05T06:43:06.414Z", "campaignExecutionType": "NORMAL"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("sms stop = %v, want %v", got, want)
	}
	if s := h.srv.Campaign(sms)["status"]; s != "Stopped" {
		t.Fatalf("stored status = %v", s)
	}

	for _, tc := range []struct {
		name, path, msg string
		status          int
	}{
		{"kind mismatch", "/campaign/trigger/" + sms + "?campaignType=voice&trigger=play", "Campaign " + sms + " is a sms campaign, not voice", 400},
		{"bad trigger", "/campaign/trigger/" + sms + "?campaignType=sms&trigger=pause", `trigger query parameter must be play or stop, got "pause"`, 400},
		{"no trigger", "/campaign/" + sms + "?campaignType=sms", "trigger query parameter is required: play or stop", 400},
		{"missing", "/campaign/trigger/cd-nope?campaignType=sms&trigger=play", "Campaign not found: cd-nope", 404},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if msg := h.doCampaign(http.MethodPost, tc.path, map[string]any{}).errorMsg(t, tc.status); msg != tc.msg {
				t.Fatalf("msg = %q, want %q", msg, tc.msg)
			}
		})
	}
	if n := h.srv.Count("POST /campaign/trigger/{id}"); n != 9 {
		t.Fatalf("trigger count = %d", n)
	}
	if n := h.srv.Count("POST /campaign/{id}"); n != 2 {
		t.Fatalf("POST /campaign/{id} count = %d", n)
	}
}

func TestCampaignSchedule(t *testing.T) {
	h, _ := campaignHarness(t, Config{})
	id := h.readyCampaign("voice", voiceBody("Calls Daily", "Agentless"))
	path := func(enable, name string) string {
		return campaignBasePath + DefaultStreamID + "/campaign/schedule?enableSchedule=" + enable + "&campaignName=" + name
	}
	daily := map[string]any{"startDateTime": "2026-01-1 18:29:00", "endDateTime": "2026-02-27 18:29:00",
		"recurrenceObject": map[string]any{"recurType": "Daily", "dailyDetails": map[string]any{"onceEveryNdays": 2}}}
	got := h.doPath(http.MethodPost, path("true", "calls%20daily"), daily).object(t, http.StatusOK)
	if want := map[string]any{"status": "success", "message": "Campaign Calls Daily scheduled successfully", "id": id}; !reflect.DeepEqual(got, want) {
		t.Fatalf("enable = %v, want %v", got, want)
	}
	read := h.doCampaign(http.MethodGet, "/campaign/"+id, nil).object(t, 200)["data"].(map[string]any)
	if !reflect.DeepEqual(read["schedule"], map[string]any{"isSchedulingEnabled": true, "isRecurrenceEnabled": true}) {
		t.Fatalf("schedule = %v", read["schedule"])
	}
	stored := h.srv.Campaign(id)["schedule"].(map[string]any)
	if stored["startDateTime"] != "2026-01-1 18:29:00" || !reflect.DeepEqual(stored["recurrenceObject"],
		map[string]any{"recurType": "Daily", "dailyDetails": map[string]any{"onceEveryNdays": 2.0}}) {
		t.Fatalf("stored schedule = %v", stored)
	}
	// An update keeps the schedule, whatever its body's schedule says.
	h.doCampaign(http.MethodPut, "/campaign/"+id+"?campaignType=voice", voiceBody("Calls Daily", "Agentless")).object(t, 200)
	if s := h.srv.Campaign(id)["schedule"].(map[string]any); s["isSchedulingEnabled"] != true {
		t.Fatalf("schedule after update = %v", s)
	}

	weekly := map[string]any{"startDateTime": "2026-01-01 08:00:00", "endDateTime": "2026-03-01 08:00:00",
		"recurrenceObject": map[string]any{"recurType": "Weekly", "weeklyDetails": map[string]any{"onceEveryNweeks": 1, "whichDays": []any{"Mon", "Fri"}}}}
	h.doPath(http.MethodPost, path("true", "Calls%20Daily"), weekly).object(t, http.StatusOK)
	if rec := h.srv.Campaign(id)["schedule"].(map[string]any)["recurrenceObject"]; !reflect.DeepEqual(rec,
		map[string]any{"recurType": "Weekly", "weeklyDetails": map[string]any{"onceEveryNweeks": 1.0, "whichDays": []any{"Mon", "Fri"}}}) {
		t.Fatalf("weekly = %v", rec)
	}
	// The weekly page's table calls the object dailyDetails.
	weekly["recurrenceObject"] = map[string]any{"recurType": "Weekly", "dailyDetails": map[string]any{"onceEveryNweeks": 2, "whichDays": []any{"Sun"}}}
	h.doPath(http.MethodPost, path("true", "Calls%20Daily"), weekly).object(t, http.StatusOK)

	got = h.doPath(http.MethodPost, path("false", "Calls%20Daily"), map[string]any{}).object(t, http.StatusOK)
	if got["message"] != "Campaign Calls Daily schedule has been disabled successfully" || got["id"] != id {
		t.Fatalf("disable = %v", got)
	}
	if s := h.srv.Campaign(id)["schedule"]; !reflect.DeepEqual(s, map[string]any{"isSchedulingEnabled": false, "isRecurrenceEnabled": false}) {
		t.Fatalf("schedule after disable = %v", s)
	}

	bad := func(rec map[string]any) map[string]any {
		return map[string]any{"startDateTime": "2026-01-01 08:00:00", "endDateTime": "2026-03-01 08:00:00", "recurrenceObject": rec}
	}
	for _, tc := range []struct {
		name, enable, campaign string
		body                   map[string]any
		status                 int
		msg                    string
	}{
		{"unknown campaign", "true", "Nope", daily, 404, "Campaign not found: Nope"},
		{"no name", "true", "", daily, 400, "campaignName query parameter is required"},
		{"bad enable", "yes", "Calls%20Daily", daily, 400, `enableSchedule query parameter must be true or false, got "yes"`},
		{"bad start", "true", "Calls%20Daily", map[string]any{"startDateTime": "2026-01-01T08:00:00Z", "endDateTime": "2026-03-01 08:00:00"}, 400,
			`startDateTime is required in the format YYYY-MM-DD HH:mm:ss, such as "2026-01-27 18:29:00", got 2026-01-01T08:00:00Z`},
		{"end before start", "true", "Calls%20Daily", map[string]any{"startDateTime": "2026-03-01 08:00:00", "endDateTime": "2026-01-01 08:00:00"}, 400, "endDateTime must be later than startDateTime and than now"},
		{"end in the past", "true", "Calls%20Daily", map[string]any{"startDateTime": "2024-03-01 08:00:00", "endDateTime": "2025-01-01 08:00:00"}, 400, "endDateTime must be later than startDateTime and than now"},
		{"no recurrence", "true", "Calls%20Daily", map[string]any{"startDateTime": "2026-01-01 08:00:00", "endDateTime": "2026-03-01 08:00:00"}, 400, "recurrenceObject is required and must be an object"},
		{"monthly", "true", "Calls%20Daily", bad(map[string]any{"recurType": "Monthly"}), 400, "recurrenceObject.recurType must be Daily or Weekly, got Monthly"},
		{"daily 0", "true", "Calls%20Daily", bad(map[string]any{"recurType": "Daily", "dailyDetails": map[string]any{"onceEveryNdays": 0}}), 400,
			"recurrenceObject.dailyDetails.onceEveryNdays is required for Daily and must be an integer of at least 1, got 0"},
		{"weekly no days", "true", "Calls%20Daily", bad(map[string]any{"recurType": "Weekly", "weeklyDetails": map[string]any{"onceEveryNweeks": 1}}), 400,
			"recurrenceObject.weeklyDetails.whichDays is required for Weekly and must be a non-empty array of Mon, Tue, Wed, Thu, Fri, Sat or Sun"},
		{"weekly bad day", "true", "Calls%20Daily", bad(map[string]any{"recurType": "Weekly", "weeklyDetails": map[string]any{"onceEveryNweeks": 1, "whichDays": []any{"Mon", "MO"}}}), 400,
			"recurrenceObject.weeklyDetails.whichDays[1] must be one of Mon, Tue, Wed, Thu, Fri, Sat or Sun, each once, got MO"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if msg := h.doPath(http.MethodPost, path(tc.enable, tc.campaign), tc.body).errorMsg(t, tc.status); msg != tc.msg {
				t.Fatalf("msg = %q, want %q", msg, tc.msg)
			}
		})
	}
	if s := h.srv.Campaign(id)["schedule"].(map[string]any); s["isSchedulingEnabled"] != false {
		t.Fatalf("a refused enable changed the schedule: %v", s)
	}
}

func TestCampaignDialResults(t *testing.T) {
	h, _ := campaignHarness(t, Config{})
	add := func(list string, phones ...string) {
		data := []any{}
		for _, p := range phones {
			data = append(data, map[string]any{"phoneNumber": p})
		}
		h.doPath(http.MethodPost, campaignBasePath+DefaultStreamID+"/campaign/contactList/addContacts",
			map[string]any{"contact_list_name": list, "data": data}).object(t, http.StatusOK)
	}
	add("Leads", "14155550101", "14155550102", "14155550103")
	add("DNC", "14155550102")
	id := h.readyCampaign("voice", voiceBody("Calls", "Agentless"))
	view := func(body any) map[string]any {
		t.Helper()
		res := h.doPath(http.MethodPost, campaignBasePath+DefaultStreamID+"/campaign/"+id+"/status?view=contacts", body).object(t, http.StatusOK)
		if res["status"] != "success" {
			t.Fatalf("answer = %v", res)
		}
		return res["data"].(map[string]any)
	}
	if got := view(nil); !reflect.DeepEqual(got, map[string]any{"results": []any{}, "page": 1.0, "limit": 50.0, "totalPages": 0.0, "totalResults": 0.0}) {
		t.Fatalf("before start = %v", got)
	}
	h.doCampaign(http.MethodPost, "/campaign/trigger/"+id+"?campaignType=voice&trigger=play", map[string]any{}).object(t, 200)
	got := view(map[string]any{"page": 2, "limit": 1})
	want := map[string]any{"results": []any{map[string]any{
		"phoneNumber": "14155550103", "uniqueId": "", "dialerOutcome": "", "numberOfAttemptsSoFar": 0.0, "botSessionId": "",
		"agentDispositionCodes": []any{}, "botOutboundStatus": "", "botOutboundStatusDetail": "",
	}}, "page": 2.0, "limit": 1.0, "totalPages": 2.0, "totalResults": 2.0}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("page 2 = %v, want %v", got, want)
	}
	row := map[string]any{"phoneNumber": "919876543210", "dialerOutcome": "completed", "numberOfAttemptsSoFar": 1, "agentDispositionCodes": []any{"System Generated"}}
	h.srv.SetCampaignDialResults(id, []map[string]any{row})
	if got := view(map[string]any{})["results"].([]any); len(got) != 1 || got[0].(map[string]any)["dialerOutcome"] != "completed" {
		t.Fatalf("set rows = %v", got)
	}
	for _, tc := range []struct {
		body map[string]any
		msg  string
	}{
		{map[string]any{"page": 0}, "page must be an integer of at least 1, got 0"},
		{map[string]any{"limit": 101}, "limit must be an integer from 1 to 100, got 101"},
		{map[string]any{"limit": "10"}, "limit must be an integer from 1 to 100, got 10"},
	} {
		res := h.doPath(http.MethodPost, campaignBasePath+DefaultStreamID+"/campaign/"+id+"/status?view=contacts", tc.body)
		if msg := res.errorMsg(t, 400); msg != tc.msg {
			t.Errorf("msg = %q, want %q", msg, tc.msg)
		}
	}
	sms := h.createCampaign("sms", smsBody("Texts", "simple"))
	res := h.doPath(http.MethodPost, campaignBasePath+DefaultStreamID+"/campaign/"+sms+"/status?view=contacts", nil)
	if msg := res.errorMsg(t, 400); msg != "view=contacts is for voice campaigns; "+sms+" is an SMS campaign" {
		t.Fatalf("msg = %q", msg)
	}
}
