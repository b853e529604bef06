package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// campaignScheduleModel is the smartassist_campaign_schedule resource.
type campaignScheduleModel struct {
	ID           types.String `tfsdk:"id"`
	CampaignID   types.String `tfsdk:"campaign_id"`
	CampaignName types.String `tfsdk:"campaign_name"`
	CampaignType types.String `tfsdk:"campaign_type"`
	Recurrence   types.String `tfsdk:"recurrence"`
	Every        types.Int64  `tfsdk:"every"`
	Days         types.Set    `tfsdk:"days"`
	Start        types.String `tfsdk:"start"`
	End          types.String `tfsdk:"end"`
}

// The recurrences, as the schedule pages' recurType names them (Daily,
// Weekly), in lower case as the attribute takes them.
const (
	recurrenceDaily  = "daily"
	recurrenceWeekly = "weekly"
)

// scheduleDays are the day codes of the days attribute, as the campaigns'
// calling hours write them, with the weekday each stands for.
var scheduleDays = []struct {
	code string
	day  time.Weekday
}{
	{"MO", time.Monday}, {"TU", time.Tuesday}, {"WE", time.Wednesday}, {"TH", time.Thursday},
	{"FR", time.Friday}, {"SA", time.Saturday}, {"SU", time.Sunday},
}

func scheduleDayCodes() []string {
	codes := make([]string, len(scheduleDays))
	for i, d := range scheduleDays {
		codes[i] = d.code
	}
	return codes
}

// scheduleTime reads a start or end as the pages write it,
// YYYY-MM-DD HH:mm:ss.
func scheduleTime(s string) (time.Time, error) {
	return time.Parse(client.CampaignScheduleTimeLayout, s)
}

// scheduleTimeCheck validates start and end at plan time.
func scheduleTimeCheck() stringCheck {
	return stringCheck{"must be a date and time written YYYY-MM-DD HH:mm:ss, such as 2026-03-01 09:00:00", func(s string) string {
		if _, err := scheduleTime(s); err != nil {
			return fmt.Sprintf("%q is not a date and time written YYYY-MM-DD HH:mm:ss (24-hour clock), such as 2026-03-01 09:00:00.", s)
		}
		return ""
	}}
}

// validateScheduleConfig checks what one attribute's validator cannot:
// days go with a weekly recurrence only, and the end comes after the
// start. Unknown values are left to apply.
func validateScheduleConfig(ctx context.Context, m campaignScheduleModel, diags *diag.Diagnostics) {
	if !m.Recurrence.IsUnknown() && !m.Recurrence.IsNull() && !m.Days.IsUnknown() {
		switch weekly := m.Recurrence.ValueString() == recurrenceWeekly; {
		case weekly && (m.Days.IsNull() || len(m.Days.Elements()) == 0):
			diags.AddAttributeError(path.Root("days"), "Missing days",
				"A weekly schedule runs on the days it names: set days, such as [\"MO\", \"WE\", \"FR\"].")
		case !weekly && !m.Days.IsNull():
			diags.AddAttributeError(path.Root("days"), "Days of a daily schedule",
				"days is for a weekly schedule; a daily one runs every `every` days. Remove days, or set recurrence = \"weekly\".")
		}
	}
	if m.Start.IsUnknown() || m.Start.IsNull() || m.End.IsUnknown() || m.End.IsNull() {
		return
	}
	start, err1 := scheduleTime(m.Start.ValueString())
	end, err2 := scheduleTime(m.End.ValueString())
	if err1 == nil && err2 == nil && !end.After(start) {
		diags.AddAttributeError(path.Root("end"), "Schedule ends before it starts",
			fmt.Sprintf("end (%s) must be after start (%s): the API refuses a schedule that does not end after it starts.",
				m.End.ValueString(), m.Start.ValueString()))
	}
}

// window is the model's start and end, which validation has checked.
func (m campaignScheduleModel) window() (client.CampaignScheduleWindow, error) {
	start, err := scheduleTime(m.Start.ValueString())
	if err != nil {
		return client.CampaignScheduleWindow{}, err
	}
	end, err := scheduleTime(m.End.ValueString())
	if err != nil {
		return client.CampaignScheduleWindow{}, err
	}
	return client.CampaignScheduleWindow{Start: start, End: end}, nil
}

// weekdays are the model's days as weekdays.
func (m campaignScheduleModel) weekdays(ctx context.Context) ([]time.Weekday, diag.Diagnostics) {
	var codes []string
	diags := m.Days.ElementsAs(ctx, &codes, false)
	var days []time.Weekday
	for _, c := range codes {
		for _, d := range scheduleDays {
			if d.code == c {
				days = append(days, d.day)
			}
		}
	}
	return days, diags
}

// fromCampaign takes what a campaign read says: its id, name and kind.
func (m *campaignScheduleModel) fromCampaign(c *client.Campaign) {
	m.ID = types.StringValue(string(c.ID))
	m.CampaignID = types.StringValue(string(c.ID))
	m.CampaignName = types.StringValue(string(c.Name))
	m.CampaignType = stringOrNull(c.Kind())
}
