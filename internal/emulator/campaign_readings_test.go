package emulator

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// campaignReadingsDefaultJSON is the JSON of the default campaign readings,
// without braces: the admin member names are part of the emulator's
// interface for tests that drive a separate process.
const campaignReadingsDefaultJSON = `"campaignIdField":"documented","campaignPreparingReads":1,"campaignTransitionReads":0,` +
	`"campaignAltPaths":false,"campaignPrintedPathsOnly":false,"campaignVoiceUpdateAsSms":false,"campaignMachineDetectEcho":false`

// campaignReadingsCount is the number of CampaignReadings members.
func campaignReadingsCount(t *testing.T) int {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(must(json.Marshal(CampaignReadings{}.withDefaults())), &m); err != nil {
		t.Fatal(err)
	}
	return len(m)
}

func TestCampaignReadingsJSONNames(t *testing.T) {
	data := must(json.Marshal(CampaignReadings{}.withDefaults()))
	if string(data) != "{"+campaignReadingsDefaultJSON+"}" {
		t.Fatalf("JSON = %s, want {%s}", data, campaignReadingsDefaultJSON)
	}
}

func TestCampaignReadingIDField(t *testing.T) {
	for _, tc := range []struct {
		mode                          CampaignIDFieldMode
		voiceCreate, smsCreate, read  string
		voiceEntry, smsEntry, statusK string
	}{
		{"", "id", "_id", "_id", "_id", "id", "id"},
		{CampaignIDPlain, "id", "id", "id", "id", "id", "id"},
		{CampaignIDUnderscore, "_id", "_id", "_id", "_id", "_id", "_id"},
	} {
		t.Run(string(tc.mode), func(t *testing.T) {
			h, _ := campaignHarness(t, Config{Readings: Readings{CampaignReadings: CampaignReadings{CampaignIDField: tc.mode}}})
			only := func(m map[string]any, key string) string {
				t.Helper()
				other := map[string]string{"id": "_id", "_id": "id"}[key]
				if _, both := m[other]; both {
					t.Fatalf("answer has both id members: %v", m)
				}
				id, _ := m[key].(string)
				if id == "" {
					t.Fatalf("answer has no %s: %v", key, m)
				}
				return id
			}
			v := h.doCampaign(http.MethodPost, "/campaign?campaignType=voice", voiceBody("Calls", "Agentless")).object(t, 200)["data"].(map[string]any)
			voice := only(v, tc.voiceCreate)
			s := h.doCampaign(http.MethodPost, "/campaign?campaignType=sms", smsBody("Texts", "simple")).object(t, 200)["data"].(map[string]any)
			sms := only(s, tc.smsCreate)
			for _, id := range []string{voice, sms} {
				if got := only(h.doCampaign(http.MethodGet, "/campaign/"+id, nil).object(t, 200)["data"].(map[string]any), tc.read); got != id {
					t.Fatalf("read id = %s, want %s", got, id)
				}
			}
			only(h.listCampaigns(map[string]any{"type": "voice"})["results"].([]any)[0].(map[string]any), tc.voiceEntry)
			only(h.listCampaigns(map[string]any{"type": "sms"})["results"].([]any)[0].(map[string]any), tc.smsEntry)
			only(h.doCampaign(http.MethodPost, "/campaign/"+voice+"/status", nil).object(t, 200)["data"].(map[string]any), tc.statusK)
		})
	}
}

