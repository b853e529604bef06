package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// A campaign's calling hours: when it may call or text, in a time zone.
// The pages spell times "9:00 AM"; the configuration writes 24-hour
// "09:00", and what the API answers is read back into that form, so the
// two spellings of one time are never a change.

const defaultCampaignFrequency = "WEEKLY"

type campaignHoursModel struct {
	Frequency types.String       `tfsdk:"frequency"`
	TimeZone  types.String       `tfsdk:"time_zone"`
	Days      []campaignDayModel `tfsdk:"days"`
}

type campaignDayModel struct {
	Day   types.String `tfsdk:"day"`
	Start types.String `tfsdk:"start"`
	End   types.String `tfsdk:"end"`
}

func clockOf(s string) (string, bool) { return client.ClockOf(s) }

// campaignHoursAttribute is the calling_hours attribute of both campaign
// resources; what is "campaign calls" or "campaign texts".
func campaignHoursAttribute(what string) schema.Attribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: fmt.Sprintf("When the %s: windows of the week in a time zone (the API's `dialingStrategy.callingHours`). "+
			"Outside them the campaign waits.", what),
		Required: true,
		Attributes: map[string]schema.Attribute{
			"time_zone": schema.StringAttribute{
				MarkdownDescription: "IANA time zone name the windows are in, such as `Asia/Kolkata` or `America/New_York` (case-sensitive).",
				Required:            true,
				Validators:          []validator.String{timeZone()},
			},
			"frequency": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("How the windows repeat: %s. Default `%s`.", quotedList(campaignFrequencies), defaultCampaignFrequency),
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(defaultCampaignFrequency),
				Validators:          []validator.String{stringvalidator.OneOf(campaignFrequencies...)},
			},
			"days": schema.SetNestedAttribute{
				MarkdownDescription: "The windows: one per day and stretch of time; several windows of one day must not overlap. Order does not matter.",
				Required:            true,
				Validators:          []validator.Set{setvalidator.SizeAtLeast(1)},
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"day": schema.StringAttribute{
							MarkdownDescription: fmt.Sprintf("Day of the week: %s.", quotedList(campaignDays)),
							Required:            true,
							Validators:          []validator.String{stringvalidator.OneOf(campaignDays...)},
						},
						"start": schema.StringAttribute{
							MarkdownDescription: "Start of the window, 24-hour `HH:MM` such as `09:00` (sent as the API spells times, `9:00 AM`).",
							Required:            true,
							Validators:          []validator.String{clockTime()},
						},
						"end": schema.StringAttribute{
							MarkdownDescription: "End of the window, 24-hour `HH:MM` such as `18:00`; after `start`.",
							Required:            true,
							Validators:          []validator.String{clockTime()},
						},
					},
				},
			},
		},
	}
}

func (h *campaignHoursModel) request() client.CampaignHoursRequest {
	if h == nil {
		return client.CampaignHoursRequest{}
	}
	r := client.CampaignHoursRequest{Frequency: h.Frequency.ValueString(), Timezone: h.TimeZone.ValueString()}
	if r.Frequency == "" {
		r.Frequency = defaultCampaignFrequency
	}
	for _, d := range h.Days {
		r.Days = append(r.Days, client.CampaignDayRequest{Day: d.Day.ValueString(), Start: d.Start.ValueString(), End: d.End.ValueString()})
	}
	return r
}

// campaignHoursFrom maps the calling hours an answer gives; nil when it
// gives none (a list entry), so the caller keeps what it had.
func campaignHoursFrom(s *client.CampaignDialingStrategy) *campaignHoursModel {
	if s == nil || !s.CallingHours.Set {
		return nil
	}
	h := s.CallingHours.Value
	m := &campaignHoursModel{
		Frequency: types.StringValue(string(h.Frequency)),
		TimeZone:  stringOrNull(h.Timezone),
		Days:      make([]campaignDayModel, 0, len(h.Days)),
	}
	if h.Frequency == "" {
		m.Frequency = types.StringValue(defaultCampaignFrequency)
	}
	for _, d := range h.Days {
		m.Days = append(m.Days, campaignDayModel{Day: types.StringValue(string(d.Day)), Start: clockValue(d.Start), End: clockValue(d.End)})
	}
	return m
}

// clockValue reads a time as "HH:MM", or keeps the API's spelling when it
// is not a time the provider can read (it then shows as a change).
func clockValue(s client.FlexString) types.String {
	if hhmm, ok := clockOf(string(s)); ok {
		return types.StringValue(hhmm)
	}
	return types.StringValue(string(s))
}
