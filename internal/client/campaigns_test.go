package client

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

const campaignBase = "/campaign/api/v2/public/" + testStream

func smsRequest() CampaignRequest {
	return CampaignRequest{
		Kind: CampaignSMS, Name: "Reminder", Description: "d", ContactLists: []string{"CL 1"},
		Priority: "5", CallerID: "+15550001111", Format: "simple", Message: "Hello",
		Hours: CampaignHoursRequest{Frequency: "WEEKLY", Timezone: "Asia/Kolkata",
			Days: []CampaignDayRequest{{Day: "MO", Start: "09:00", End: "18:30"}}},
	}
}

const smsCreateBody = `{"name":"Reminder","description":"d","contactLists":["CL 1"],"campaignType":"sms","priority":"5",
 "format":"simple","message":{"message":"SGVsbG8="},
 "dialingStrategy":{"callerId":{"phoneNumber":"+15550001111"},
  "callingHours":{"frequency":"WEEKLY","timezone":"Asia/Kolkata","days":[{"day":"MO","start":"9:00 AM","end":"6:30 PM"}]}},
 "schedule":{"isSchedulingEnabled":false}}`

// An SMS create answers the id as data._id, a voice create as data.id:
// both are read, and the body is the pages' shape (message in Base64,
// times as "9:00 AM", priority a string, queue_name).
func TestCampaignCreateReadsEitherID(t *testing.T) {
	for _, tc := range []struct {
		name, answer, want string
	}{
		{"sms _id", `{"status":"success","data":{"_id":"cd-1","name":"Reminder","status":"Ready"}}`, "cd-1"},
		{"voice id", `{"status":"success","data":{"id":"cd-2","name":"Reminder","status":"Preparing"}}`, "cd-2"},
		{"both, _id first", `{"data":{"_id":"cd-3","id":"","name":"Reminder"}}`, "cd-3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, api := newFakeAPI(t, answer(tc.answer))
			got, err := c.Campaigns.Create(t.Context(), smsRequest())
			if err != nil || string(got.ID) != tc.want {
				t.Fatalf("%+v, %v", got, err)
			}
			api.expectCalls(t, call(t, "POST", campaignBase+"/campaign?accountId=acct-1&campaignType=sms", smsCreateBody))
		})
	}
}