func TestCampaignReadingPreparingReads(t *testing.T) {
	for _, tc := range []struct {
		reads  int
		create string
		want   []string
	}{
		{0, "Preparing", []string{"Preparing", "Ready", "Ready"}},
		{3, "Preparing", []string{"Preparing", "Preparing", "Preparing", "Ready"}},
		{-1, "Ready", []string{"Ready", "Ready"}},
	} {
		h, _ := campaignHarness(t, Config{Readings: Readings{CampaignReadings: CampaignReadings{CampaignPreparingReads: tc.reads}}})
		data := h.doCampaign(http.MethodPost, "/campaign?campaignType=sms", smsBody("Texts", "simple")).object(t, 200)["data"].(map[string]any)
		if data["status"] != tc.create {
			t.Fatalf("reads %d: create status = %v, want %s", tc.reads, data["status"], tc.create)
		}
		id := data["_id"].(string)
		var got []string
		for i := range tc.want {
			if i%2 == 0 {
				got = append(got, h.doCampaign(http.MethodGet, "/campaign/"+id, nil).object(t, 200)["data"].(map[string]any)["status"].(string))
			} else {
				got = append(got, h.campaignStatus(id))
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Fatalf("reads %d: statuses = %v, want %v", tc.reads, got, tc.want)
		}
	}
}

func TestCampaignReadingTransitionReads(t *testing.T) {
	h, _ := campaignHarness(t, Config{Readings: Readings{CampaignReadings: CampaignReadings{CampaignTransitionReads: 2}}})
	id := h.readyCampaign("voice", voiceBody("Calls", "Agentless"))
	play := h.doCampaign(http.MethodPost, "/campaign/trigger/"+id+"?campaignType=voice&trigger=play", map[string]any{}).object(t, 200)
	if play["status"] != "Active" {
		t.Fatalf("start answer = %v", play)
	}
	// A second start before reads see the first is still refused.
	if msg := h.doCampaign(http.MethodPost, "/campaign/trigger/"+id+"?campaignType=voice&trigger=play", map[string]any{}).errorMsg(t, 400); msg != "Campaign Calls is already Active" {
		t.Fatalf("msg = %q", msg)
	}
	var got []string
	for range 3 {
		got = append(got, h.campaignStatus(id))
	}
	if want := []string{"Ready", "Ready", "Active"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after start = %v, want %v", got, want)
	}
	h.doCampaign(http.MethodPost, "/campaign/trigger/"+id+"?campaignType=voice&trigger=stop", map[string]any{}).object(t, 200)
	got = nil
	for range 3 {
		got = append(got, h.doCampaign(http.MethodGet, "/campaign/"+id, nil).object(t, 200)["data"].(map[string]any)["status"].(string))
	}
	if want := []string{"Active", "Active", "Stopped"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after stop = %v, want %v", got, want)
	}
}

func TestCampaignReadingAltPaths(t *testing.T) {
	for _, on := range []bool{false, true} {
		h, _ := campaignHarness(t, Config{Readings: Readings{CampaignReadings: CampaignReadings{CampaignAltPaths: on}}})
		id := h.readyCampaign("voice", voiceBody("Calls", "Agentless"))
		status := http.StatusNotFound
		if on {
			status = http.StatusOK
		}
		res := h.doPath(http.MethodPost, altPrefix11+DefaultStreamID+"/campaign/contactList/addContacts",
			map[string]any{"contact_list_name": "Leads", "data": []any{map[string]any{"phoneNumber": "14155550100"}}})
		if res.status != status {
			t.Fatalf("alt %v: add contacts status %d; body %s", on, res.status, res.body)
		}
		res = h.doPath(http.MethodPost, altPrefixV2+DefaultStreamID+"/campaign/trigger/"+id+"?accountId="+DefaultAccountID+"&campaignType=voice&trigger=play", map[string]any{})
		if res.status != status {
			t.Fatalf("alt %v: start status %d; body %s", on, res.status, res.body)
		}
		adv := smsBody("Advanced", "advanced")
		res = h.doPath(http.MethodPost, altPrefixV2+DefaultStreamID+"/campaign?accountId="+DefaultAccountID+"&campaignType=sms", adv)
		if res.status != status {
			t.Fatalf("alt %v: create status %d; body %s", on, res.status, res.body)
		}
		// Only the routes a page prints the prefix for.
		h.doPath(http.MethodGet, altPrefixV2+DefaultStreamID+"/campaign/"+id+"?accountId="+DefaultAccountID, nil).errorMsg(t, http.StatusNotFound)
		if !on {
			continue
		}
		if n := h.srv.ContactListNumbers(h.srv.ContactListByName("Leads")["_id"].(string)); len(n) != 1 {
			t.Fatalf("numbers = %v", n)
		}
		for key, n := range map[string]int{"POST /campaign/contactList/addContacts": 1, "POST /campaign/trigger/{id}": 1, "POST /campaign": 2} {
			if got := h.srv.Count(key); got != n {
				t.Errorf("Count(%q) = %d, want %d", key, got, n)
			}
		}
	}
}

func TestCampaignReadingPrintedPathsOnly(t *testing.T) {
	h, _ := campaignHarness(t, Config{Readings: Readings{CampaignReadings: CampaignReadings{CampaignPrintedPathsOnly: true}}})
	// The voice and simple SMS creates stay at the base path.
	id := h.readyCampaign("voice", voiceBody("Calls", "Agentless"))
	h.createCampaign("sms", smsBody("Texts", "simple"))
	adv := smsBody("Advanced", "advanced")
	contacts := map[string]any{"contact_list_name": "Leads", "data": []any{map[string]any{"phoneNumber": "14155550100"}}}
	// At the base path the printed routes are no route.
	for _, res := range []*response{
		h.doCampaign(http.MethodPost, "/campaign/trigger/"+id+"?campaignType=voice&trigger=play", map[string]any{}),
		h.doCampaign(http.MethodPost, "/campaign?campaignType=sms", adv),
		h.doPath(http.MethodPost, campaignBasePath+DefaultStreamID+"/campaign/contactList/addContacts", contacts),
	} {
		if msg := res.errorMsg(t, http.StatusNotFound); !strings.HasPrefix(msg, "Route not found: POST /campaign/api/v2/public/") {
			t.Fatalf("base path msg = %q", msg)
		}
	}
	if h.srv.Count("POST <unmatched>") != 3 || h.srv.Count("POST /campaign/trigger/{id}") != 0 || h.srv.Count("POST /campaign") != 2 {
		t.Fatalf("counts after the base path: unmatched %d, trigger %d, create %d",
			h.srv.Count("POST <unmatched>"), h.srv.Count("POST /campaign/trigger/{id}"), h.srv.Count("POST /campaign"))
	}
	// At the printed prefix they answer, and the body read to tell the
	// advanced create reaches the handler whole.
	h.doPath(http.MethodPost, altPrefixV2+DefaultStreamID+"/campaign/trigger/"+id+"?accountId="+DefaultAccountID+"&campaignType=voice&trigger=play", map[string]any{}).object(t, 200)
	data := h.doPath(http.MethodPost, altPrefixV2+DefaultStreamID+"/campaign?accountId="+DefaultAccountID+"&campaignType=sms", adv).object(t, 200)["data"].(map[string]any)
	if data["name"] != "Advanced" || data["format"] != "advanced" {
		t.Fatalf("advanced create = %v", data)
	}
	h.doPath(http.MethodPost, altPrefix11+DefaultStreamID+"/campaign/contactList/addContacts", contacts).object(t, 200)
	for key, n := range map[string]int{"POST /campaign/contactList/addContacts": 1, "POST /campaign/trigger/{id}": 1, "POST /campaign": 3, "POST <unmatched>": 3} {
		if got := h.srv.Count(key); got != n {
			t.Errorf("Count(%q) = %d, want %d", key, got, n)
		}
	}
	// The routes no page prints another prefix for stay at the base path
	// alone.
	h.doCampaign(http.MethodGet, "/campaign/"+id, nil).object(t, 200)
	h.doPath(http.MethodGet, altPrefixV2+DefaultStreamID+"/campaign/"+id+"?accountId="+DefaultAccountID, nil).errorMsg(t, http.StatusNotFound)
}

func TestCampaignReadingVoiceUpdateAsSMS(t *testing.T) {
	for _, on := range []bool{false, true} {
		h, _ := campaignHarness(t, Config{Readings: Readings{CampaignReadings: CampaignReadings{CampaignVoiceUpdateAsSMS: on}}})
		voice := h.createCampaign("voice", voiceBody("Calls", "Agentless"))
		sms := h.createCampaign("sms", smsBody("Texts", "simple"))
		res := h.doCampaign(http.MethodPut, "/campaign/"+voice+"?campaignType=sms", voiceBody("Calls 2", "Agentless"))
		if on {
			if res.object(t, 200)["data"].(map[string]any)["name"] != "Calls 2" {
				t.Fatalf("update = %s", res.body)
			}
		} else if msg := res.errorMsg(t, 400); msg != "Campaign "+voice+" is a voice campaign, not sms" {
			t.Fatalf("msg = %q", msg)
		}
		// Never the other way round.
		h.doCampaign(http.MethodPut, "/campaign/"+sms+"?campaignType=voice", smsBody("Texts", "simple")).errorMsg(t, 400)
	}
}

func TestCampaignReadingMachineDetectEcho(t *testing.T) {
	for _, on := range []bool{false, true} {
		h, _ := campaignHarness(t, Config{Readings: Readings{CampaignReadings: CampaignReadings{CampaignMachineDetectEcho: on}}})
		body := voiceBody("Calls", "Agentless")
		body["enableMachineDetect"] = "no"
		v := h.doCampaign(http.MethodPost, "/campaign?campaignType=voice", body).object(t, 200)["data"].(map[string]any)
		if v["enableMachineDetect"] != false {
			t.Fatalf("create enableMachineDetect = %v", v["enableMachineDetect"])
		}
		id := v["id"].(string)
		body["enableMachineDetect"] = "disconnect"
		answers := []map[string]any{
			h.doCampaign(http.MethodPut, "/campaign/"+id+"?campaignType=voice", body).object(t, 200)["data"].(map[string]any),
			h.doCampaign(http.MethodGet, "/campaign/"+id, nil).object(t, 200)["data"].(map[string]any),
			h.listCampaigns(map[string]any{"type": "voice"})["results"].([]any)[0].(map[string]any),
		}
		for i, a := range answers {
			got, present := a["enableMachineDetect"]
			if present != on || on && got != true {
				t.Fatalf("echo %v: answer %d enableMachineDetect = %v (present %v)", on, i, got, present)
			}
			if _, ok := a["queue_name"]; ok {
				t.Fatalf("answer %d carries queue_name", i)
			}
		}
	}
}

func TestCampaignReadingsValidate(t *testing.T) {
	for _, bad := range []CampaignReadings{{CampaignIDField: "ID"}, {CampaignPreparingReads: -2}, {CampaignTransitionReads: -1}} {
		if err := (Readings{CampaignReadings: bad}).Validate(); err == nil {
			t.Errorf("Validate(%+v) = nil", bad)
		}
	}
	h := newHarness(t, Config{})
	got := adminReadings(t, h.admin(http.MethodPut, "/_emulator/config", `{"campaignIdField":"_id","campaignPreparingReads":-1,"campaignAltPaths":true}`))
	if got["campaignIdField"] != "_id" || got["campaignPreparingReads"] != -1.0 || got["campaignAltPaths"] != true {
		t.Fatalf("config = %v", got)
	}
	h.admin(http.MethodPut, "/_emulator/config", `{"campaignIdField":"uuid"}`).errorMsg(t, 400)
}

// TestCampaignMissingObjectStatus: the campaign routes answer a missing
// contact list or campaign with Readings.MissingObjectStatus, as the other
// kinds do, with the same message.
func TestCampaignMissingObjectStatus(t *testing.T) {
	h := newHarness(t, Config{Readings: Readings{MissingObjectStatus: http.StatusBadRequest}})
	for _, tc := range []struct {
		method, path string
		body         any
		msg          string
	}{
		{http.MethodGet, campaignPath("/campaign/contactList/cl-missing"), nil, "Contact list not found: cl-missing"},
		{http.MethodPut, campaignPath("/campaign/contactList/cl-missing"), map[string]any{"name": "x"}, "Contact list not found: cl-missing"},
		{http.MethodDelete, campaignPath("/campaign/contactList/cl-missing"), nil, "Contact list not found: cl-missing"},
		{http.MethodGet, campaignPath("/campaign/contactList/cl-missing/getAllContacts"), nil, "Contact list not found: cl-missing"},
		{http.MethodGet, campaignPath("/campaign/cd-missing"), nil, "Campaign not found: cd-missing"},
		{http.MethodDelete, campaignPath("/campaign/cd-missing?campaignType=sms"), nil, "Campaign not found: cd-missing"},
		{http.MethodPost, campaignPath("/campaign/cd-missing/status"), nil, "Campaign not found: cd-missing"},
		{http.MethodPost, campaignPath("/campaign/trigger/cd-missing?campaignType=sms&trigger=stop"), map[string]any{}, "Campaign not found: cd-missing"},
		{http.MethodPost, campaignBasePath + DefaultStreamID + "/campaign/schedule?enableSchedule=false&campaignName=Nobody", map[string]any{}, "Campaign not found: Nobody"},
	} {
		if msg := h.doPath(tc.method, tc.path, tc.body).errorMsg(t, http.StatusBadRequest); msg != tc.msg {
			t.Errorf("%s %s: msg = %q, want %q", tc.method, tc.path, msg, tc.msg)
		}
	}
}
