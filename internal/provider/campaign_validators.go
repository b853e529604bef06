package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Plan-time rules of the campaign pages (Create SMS Campaign without a
// template, using a template, advanced format; Create Voice Campaign
// Agentless, Progressive, Preview: each at
// https://docs.kore.ai/ai-for-service/apis/contact-center/<page>-v2).
// A configuration they call invalid is refused before any request.

// Limits the pages give.
const (
	campaignNameMax        = 48
	campaignDescriptionMax = 256
)

// campaignPriorities are the allowed priorities, sent as strings.
var campaignPriorities = []string{"1", "2", "3", "4", "5"}

// campaignDays are the day names of calling hours.
var campaignDays = []string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}

// campaignFrequencies are the calling hours' frequencies.
var campaignFrequencies = []string{"WEEKLY", "DAILY", "CUSTOM"}

// timeZone accepts an IANA time zone name the way the API's samples
// write them ("Asia/Kolkata"), checked against Go's zone database.
func timeZone() stringCheck {
	return stringCheck{"must be an IANA time zone name such as Asia/Kolkata or America/New_York", func(s string) string {
		if s == "" || strings.EqualFold(s, "local") {
			return fmt.Sprintf("%q is not an IANA time zone name such as Asia/Kolkata or America/New_York.", s)
		}
		if _, err := time.LoadLocation(s); err != nil {
			return fmt.Sprintf("%q is not an IANA time zone name such as Asia/Kolkata or America/New_York (the names are "+
				"case-sensitive).", s)
		}
		return ""
	}}
}

// clockTime accepts a 24-hour "HH:MM" (the provider writes it as the API
// spells times, "9:00 AM").
func clockTime() stringCheck {
	return stringCheck{"must be a 24-hour time HH:MM such as 09:00 or 18:30", func(s string) string {
		if len(s) != 5 || s[2] != ':' {
			return fmt.Sprintf("%q is not a 24-hour time HH:MM such as 09:00 or 18:30.", s)
		}
		if got, ok := clockOf(s); !ok || got != s {
			return fmt.Sprintf("%q is not a 24-hour time HH:MM such as 09:00 or 18:30 (hours 00-23, minutes 00-59).", s)
		}
		return ""
	}}
}

// campaignModeRules says, for each value of a deciding attribute (an SMS
// campaign's format, a voice campaign's dialing_mode), which attributes the
// pages require and which the mode has no place for.
type campaignModeRules struct {
	decider string
	modes   map[string]modeRule
}

type modeRule struct {
	required  []string
	forbidden []string
}

var _ resource.ConfigValidator = campaignModeRules{}

func (v campaignModeRules) Description(ctx context.Context) string { return v.MarkdownDescription(ctx) }

func (v campaignModeRules) MarkdownDescription(context.Context) string {
	var parts []string
	for _, mode := range sortedKeys(v.modes) {
		r := v.modes[mode]
		parts = append(parts, fmt.Sprintf("%s %q requires %s", v.decider, mode, strings.Join(r.required, ", ")))
	}
	return strings.Join(parts, "; ")
}

func (v campaignModeRules) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var mode types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(v.decider), &mode)...)
	if resp.Diagnostics.HasError() || mode.IsNull() || mode.IsUnknown() {
		return
	}
	rule, ok := v.modes[mode.ValueString()]
	if !ok {
		return // the attribute's own validator names the allowed values
	}
	for _, name := range rule.required {
		var val attr.Value
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), &val)...)
		if val != nil && val.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Missing "+name,
				fmt.Sprintf("A campaign with %s = %q requires %s: the API's create page for this %s lists it as required.",
					v.decider, mode.ValueString(), name, v.decider))
		}
	}
	for _, name := range rule.forbidden {
		var val attr.Value
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), &val)...)
		if val != nil && !val.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Unexpected "+name,
				fmt.Sprintf("%s has no use for a campaign with %s = %q (the API's page for this %s has no such field); "+
					"remove it, or choose the %s it belongs to.", name, v.decider, mode.ValueString(), v.decider, v.decider))
		}
	}
}

// campaignHoursCheck checks each calling window: it must end after it
// starts, and no two windows of one day may overlap.
type campaignHoursCheck struct{}

var _ resource.ConfigValidator = campaignHoursCheck{}

func (campaignHoursCheck) Description(ctx context.Context) string {
	return "each calling window ends after it starts, and a day's windows do not overlap"
}

func (v campaignHoursCheck) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (campaignHoursCheck) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var hours *campaignHoursModel
	p := path.Root("calling_hours")
	if d := req.Config.GetAttribute(ctx, p, &hours); d.HasError() || hours == nil {
		return // unknown or absent: the attribute's own rules apply
	}
	byDay := map[string][][2]string{}
	for _, w := range hours.Days {
		if w.Day.IsUnknown() || w.Start.IsUnknown() || w.End.IsUnknown() || w.Day.IsNull() {
			continue
		}
		start, end := w.Start.ValueString(), w.End.ValueString()
		if _, ok := clockOf(start); !ok {
			continue
		}
		if _, ok := clockOf(end); !ok {
			continue
		}
		if end <= start {
			resp.Diagnostics.AddAttributeError(p.AtName("days"), "Invalid calling window",
				fmt.Sprintf("The window of %s from %s to %s ends before it starts. A window is one stretch of one day, "+
					"in 24-hour HH:MM; split a window that crosses midnight in two days.", w.Day.ValueString(), start, end))
			continue
		}
		day := w.Day.ValueString()
		for _, o := range byDay[day] {
			if start < o[1] && o[0] < end {
				resp.Diagnostics.AddAttributeError(p.AtName("days"), "Overlapping calling windows",
					fmt.Sprintf("The windows of %s from %s to %s and from %s to %s overlap; give one window for the whole stretch.",
						day, o[0], o[1], start, end))
			}
		}
		byDay[day] = append(byDay[day], [2]string{start, end})
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
