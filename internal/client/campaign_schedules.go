package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// CampaignSchedulesService turns a campaign's recurring schedule on and
// off: Enable Daily Scheduling of Voice or SMS Campaigns, Enable Weekly
// Scheduling of Voice or SMS Campaigns and Disable a Scheduled Voice or
// SMS Campaign
// (https://docs.kore.ai/ai-for-service/apis/contact-center/enable-voice-or-sms-campaign-schedule-daily,
// …/enable-voice-or-sms-campaign-schedule-weekly,
// …/disable-voice-or-sms-campaign-schedule).
//
// The three are one endpoint, POST B2/campaign/schedule, keyed by the
// campaign's name (campaignName) and told apart by enableSchedule. No page
// reads a schedule back: a campaign shows only schedule.isSchedulingEnabled
// (Campaigns.Get). The pages give no time-zone field.
type CampaignSchedulesService service

// CampaignScheduleTimeLayout is how the pages write startDateTime and
// endDateTime: YYYY-MM-DD HH:mm:ss.
const CampaignScheduleTimeLayout = "2006-01-02 15:04:05"

// CampaignScheduleWindow is when a schedule runs: from Start to End, which
// the pages require to be after Start and after now. The times are sent as
// written, without a zone (the pages give none).
type CampaignScheduleWindow struct {
	Start time.Time
	End   time.Time
}

// CampaignScheduleResult is what an enable or a disable answers.
type CampaignScheduleResult struct {
	Status  LooseString `json:"status"`
	Message LooseString `json:"message"`
	// ID is the campaign's id.
	ID LooseString `json:"id"`
}

// weekdayNames are the whichDays values of the weekly page.
var weekdayNames = map[time.Weekday]string{time.Monday: "Mon", time.Tuesday: "Tue", time.Wednesday: "Wed",
	time.Thursday: "Thu", time.Friday: "Fri", time.Saturday: "Sat", time.Sunday: "Sun"}

type scheduleBody struct {
	StartDateTime    string             `json:"startDateTime"`
	EndDateTime      string             `json:"endDateTime"`
	RecurrenceObject scheduleRecurrence `json:"recurrenceObject"`
}

type scheduleRecurrence struct {
	RecurType     string         `json:"recurType"`
	DailyDetails  *scheduleDaily `json:"dailyDetails,omitempty"`
	WeeklyDetails *scheduleWeek  `json:"weeklyDetails,omitempty"`
}

type scheduleDaily struct {
	OnceEveryNdays int `json:"onceEveryNdays"`
}

type scheduleWeek struct {
	OnceEveryNweeks int      `json:"onceEveryNweeks"`
	WhichDays       []string `json:"whichDays"`
}

func (w CampaignScheduleWindow) check() error {
	if w.Start.IsZero() || w.End.IsZero() {
		return errors.New("a campaign schedule needs a start and an end")
	}
	if !w.End.After(w.Start) {
		return fmt.Errorf("a campaign schedule must end after it starts (start %s, end %s)",
			w.Start.Format(CampaignScheduleTimeLayout), w.End.Format(CampaignScheduleTimeLayout))
	}
	return nil
}

// EnableDaily schedules the campaign named campaignName to run once every
// everyNDays days (1: every day) within w.
func (s *CampaignSchedulesService) EnableDaily(ctx context.Context, campaignName string, w CampaignScheduleWindow, everyNDays int) (*CampaignScheduleResult, error) {
	if err := w.check(); err != nil {
		return nil, err
	}
	if everyNDays < 1 {
		return nil, fmt.Errorf("a daily schedule runs once every N days, N at least 1 (got %d)", everyNDays)
	}
	return s.enable(ctx, campaignName, w, scheduleRecurrence{RecurType: "Daily", DailyDetails: &scheduleDaily{OnceEveryNdays: everyNDays}})
}

// EnableWeekly schedules the campaign named campaignName to run on days,
// once every everyNWeeks weeks (1: every week), within w.
func (s *CampaignSchedulesService) EnableWeekly(ctx context.Context, campaignName string, w CampaignScheduleWindow, everyNWeeks int, days []time.Weekday) (*CampaignScheduleResult, error) {
	if err := w.check(); err != nil {
		return nil, err
	}
	if everyNWeeks < 1 {
		return nil, fmt.Errorf("a weekly schedule runs once every N weeks, N at least 1 (got %d)", everyNWeeks)
	}
	if len(days) == 0 {
		return nil, errors.New("a weekly schedule needs at least one day")
	}
	// In week order, Monday first as the page lists them, each once.
	var which []string
	for _, d := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday} {
		for _, want := range days {
			if want == d {
				which = append(which, weekdayNames[d])
				break
			}
		}
	}
	if len(which) != len(uniqueDays(days)) {
		return nil, fmt.Errorf("a weekly schedule's days must be weekdays (got %v)", days)
	}
	return s.enable(ctx, campaignName, w, scheduleRecurrence{RecurType: "Weekly", WeeklyDetails: &scheduleWeek{OnceEveryNweeks: everyNWeeks, WhichDays: which}})
}

func uniqueDays(days []time.Weekday) map[time.Weekday]bool {
	m := map[time.Weekday]bool{}
	for _, d := range days {
		m[d] = true
	}
	return m
}

func (s *CampaignSchedulesService) enable(ctx context.Context, campaignName string, w CampaignScheduleWindow, r scheduleRecurrence) (*CampaignScheduleResult, error) {
	if strings.TrimSpace(campaignName) == "" {
		return nil, errors.New("a campaign schedule is keyed by the campaign's name, and the name is empty")
	}
	body := scheduleBody{StartDateTime: w.Start.Format(CampaignScheduleTimeLayout), EndDateTime: w.End.Format(CampaignScheduleTimeLayout),
		RecurrenceObject: r}
	return s.post(ctx, campaignName, true, body)
}

// Disable turns off the schedule of the campaign named campaignName.
func (s *CampaignSchedulesService) Disable(ctx context.Context, campaignName string) (*CampaignScheduleResult, error) {
	if strings.TrimSpace(campaignName) == "" {
		return nil, errors.New("a campaign schedule is keyed by the campaign's name, and the name is empty")
	}
	return s.post(ctx, campaignName, false, nil)
}

func (s *CampaignSchedulesService) post(ctx context.Context, campaignName string, enable bool, body any) (*CampaignScheduleResult, error) {
	q := url.Values{"enableSchedule": {fmt.Sprint(enable)}, "campaignName": {campaignName}}
	var res CampaignScheduleResult
	if err := s.client.campaignCall(ctx, http.MethodPost, q, body, &res, "campaign", "schedule"); err != nil {
		return nil, err
	}
	if err := campaignFailed(http.MethodPost, "/campaign/schedule?campaignName="+url.QueryEscape(campaignName), res.Status, res.Message, true); err != nil {
		return nil, err
	}
	return &res, nil
}
