package emulator

import (
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

var (
	voiceCampaignIDPattern = regexp.MustCompile(`^cd-[0-9a-f]{7}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	smsCampaignIDPattern   = regexp.MustCompile(`^cd-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
)

// campaignHarness is a harness with the contact lists "Leads" and "DNC".
func campaignHarness(t *testing.T, cfg Config) (*harness, *fakeClock) {
	t.Helper()
	clock := newFakeClock()
	cfg.Now = clock.Now
	h := newHarness(t, cfg)
	h.createList(newListBody("Leads"))
	h.createList(newListBody("DNC"))
	return h, clock
}

func callingHours() map[string]any {
	return map[string]any{"frequency": "WEEKLY", "timezone": "Asia/Kolkata", "days": []any{
		map[string]any{"day": "MO", "start": "9:00 AM", "end": "6:00 PM"},
		map[string]any{"day": "FR", "start": "10:30 AM", "end": "1:00 PM"},
	}}
}

func voiceBody(name, mode string) map[string]any {
	b := map[string]any{
		"name": name, "description": "Renewal calls", "contactLists": []any{"Leads"},
		"dncLists": map[string]any{"name": "DNC"}, "priority": "3", "dialingMode": mode,
		"dialingStrategy": map[string]any{
			"callerId":     map[string]any{"phoneNumber": "+14155550100"},
			"callingHours": callingHours(),
			"dialingOrder": "FIFO", "maxAttemptsPerRecord": 3, "defaultRetryPeriod": 10, "maxRingTime": 30,
		},
		"schedule": map[string]any{"isSchedulingEnabled": false}, "campaignType": "voice",
	}
	switch mode {
	case "Agentless":
		b["experienceFlowName"], b["enableMachineDetect"] = "Survey Flow", "detect"
	case "Progressive":
		b["queue_name"] = "Support"
	case "Preview":
		b["queue_name"], b["maxSkips"] = "Support", 2
	}
	return b
}

func smsBody(name, format string) map[string]any {
	b := map[string]any{
		"name": name, "description": "Reminders", "contactLists": []any{"Leads"},
		"priority": "5", "format": format, "campaignType": "sms",
		"dialingStrategy": map[string]any{"callerId": map[string]any{"phoneNumber": "+14155550199"}, "callingHours": callingHours()},
		"schedule":        map[string]any{"isSchedulingEnabled": false},
	}
	if format == "simple" {
		b["message"] = map[string]any{"message": "SGVsbG8="}
	} else {
		b["experienceFlowName"] = "SMS Support Flow"
	}
	return b
}

// createCampaign creates a campaign and returns its id, read from the
// member the default reading answers it in.
func (h *harness) createCampaign(kind string, body map[string]any) string {
	h.t.Helper()
	data := h.doCampaign(http.MethodPost, "/campaign?campaignType="+kind, body).
		data(h.t, "Campaign "+body["name"].(string)+" creation in progress").(map[string]any)
	key := "_id"
	if kind == "voice" {
		key = "id"
	}
	id, _ := data[key].(string)
	if id == "" {
		h.t.Fatalf("create answer has no %s: %v", key, data)
	}
	return id
}

func wantStrategy(voice bool) map[string]any {
	hours := map[string]any{"frequency": "WEEKLY", "timezone": "Asia/Kolkata", "days": []any{
		map[string]any{"day": "MO", "start": "9:00 AM", "end": "6:00 PM"},
		map[string]any{"day": "FR", "start": "10:30 AM", "end": "1:00 PM"},
	}}
	if !voice {
		return map[string]any{"callerId": map[string]any{"phoneNumber": "+14155550199"}, "callingHours": hours}
	}
	return map[string]any{"callerId": map[string]any{"phoneNumber": "+14155550100"}, "callingHours": hours,
		"dialingOrder": "FIFO", "maxAttemptsPerRecord": 3.0, "defaultRetryPeriod": 10.0, "maxRingTime": 30.0, "useSystemMappings": false}
}

func TestCampaignVoiceCreateGetPreparing(t *testing.T) {
	h, _ := campaignHarness(t, Config{})
	dnc := h.srv.ContactListByName("DNC")["_id"]
	res := h.doCampaign(http.MethodPost, "/campaign?campaignType=voice", voiceBody("Renewals", "Agentless"))
	created := res.data(t, "Campaign Renewals creation in progress").(map[string]any)
	id, _ := created["id"].(string)
	if !voiceCampaignIDPattern.MatchString(id) {
		t.Fatalf("id = %v", created["id"])
	}
	now := "2025-08-05T06:42:06.414Z"
	flow := derivedID("cf-", "flow:Survey Flow")
	want := map[string]any{
		"id": id, "name": "Renewals", "lname": "renewals", "description": "Renewal calls",
		"dncLists": map[string]any{"id": dnc, "name": "DNC"}, "priority": "3", "dialingMode": "Agentless",
		"dialingStrategy": wantStrategy(true), "experienceFlow": flow, "status": "Preparing",
		"isFiltersEnabled": false, "createdAt": now, "updatedAt": now,
		"contactLists": []any{"Leads"}, "enableMachineDetect": true,
	}
	if !reflect.DeepEqual(created, want) {
		t.Fatalf("create data =\n%v\nwant\n%v", created, want)
	}

	// The first read answers Preparing, the next Ready; neither carries
	// queue_name or enableMachineDetect.
	delete(want, "id")
	delete(want, "enableMachineDetect")
	want["_id"] = id
	want["schedule"] = map[string]any{"isSchedulingEnabled": false, "isRecurrenceEnabled": false}
	for _, status := range []string{"Preparing", "Ready", "Ready"} {
		got := h.doCampaign(http.MethodGet, "/campaign/"+id, nil).data(t, "Campaign Renewals retrieved successfully")
		want["status"] = status
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("get data =\n%v\nwant\n%v", got, want)
		}
	}
	if rec := h.srv.Campaign(id); rec["status"] != "Ready" || rec["enableMachineDetect"] != "detect" || rec["campaignType"] != "voice" {
		t.Fatalf("record = %v", rec)
	}
	if n := h.srv.Count("GET /campaign/{id}"); n != 3 {
		t.Fatalf("GET count = %d", n)
	}
	if msg := h.doCampaign(http.MethodGet, "/campaign/cd-nope", nil).errorMsg(t, 404); msg != "Campaign not found: cd-nope" {
		t.Fatalf("msg = %q", msg)
	}
}

func TestCampaignVoiceModes(t *testing.T) {
	h, _ := campaignHarness(t, Config{})
	prog := h.createCampaign("voice", voiceBody("Progressive one", "Progressive"))
	prev := h.createCampaign("voice", voiceBody("Preview one", "Preview"))
	for id, extra := range map[string]map[string]any{prog: {}, prev: {"maxSkips": 2.0}} {
		got := h.doCampaign(http.MethodGet, "/campaign/"+id, nil).object(t, http.StatusOK)["data"].(map[string]any)
		for _, k := range []string{"queue_name", "enableMachineDetect", "experienceFlow", "connection"} {
			if _, ok := got[k]; ok {
				t.Errorf("%s read carries %s: %v", got["dialingMode"], k, got[k])
			}
		}
		for k, v := range extra {
			if got[k] != v {
				t.Errorf("%s = %v, want %v", k, got[k], v)
			}
		}
	}
	if rec := h.srv.Campaign(prev); rec["queueId"] != supportQueueID || rec["maxSkips"] != 2.0 {
		t.Fatalf("record = %v", rec)
	}
}

func TestCampaignSMSCreate(t *testing.T) {
	h, _ := campaignHarness(t, Config{})
	created := h.doCampaign(http.MethodPost, "/campaign?campaignType=sms", smsBody("Reminder", "simple")).
		data(t, "Campaign Reminder creation in progress").(map[string]any)
	id, _ := created["_id"].(string)
	if !smsCampaignIDPattern.MatchString(id) {
		t.Fatalf("_id = %v", created["_id"])
	}
	now := "2025-08-05T06:42:06.414Z"
	want := map[string]any{
		"_id": id, "name": "Reminder", "lname": "reminder", "description": "Reminders", "status": "Preparing",
		"priority": "5", "dialingStrategy": wantStrategy(false), "message": map[string]any{"message": "SGVsbG8="},
		"isImported": false, "isFiltersEnabled": false, "createdAt": now, "updatedAt": now,
		"schedule":     map[string]any{"isSchedulingEnabled": false, "isRecurrenceEnabled": false},
		"contactLists": []any{"Leads"}, "format": "simple",
	}
	if !reflect.DeepEqual(created, want) {
		t.Fatalf("create data =\n%v\nwant\n%v", created, want)
	}

	tmpl := smsBody("Template one", "simple")
	tmpl["message"] = map[string]any{"template_name": "Welcome", "message": "V2VsY29tZQ=="}
	tmpl["dncLists"] = map[string]any{"name": "DNC"}
	tid := h.createCampaign("sms", tmpl)
	got := h.srv.Campaign(tid)
	if msg := got["message"].(map[string]any); msg["templateId"] != derivedID("cmt-", "template:Welcome") || msg["template_name"] != "Welcome" {
		t.Fatalf("message = %v", msg)
	}
	read := h.doCampaign(http.MethodGet, "/campaign/"+tid, nil).data(t, "Campaign Template one retrieved successfully").(map[string]any)
	if !reflect.DeepEqual(read["dncLists"], map[string]any{"name": "DNC"}) {
		t.Fatalf("dncLists = %v", read["dncLists"])
	}

	adv := smsBody("Advanced one", "advanced")
	delete(adv, "description")
	delete(adv, "priority")
	aid := h.createCampaign("sms", adv)
	read = h.doCampaign(http.MethodGet, "/campaign/"+aid, nil).object(t, 200)["data"].(map[string]any)
	if read["experienceFlow"] != derivedID("cf-", "flow:SMS Support Flow") || read["format"] != "advanced" || read["description"] != "" || read["priority"] != nil {
		t.Fatalf("advanced read = %v", read)
	}
}

func TestCampaignCreateRefused(t *testing.T) {
	h, _ := campaignHarness(t, Config{})
	h.createCampaign("sms", smsBody("Taken", "simple"))
	with := func(b map[string]any, path string, v any) map[string]any {
		cur := b
		parts := strings.Split(path, ".")
		for _, p := range parts[:len(parts)-1] {
			cur = cur[p].(map[string]any)
		}
		if v == nil {
			delete(cur, parts[len(parts)-1])
		} else {
			cur[parts[len(parts)-1]] = v
		}
		return b
	}
	cases := []struct {
		name, kind string
		body       map[string]any
		status     int
		msg        string
	}{
		{"no kind", "", smsBody("x", "simple"), 400, "campaignType query parameter is required: sms or voice"},
		{"other kind", "email", smsBody("x", "simple"), 400, `campaignType must be sms or voice, got "email"`},
		{"kinds disagree", "sms", voiceBody("x", "Agentless"), 400, `campaignType in the body must be "sms", as the campaignType query parameter says, got voice`},
		{"name too long", "sms", with(smsBody("x", "simple"), "name", strings.Repeat("n", 49)), 400, "name must be at most 48 characters"},
		{"no description", "voice", with(voiceBody("x", "Agentless"), "description", nil), 400, "description is required"},
		{"description too long", "sms", with(smsBody("x", "simple"), "description", strings.Repeat("d", 257)), 400, "description must be at most 256 characters"},
		{"priority 6", "sms", with(smsBody("x", "simple"), "priority", "6"), 400, `priority is required and must be one of "1", "2", "3", "4" or "5" (a string), got 6`},
		{"priority number", "voice", with(voiceBody("x", "Agentless"), "priority", 5), 400, `priority is required and must be one of "1", "2", "3", "4" or "5" (a string), got 5`},
		{"no contact lists", "sms", with(smsBody("x", "simple"), "contactLists", []any{}), 400, "contactLists is required and must be a non-empty array of contact list names"},
		{"unknown contact list", "sms", with(smsBody("x", "simple"), "contactLists", []any{"Leads", "Nope"}), 400, "Contact list not found: Nope"},
		{"voice without DNC", "voice", with(voiceBody("x", "Agentless"), "dncLists", nil), 400, "dncLists is required and must be an object with the name of a contact list"},
		{"unknown DNC", "voice", with(voiceBody("x", "Agentless"), "dncLists", map[string]any{"name": "Nope"}), 400, "DNC list not found: Nope"},
		{"bad mode", "voice", with(voiceBody("x", "Agentless"), "dialingMode", "Predictive"), 400, "dialingMode is required and must be one of Agentless, Progressive or Preview, got Predictive"},
		{"agentless without flow", "voice", with(voiceBody("x", "Agentless"), "experienceFlowName", nil), 400, "experienceFlowName is required"},
		{"agentless bad AMD", "voice", with(voiceBody("x", "Agentless"), "enableMachineDetect", true), 400, "enableMachineDetect is required in Agentless mode and must be one of no, detect or disconnect, got true"},
		{"progressive with AMD", "voice", with(voiceBody("x", "Progressive"), "enableMachineDetect", "no"), 400, "enableMachineDetect is supported in Agentless mode only, not in Progressive mode"},
		{"progressive without queue", "voice", with(voiceBody("x", "Progressive"), "queue_name", nil), 400, "queue_name is required"},
		{"unknown queue", "voice", with(voiceBody("x", "Preview"), "queue_name", "Nope"), 400, "Queue not found: Nope"},
		{"preview without maxSkips", "voice", with(voiceBody("x", "Preview"), "maxSkips", nil), 400, "maxSkips is required in Preview mode and must be a non-negative integer, got <nil>"},
		{"bad day", "sms", with(smsBody("x", "simple"), "dialingStrategy.callingHours.days", []any{map[string]any{"day": "MON", "start": "9:00 AM", "end": "6:00 PM"}}), 400, "dialingStrategy.callingHours.days[0].day must be one of MO, TU, WE, TH, FR, SA or SU, got MON"},
		{"bad time", "sms", with(smsBody("x", "simple"), "dialingStrategy.callingHours.days", []any{map[string]any{"day": "MO", "start": "09:00", "end": "6:00 PM"}}), 400, `dialingStrategy.callingHours.days[0].start must be a time such as "9:00 AM", got 09:00`},
		{"bad time zone", "voice", with(voiceBody("x", "Agentless"), "dialingStrategy.callingHours.timezone", "India/Kolkata"), 400, `dialingStrategy.callingHours.timezone "India/Kolkata" is not an IANA time zone`},
		{"bad frequency", "sms", with(smsBody("x", "simple"), "dialingStrategy.callingHours.frequency", "MONTHLY"), 400, "dialingStrategy.callingHours.frequency must be one of WEEKLY, DAILY or CUSTOM, got MONTHLY"},
		{"no caller id", "sms", with(smsBody("x", "simple"), "dialingStrategy.callerId", nil), 400, "dialingStrategy.callerId.phoneNumber is required and must be a string"},
		{"ring time", "voice", with(voiceBody("x", "Agentless"), "dialingStrategy.maxRingTime", 4), 400, "dialingStrategy.maxRingTime is required and must be an integer from 5 to 120, got 4"},
		{"attempts", "voice", with(voiceBody("x", "Agentless"), "dialingStrategy.maxAttemptsPerRecord", 101), 400, "dialingStrategy.maxAttemptsPerRecord is required and must be an integer from 1 to 100, got 101"},
		{"retry", "voice", with(voiceBody("x", "Agentless"), "dialingStrategy.defaultRetryPeriod", 1441), 400, "dialingStrategy.defaultRetryPeriod is required and must be an integer from 1 to 1440, got 1441"},
		{"order", "voice", with(voiceBody("x", "Agentless"), "dialingStrategy.dialingOrder", "RANDOM"), 400, "dialingStrategy.dialingOrder is required and must be FIFO or LIFO, got RANDOM"},
		{"sms format", "sms", with(smsBody("x", "simple"), "format", "fancy"), 400, "format is required and must be simple or advanced, got fancy"},
		{"simple without message", "sms", with(smsBody("x", "simple"), "message", nil), 400, "message is required for the simple format and must be an object"},
		{"simple empty message", "sms", with(smsBody("x", "simple"), "message", map[string]any{"message": ""}), 400, "message.message is required and must be a string"},
		{"advanced without flow", "sms", with(smsBody("x", "advanced"), "experienceFlowName", nil), 400, "experienceFlowName is required"},
		{"schedule not bool", "sms", with(smsBody("x", "simple"), "schedule.isSchedulingEnabled", "no"), 400, "schedule.isSchedulingEnabled must be a boolean"},
		{"duplicate name", "voice", voiceBody("TAKEN", "Agentless"), 409, "Campaign with name TAKEN already exists"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := "/campaign"
			if tc.kind != "" {
				path += "?campaignType=" + tc.kind
			}
			if msg := h.doCampaign(http.MethodPost, path, tc.body).errorMsg(t, tc.status); msg != tc.msg {
				t.Fatalf("msg = %q, want %q", msg, tc.msg)
			}
		})
	}
	if n := len(h.srv.Campaigns()); n != 1 {
		t.Fatalf("%d campaigns stored, want 1", n)
	}
}