func TestCampaignVoiceBody(t *testing.T) {
	c, api := newFakeAPI(t, answer(`{"data":{"id":"cd-9","name":"V","status":"Preparing"}}`))
	three, ten, thirty, one := int64(3), int64(10), int64(30), int64(1)
	_, err := c.Campaigns.Create(t.Context(), CampaignRequest{
		Kind: CampaignVoice, Name: "V", Description: "d", ContactLists: []string{"A", "B"}, DNCList: "DNC",
		Priority: "1", CallerID: "+1555", DialingMode: "Preview", DialingOrder: "FIFO",
		MaxAttemptsPerRecord: &three, DefaultRetryPeriod: &ten, MaxRingTime: &thirty, QueueName: "Sales", MaxSkips: &one,
		Hours: CampaignHoursRequest{Frequency: "DAILY", Timezone: "UTC", Days: []CampaignDayRequest{{Day: "SU", Start: "00:00", End: "12:00"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	api.expectCalls(t, call(t, "POST", campaignBase+"/campaign?accountId=acct-1&campaignType=voice",
		`{"name":"V","description":"d","contactLists":["A","B"],"dncLists":{"name":"DNC"},"campaignType":"voice","priority":"1",
		  "dialingMode":"Preview","dialingStrategy":{"callerId":{"phoneNumber":"+1555"},
		  "callingHours":{"frequency":"DAILY","timezone":"UTC","days":[{"day":"SU","start":"12:00 AM","end":"12:00 PM"}]},
		  "dialingOrder":"FIFO","maxAttemptsPerRecord":3,"defaultRetryPeriod":10,"maxRingTime":30},
		  "schedule":{"isSchedulingEnabled":false},"queue_name":"Sales","maxSkips":1}`))
}

// An answer without an id goes through the one create decision: the list
// of the kind is read by name, and only a campaign created after the
// create began is taken; a same-named one from before is not.
func TestCampaignCreateWithoutIDAdoptsOnlyTheNewOne(t *testing.T) {
	began := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, list, want string
	}{
		{"new one", `[{"_id":"cd-old","name":"Reminder","createdAt":"2026-01-01T00:00:00Z"},{"id":"cd-new","name":"Reminder","createdAt":"2026-01-02T10:00:01Z"}]`, "cd-new"},
		{"only an old one", `[{"_id":"cd-old","name":"Reminder","createdAt":"2026-01-01T00:00:00Z"}]`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, api := newFakeAPI(t, func(r apiCall) (int, string) {
				if strings.HasSuffix(r.Path, "/getAllCampaignDetails") {
					return 0, `{"data":{"results":` + tc.list + `,"hasMore":false}}`
				}
				return 0, `{"status":"success","message":"creation in progress","data":{"name":"Reminder"}}`
			}, func(cfg *Config) { cfg.Now = func() time.Time { return began } })
			got, err := c.Campaigns.Create(t.Context(), smsRequest())
			if tc.want == "" {
				var u *UnconfirmedCreateError
				if !errors.As(err, &u) || !u.Created || len(u.FoundIDs) != 1 || u.FoundIDs[0] != "cd-old" {
					t.Fatalf("want an unconfirmed create naming cd-old, got %+v, %v", got, err)
				}
			} else if err != nil || string(got.ID) != tc.want {
				t.Fatalf("%+v, %v", got, err)
			}
			if calls := api.Calls(); len(calls) != 2 || calls[1].Path != campaignBase+"/campaign/getAllCampaignDetails" {
				t.Fatalf("calls: %v", calls)
			}
			if b, _ := json.Marshal(api.Calls()[1].Body); string(b) != `{"limit":100,"skip":0,"type":"sms"}` {
				t.Errorf("list body %s", b)
			}
		})
	}
}

const voiceSample = `{"status":"success","data":{"_id":"cd-9e1","name":"Feedback","description":"x",
 "dncLists":{"id":"cl-6","name":"DNC CL"},"priority":5,"dialingMode":"Agentless",
 "dialingStrategy":{"callerId":{"phoneNumber":"+1484"},"callingHours":{"frequency":"WEEKLY","timezone":"Asia/Kolkata",
  "days":[{"start":"9:00 AM","end":"6:00 PM","day":"MO"}]},"dialingOrder":"FIFO","maxAttemptsPerRecord":3,
  "defaultRetryPeriod":10,"maxRingTime":30,"useSystemMappings":false},
 "experienceFlow":"cf-ec","status":"Ready","createdAt":"2025-12-08T05:29:38.298Z",
 "schedule":{"isSchedulingEnabled":false,"isRecurrenceEnabled":false},"contactLists":["CL Only"],"enableMachineDetect":false}}`

func TestCampaignGetDecodesTheVoiceSample(t *testing.T) {
	c, api := newFakeAPI(t, answer(voiceSample))
	got, err := c.Campaigns.Get(t.Context(), "cd-9e1")
	if err != nil {
		t.Fatal(err)
	}
	ds := got.DialingStrategy.Value
	if got.ID != "cd-9e1" || got.Priority != "5" || got.DNCLists.Name != "DNC CL" || got.DNCLists.ID != "cl-6" ||
		got.Kind() != CampaignVoice || ds.CallingHours.Value.Days[0].Start != "9:00 AM" || *ds.MaxRingTime != 30 ||
		len(got.ContactLists) != 1 || got.Status != "Ready" || got.Schedule.Value.IsSchedulingEnabled {
		t.Fatalf("%+v", got)
	}
	api.expectCalls(t, call(t, "GET", campaignBase+"/campaign/cd-9e1?accountId=acct-1", ""))
}

// The update lays the request over the campaign as read: fields it does
// not manage (useSystemMappings, the schedule, the flow id) are sent back;
// the API's own (_id, status, timestamps) are not; the kind is the
// campaign's, whatever the page's path prints.
func TestCampaignUpdateKeepsWhatWasRead(t *testing.T) {
	var env campaignEnvelope[Campaign]
	env.Data = new(Campaign)
	if err := json.Unmarshal([]byte(voiceSample), &env); err != nil {
		t.Fatal(err)
	}
	c, api := newFakeAPI(t, answer(`{"status":"success","id":"cd-9e1","data":{"name":"Feedback 2"}}`))
	five := int64(5)
	got, err := c.Campaigns.Update(t.Context(), env.Data, CampaignRequest{
		Kind: CampaignVoice, Name: "Feedback 2", Description: "x", ContactLists: []string{"CL Only"}, DNCList: "DNC CL",
		Priority: "4", CallerID: "+1484", DialingMode: "Agentless", DialingOrder: "LIFO", MaxRingTime: &five,
		ExperienceFlowName: "Flow", EnableMachineDetect: "detect",
		Hours: CampaignHoursRequest{Frequency: "WEEKLY", Timezone: "Asia/Kolkata", Days: []CampaignDayRequest{{Day: "MO", Start: "09:00", End: "18:00"}}},
	})
	if err != nil || got.ID != "cd-9e1" || got.Name != "Feedback 2" {
		t.Fatalf("%+v, %v", got, err)
	}
	api.expectCalls(t, call(t, "PUT", campaignBase+"/campaign/cd-9e1?accountId=acct-1&campaignType=voice",
		`{"name":"Feedback 2","description":"x","dncLists":{"name":"DNC CL"},"priority":"4","dialingMode":"Agentless",
		  "dialingStrategy":{"callerId":{"phoneNumber":"+1484"},"callingHours":{"frequency":"WEEKLY","timezone":"Asia/Kolkata",
		    "days":[{"day":"MO","start":"9:00 AM","end":"6:00 PM"}]},"dialingOrder":"LIFO","maxAttemptsPerRecord":3,
		    "defaultRetryPeriod":10,"maxRingTime":5,"useSystemMappings":false},
		  "experienceFlow":"cf-ec","schedule":{"isSchedulingEnabled":false,"isRecurrenceEnabled":false},
		  "contactLists":["CL Only"],"enableMachineDetect":"detect","campaignType":"voice","experienceFlowName":"Flow"}`))
}

func TestCampaignDeleteAndStop(t *testing.T) {
	c, api := newFakeAPI(t, answer(`{"status":"success"}`))
	ctx := t.Context()
	if err := c.Campaigns.Delete(ctx, CampaignSMS, "cd-1"); err != nil {
		t.Fatal(err)
	}
	if err := c.Campaigns.Stop(ctx, CampaignSMS, "cd-1"); err != nil {
		t.Fatal(err)
	}
	if err := c.Campaigns.Stop(ctx, CampaignVoice, "cd-2"); err != nil {
		t.Fatal(err)
	}
	if err := c.Campaigns.Delete(ctx, "email", "cd-1"); err == nil {
		t.Fatal("a kind other than sms or voice must be refused before a request")
	}
	api.expectCalls(t,
		call(t, "DELETE", campaignBase+"/campaign/cd-1?accountId=acct-1&campaignType=sms", ""),
		call(t, "POST", campaignBase+"/campaign/cd-1?accountId=acct-1&campaignType=sms&trigger=stop", ""),
		call(t, "POST", campaignBase+"/campaign/trigger/cd-2?accountId=acct-1&campaignType=voice&trigger=stop", ""),
	)
}

// A 404 is gone once the campaign API has answered in this process;
// before that, only when the list of the kind answers without it.
func TestCampaignGone(t *testing.T) {
	for _, tc := range []struct {
		name      string
		warm      bool
		listHolds bool
		gone      bool
		calls     int
	}{
		{"404 after an answer", true, false, true, 2},
		{"404 cold, list without it", false, false, true, 2},
		{"404 cold, list with it", false, true, false, 2},
		{"404 after a contact list answered", false, false, true, 3},
		{"404 cold, the list refused too", false, false, false, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, api := newFakeAPI(t, func(r apiCall) (int, string) {
				switch {
				case strings.HasSuffix(r.Path, "/getAllListDetails"):
					return 0, `{"status":"success","data":[]}`
				case strings.HasSuffix(r.Path, "/getAllCampaignDetails") && strings.Contains(tc.name, "refused"):
					return 404, `{"errors":[{"msg":"stream not found"}]}`
				case strings.HasSuffix(r.Path, "/getAllCampaignDetails") && tc.listHolds:
					return 0, `{"data":{"results":[{"id":"cd-x","name":"X"}],"hasMore":false,"totalResults":1}}`
				case strings.HasSuffix(r.Path, "/getAllCampaignDetails"):
					return 0, `{"data":{"results":[],"hasMore":false}}`
				case r.Path == campaignBase+"/campaign/cd-ok":
					return 0, `{"data":{"_id":"cd-ok","name":"OK"}}`
				}
				return 404, `{"errors":[{"msg":"not found"}]}`
			})
			ctx := t.Context()
			if strings.Contains(tc.name, "contact list") {
				// Another collection of the same base path: it proves nothing
				// of the campaigns, so the list is read.
				_, _ = c.ContactLists.List(ctx)
			}
			if tc.warm {
				if _, err := c.Campaigns.Get(ctx, "cd-ok"); err != nil {
					t.Fatal(err)
				}
			}
			_, err := c.Campaigns.Get(ctx, "cd-x")
			gone, gerr := c.Campaigns.Gone(ctx, CampaignVoice, "cd-x", err)
			if gone != tc.gone || (gone && gerr != nil) || (!gone && gerr == nil) {
				t.Fatalf("gone %v, %v", gone, gerr)
			}
			if strings.Contains(tc.name, "refused") && !IsStreamError(gerr) {
				t.Fatalf("want a *StreamError when the list fails too, got %v", gerr)
			}
			if n := len(api.Calls()); n != tc.calls {
				t.Fatalf("%d calls: %v", n, api.Calls())
			}
		})
	}
}

func TestCampaignListFiltersAndName(t *testing.T) {
	c, api := newFakeAPI(t, func(r apiCall) (int, string) {
		if strings.Contains(r.String(), `"type":"sms"`) {
			return 0, `{"data":{"results":[{"id":"cd-s","name":"A","format":"simple"}],"skip":0,"hasMore":false,"totalResults":1}}`
		}
		return 0, `{"data":{"results":[{"_id":"cd-v","name":"A","dialingMode":"Preview"},{"_id":"cd-w","name":"B"}],"skip":0,"hasMore":false,"totalResults":2}}`
	})
	_, err := c.Campaigns.FindByName(t.Context(), "", "A")
	if !IsAmbiguousName(err) || !strings.Contains(err.Error(), "cd-s, cd-v") {
		t.Fatalf("want both kinds' A, got %v", err)
	}
	got, err := c.Campaigns.ListAll(t.Context(), CampaignFilter{Kind: CampaignVoice, Statuses: []string{"Ready"}, Priorities: []int{5}, DialingModes: []string{"Preview"}})
	if err != nil || len(got) != 2 || got[1].Kind() != CampaignVoice {
		t.Fatalf("%+v, %v", got, err)
	}
	last := api.Calls()[len(api.Calls())-1]
	if b, _ := json.Marshal(last.Body); string(b) != `{"filters":{"dialingMode":["Preview"],"priority":[5],"status":["Ready"]},"limit":100,"skip":0,"type":"voice"}` {
		t.Errorf("list body %s", b)
	}
}

func TestCampaignClocksAndMessage(t *testing.T) {
	for in, want := range map[string]string{"09:00": "9:00 AM", "00:05": "12:05 AM", "12:00": "12:00 PM", "23:59": "11:59 PM", "bad": "bad"} {
		if got := WireClock(in); got != want {
			t.Errorf("WireClock(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"9:00 AM": "09:00", "12:00 AM": "00:00", "12:30 pm": "12:30", "6:00PM": "18:00", "18:00": "18:00", "13:00 PM": "", "9": ""} {
		got, ok := ClockOf(in)
		if got != want || ok != (want != "") {
			t.Errorf("ClockOf(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if got := (CampaignMessage{Message: "SGVsbG8="}).Text(); got != "Hello" {
		t.Errorf("base64 text %q", got)
	}
	if got := (CampaignMessage{Message: "Hello there!"}).Text(); got != "Hello there!" {
		t.Errorf("plain text %q", got)
	}
}
