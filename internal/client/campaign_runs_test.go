package client

import (
	"errors"
	"strings"
	"testing"
)

// campaignPath is the path of a Campaign Management call below B2 and the
// test stream.
func campaignPath(tail string) string {
	return "/campaign/api/v2/public/" + testStream + tail
}

func TestCampaignStartSendsEachPagesRequest(t *testing.T) {
	c, f := newFakeAPI(t, answer(`{"status":"Active","message":"Campaign Started","totalCallsCompleted":0,
		"updatedAt":"2025-12-05T11:56:13.241Z","campaignInstanceId":"cid-1"}`))
	run, err := c.CampaignRuns.Start(t.Context(), CampaignVoice, "cd-1")
	if err != nil {
		t.Fatal(err)
	}
	if run.Status != "Active" || run.CampaignInstanceID != "cid-1" {
		t.Errorf("run = %+v", run)
	}
	if _, err := c.CampaignRuns.Start(t.Context(), CampaignSMS, "cd-2"); err != nil {
		t.Fatal(err)
	}
	f.expectCalls(t,
		call(t, "POST", campaignPath("/campaign/trigger/cd-1")+"?accountId="+testAccount+"&campaignType=voice&trigger=play", `{}`),
		call(t, "POST", campaignPath("/campaign/cd-2")+"?accountId="+testAccount+"&campaignType=sms&trigger=play", `{}`),
	)
}

func TestCampaignStartRefusesWithoutARequest(t *testing.T) {
	c, f := newFakeAPI(t, answer(`{}`))
	for _, tc := range []struct {
		id   string
		kind CampaignKind
		want string
	}{
		{"", CampaignVoice, "not a valid campaign id"},
		{"..", CampaignVoice, "not a valid campaign id"},
		{"cd-1", "email", `"email" is not a campaign kind`},
	} {
		_, err := c.CampaignRuns.Start(t.Context(), tc.kind, tc.id)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Start(%q, %q) = %v, want an error containing %q", tc.id, tc.kind, err, tc.want)
		}
	}
	f.expectCalls(t)
}

func TestCampaignStatusReadsTheSample(t *testing.T) {
	c, f := newFakeAPI(t, answer(`{"status":"success","data":{"id":"cd-469cba4","status":"Ready","name":"Service Renewal"}}`))
	st, err := c.CampaignRuns.Status(t.Context(), "cd-469cba4")
	if err != nil {
		t.Fatal(err)
	}
	if st.Status != CampaignStatusReady || st.Name != "Service Renewal" || st.ID != "cd-469cba4" {
		t.Errorf("status = %+v", st)
	}
	f.expectCalls(t, call(t, "POST", campaignPath("/campaign/cd-469cba4/status")+"?accountId="+testAccount+"&view=status", `{}`))
}

func TestCampaignStatusRefusesAnswersItCannotUse(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{`{"status":"failure","message":"Campaign not found"}`, "status failure: Campaign not found"},
		{`{"status":"success"}`, "the answer has no data"},
		{`{"status":"success","data":{"id":"cd-1","name":"x"}}`, "the answer has no data.status"},
	} {
		c, _ := newFakeAPI(t, answer(tc.body))
		_, err := c.CampaignRuns.Status(t.Context(), "cd-1")
		var de *DecodeError
		if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.As(err, &de) {
			t.Errorf("%s: err = %v, want a *DecodeError containing %q", tc.body, err, tc.want)
		}
	}
}

func TestCampaignCanBecome(t *testing.T) {
	for _, tc := range []struct {
		from, to string
		want     bool
	}{
		{CampaignStatusActive, CampaignStatusActive, true},
		{CampaignStatusReady, CampaignStatusActive, true},
		{CampaignStatusStopped, CampaignStatusActive, true}, // a trigger not yet taken up
		{CampaignStatusCompleted, CampaignStatusActive, false},
		{CampaignStatusCompleted, CampaignStatusStopped, false},
		{CampaignStatusActive, CampaignStatusStopped, true},
		{"completed", CampaignStatusActive, false},
	} {
		if got := CampaignCanBecome(tc.from, tc.to); got != tc.want {
			t.Errorf("CampaignCanBecome(%s, %s) = %v, want %v", tc.from, tc.to, got, tc.want)
		}
	}
}