func TestCampaignUpdate(t *testing.T) {
	h, clock := campaignHarness(t, Config{})
	id := h.createCampaign("voice", voiceBody("Calls", "Agentless"))
	other := h.createCampaign("sms", smsBody("Texts", "simple"))
	clock.Advance(time.Minute)

	// Agentless to Progressive: the flow and AMD go, the queue comes.
	body := voiceBody("Calls renamed", "Progressive")
	body["contactLists"] = []any{"DNC", "Leads"}
	res := h.doCampaign(http.MethodPut, "/campaign/"+id+"?campaignType=voice", body).object(t, http.StatusOK)
	if res["id"] != id || res["message"] != "Campaign Calls renamed details updated successfully" {
		t.Fatalf("envelope = %v", res)
	}
	data := res["data"].(map[string]any)
	if data["_id"] != id || data["name"] != "Calls renamed" || data["dialingMode"] != "Progressive" || data["experienceFlow"] != nil ||
		data["status"] != "Preparing" || data["updatedAt"] != "2025-08-05T06:43:06.414Z" || data["createdAt"] != "2025-08-05T06:42:06.414Z" ||
		!reflect.DeepEqual(data["contactLists"], []any{"DNC", "Leads"}) {
		t.Fatalf("update data = %v", data)
	}
	rec := h.srv.Campaign(id)
	if rec["experienceFlowName"] != nil || rec["enableMachineDetect"] != nil || rec["queueId"] != supportQueueID {
		t.Fatalf("record = %v", rec)
	}

	// SMS: no top-level id.
	res = h.doCampaign(http.MethodPut, "/campaign/"+other+"?campaignType=sms", smsBody("Texts", "advanced")).object(t, http.StatusOK)
	if _, ok := res["id"]; ok || res["data"].(map[string]any)["_id"] != other {
		t.Fatalf("sms update = %v", res)
	}

	for _, tc := range []struct {
		name, path string
		body       map[string]any
		status     int
		msg        string
	}{
		{"voice as sms", id + "?campaignType=sms", voiceBody("Calls renamed", "Progressive"), 400, "Campaign " + id + " is a voice campaign, not sms"},
		{"sms as voice", other + "?campaignType=voice", smsBody("Texts", "simple"), 400, "Campaign " + other + " is a sms campaign, not voice"},
		{"no kind", id, voiceBody("x", "Progressive"), 400, "campaignType query parameter is required: sms or voice"},
		{"duplicate", other + "?campaignType=sms", smsBody("calls RENAMED", "simple"), 409, "Campaign with name calls RENAMED already exists"},
		{"invalid", id + "?campaignType=voice", voiceBody(strings.Repeat("x", 49), "Progressive"), 400, "name must be at most 48 characters"},
		{"missing", "cd-nope?campaignType=voice", voiceBody("x", "Progressive"), 404, "Campaign not found: cd-nope"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if msg := h.doCampaign(http.MethodPut, "/campaign/"+tc.path, tc.body).errorMsg(t, tc.status); msg != tc.msg {
				t.Fatalf("msg = %q, want %q", msg, tc.msg)
			}
		})
	}
	if h.srv.Campaign(other)["name"] != "Texts" {
		t.Fatal("a refused update changed the campaign")
	}
}

