package client

import (
	"strings"
	"testing"
	"time"
)

func scheduleWindow(t *testing.T, start, end string) CampaignScheduleWindow {
	t.Helper()
	s, err := time.Parse(CampaignScheduleTimeLayout, start)
	if err != nil {
		t.Fatal(err)
	}
	e, err := time.Parse(CampaignScheduleTimeLayout, end)
	if err != nil {
		t.Fatal(err)
	}
	return CampaignScheduleWindow{Start: s, End: e}
}

func TestCampaignScheduleRequests(t *testing.T) {
	c, f := newFakeAPI(t, answer(`{"status":"success","message":"Campaign Spring scheduled successfully","id":"cd-1"}`))
	w := scheduleWindow(t, "2026-01-27 18:29:00", "2026-02-27 18:29:00")
	res, err := c.CampaignSchedules.EnableDaily(t.Context(), "Spring & Co", w, 2)
	if err != nil {
		t.Fatal(err)
	}
	if res.ID != "cd-1" {
		t.Errorf("result = %+v", res)
	}
	if _, err := c.CampaignSchedules.EnableWeekly(t.Context(), "Spring & Co", w, 1,
		[]time.Weekday{time.Sunday, time.Monday, time.Wednesday}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CampaignSchedules.Disable(t.Context(), "Spring & Co"); err != nil {
		t.Fatal(err)
	}
	q := "?accountId=" + testAccount + "&campaignName=Spring+%26+Co&enableSchedule="
	f.expectCalls(t,
		call(t, "POST", campaignPath("/campaign/schedule")+q+"true", `{"startDateTime":"2026-01-27 18:29:00",
			"endDateTime":"2026-02-27 18:29:00","recurrenceObject":{"recurType":"Daily","dailyDetails":{"onceEveryNdays":2}}}`),
		call(t, "POST", campaignPath("/campaign/schedule")+q+"true", `{"startDateTime":"2026-01-27 18:29:00",
			"endDateTime":"2026-02-27 18:29:00","recurrenceObject":{"recurType":"Weekly",
			"weeklyDetails":{"onceEveryNweeks":1,"whichDays":["Mon","Wed","Sun"]}}}`),
		call(t, "POST", campaignPath("/campaign/schedule")+q+"false", `{}`),
	)
}

func TestCampaignScheduleRefusesWithoutARequest(t *testing.T) {
	c, f := newFakeAPI(t, answer(`{"status":"success"}`))
	ok := scheduleWindow(t, "2026-01-27 18:29:00", "2026-02-27 18:29:00")
	backwards := scheduleWindow(t, "2026-02-27 18:29:00", "2026-01-27 18:29:00")
	for name, tc := range map[string]struct {
		run  func() error
		want string
	}{
		"end before start": {func() error { _, err := c.CampaignSchedules.EnableDaily(t.Context(), "x", backwards, 1); return err },
			"must end after it starts"},
		"no days": {func() error { _, err := c.CampaignSchedules.EnableWeekly(t.Context(), "x", ok, 1, nil); return err },
			"at least one day"},
		"zero interval": {func() error { _, err := c.CampaignSchedules.EnableDaily(t.Context(), "x", ok, 0); return err },
			"N at least 1"},
		"no weekday": {func() error {
			_, err := c.CampaignSchedules.EnableWeekly(t.Context(), "x", ok, 1, []time.Weekday{9})
			return err
		}, "must be weekdays"},
		"no name": {func() error { _, err := c.CampaignSchedules.Disable(t.Context(), " "); return err },
			"the name is empty"},
	} {
		if err := tc.run(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one containing %q", name, err, tc.want)
		}
	}
	f.expectCalls(t)
}

func TestCampaignScheduleFailureAnswerIsAnError(t *testing.T) {
	c, _ := newFakeAPI(t, answer(`{"status":"failure","message":"Campaign not found"}`))
	_, err := c.CampaignSchedules.Disable(t.Context(), "Gone")
	if err == nil || !strings.Contains(err.Error(), "status failure: Campaign not found") {
		t.Errorf("err = %v", err)
	}
}