func TestCampaignDeleteAndListsInUse(t *testing.T) {
	h, _ := campaignHarness(t, Config{})
	id := h.createCampaign("voice", voiceBody("Calls", "Agentless"))
	leads := h.srv.ContactListByName("Leads")["_id"].(string)
	dnc := h.srv.ContactListByName("DNC")["_id"].(string)

	list := h.doCampaign(http.MethodGet, "/campaign/contactList/"+dnc, nil).data(t, "").(map[string]any)
	if list["isListInUse"] != true || !reflect.DeepEqual(list["campaignInUse"], []any{map[string]any{"id": id, "name": "Calls"}}) {
		t.Fatalf("DNC list = %v", list)
	}
	if msg := h.doCampaign(http.MethodDelete, "/campaign/contactList/"+leads, nil).errorMsg(t, 400); msg != "Contact list Leads is in use by campaigns: Calls" {
		t.Fatalf("msg = %q", msg)
	}
	// A renamed list is followed by the campaign.
	h.doCampaign(http.MethodPut, "/campaign/contactList/"+leads, map[string]any{"name": "Leads 2"}).object(t, http.StatusOK)
	got := h.doCampaign(http.MethodGet, "/campaign/"+id, nil).object(t, 200)["data"].(map[string]any)
	if !reflect.DeepEqual(got["contactLists"], []any{"Leads 2"}) {
		t.Fatalf("contactLists = %v", got["contactLists"])
	}

	if msg := h.doCampaign(http.MethodDelete, "/campaign/"+id+"?campaignType=sms", nil).errorMsg(t, 400); msg != "Campaign "+id+" is a voice campaign, not sms" {
		t.Fatalf("msg = %q", msg)
	}
	deleted := h.doCampaign(http.MethodDelete, "/campaign/"+id+"?campaignType=voice", nil).data(t, "Campaign Calls deleted successfully").(map[string]any)
	if deleted["_id"] != id || deleted["status"] != "Ready" {
		t.Fatalf("deleted = %v", deleted)
	}
	if msg := h.doCampaign(http.MethodDelete, "/campaign/"+id+"?campaignType=voice", nil).errorMsg(t, 404); msg != "Campaign not found: "+id {
		t.Fatalf("msg = %q", msg)
	}
	h.doCampaign(http.MethodDelete, "/campaign/contactList/"+leads, nil).object(t, http.StatusOK)
	if n := h.srv.Count("DELETE /campaign/{id}"); n != 3 {
		t.Fatalf("DELETE count = %d", n)
	}
}

func TestCampaignSeed(t *testing.T) {
	seed := DefaultSeed()
	seed.ContactLists = []map[string]any{{"id": "cl-leads", "name": "Leads"}}
	seed.Campaigns = []map[string]any{{
		"id": "cd-seeded", "campaignType": "sms", "name": "Seeded", "contactListIds": []any{"cl-leads"},
		"format": "simple", "message": map[string]any{"message": "SGk="}, "priority": "2",
	}}
	h := newHarness(t, Config{Seed: seed})
	got := h.doCampaign(http.MethodGet, "/campaign/cd-seeded", nil).data(t, "Campaign Seeded retrieved successfully").(map[string]any)
	if got["status"] != "Ready" || got["lname"] != "seeded" || !reflect.DeepEqual(got["contactLists"], []any{"Leads"}) || got["_id"] != "cd-seeded" {
		t.Fatalf("seeded campaign = %v", got)
	}
	seed.Campaigns[0]["contactListIds"] = []any{"cl-nope"}
	defer func() {
		if recover() == nil {
			t.Fatal("New accepted a campaign naming an unseeded list")
		}
	}()
	New(Config{Seed: seed})
}
