package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// The SMS campaign's formats. The API knows two (format simple or
// advanced); a template campaign is a simple one whose message names a
// template (message.template_name), so the provider names it apart.
const (
	smsFormatSimple   = "simple"
	smsFormatTemplate = "template"
	smsFormatAdvanced = "advanced"
)

var smsFormats = []string{smsFormatSimple, smsFormatTemplate, smsFormatAdvanced}

type smsCampaignModel struct {
	ID                 types.String           `tfsdk:"id"`
	Name               types.String           `tfsdk:"name"`
	Description        types.String           `tfsdk:"description"`
	ContactLists       []types.String         `tfsdk:"contact_lists"`
	DNCList            types.String           `tfsdk:"dnc_list"`
	DNCListID          types.String           `tfsdk:"dnc_list_id"`
	Priority           types.String           `tfsdk:"priority"`
	CallerID           types.String           `tfsdk:"caller_id"`
	CallingHours       *campaignHoursModel    `tfsdk:"calling_hours"`
	Format             types.String           `tfsdk:"format"`
	Message            types.String           `tfsdk:"message"`
	TemplateName       types.String           `tfsdk:"template_name"`
	TemplateID         types.String           `tfsdk:"template_id"`
	ExperienceFlowName types.String           `tfsdk:"experience_flow_name"`
	ExperienceFlowID   types.String           `tfsdk:"experience_flow_id"`
	Status             types.String           `tfsdk:"status"`
	SchedulingEnabled  types.Bool             `tfsdk:"scheduling_enabled"`
	Timeouts           *campaignTimeoutsModel `tfsdk:"timeouts"`
}

// request is the create or update of the campaign the model describes.
func (m *smsCampaignModel) request() client.CampaignRequest {
	r := client.CampaignRequest{
		Kind: client.CampaignSMS, Name: m.Name.ValueString(), Description: m.Description.ValueString(),
		ContactLists: stringsOf(m.ContactLists), DNCList: m.DNCList.ValueString(), Priority: m.Priority.ValueString(),
		CallerID: m.CallerID.ValueString(), Hours: m.CallingHours.request(),
		Format: smsFormatSimple, Message: m.Message.ValueString(),
	}
	switch m.Format.ValueString() {
	case smsFormatTemplate:
		r.TemplateName = m.TemplateName.ValueString()
	case smsFormatAdvanced:
		r.Format, r.Message = smsFormatAdvanced, ""
		r.ExperienceFlowName = m.ExperienceFlowName.ValueString()
	}
	return r
}

// smsCampaignModelFrom maps an SMS campaign as the API answers it onto the
// model; the one place that mapping happens (the resource, the data
// source and the list resource). prior, when not nil, is what the state
// or plan holds: what the API never answers (the experience flow's name)
// and what an answer leaves out (a list entry's calling hours) are kept
// from it, and a message the API answers in another encoding of the same
// text keeps the configuration's spelling.
func smsCampaignModelFrom(c *client.Campaign, prior *smsCampaignModel) smsCampaignModel {
	m := smsCampaignModel{
		ID:                 stringOrNull(c.ID),
		Name:               stringOrNull(c.Name),
		Description:        stringOrNull(c.Description),
		ContactLists:       namesOf(c.ContactLists),
		DNCList:            stringOrNull(c.DNCLists.Name),
		DNCListID:          stringOrNull(c.DNCLists.ID),
		Priority:           stringOrNull(c.Priority),
		CallerID:           stringOrNull(c.DialingStrategy.Value.CallerID.Value.PhoneNumber),
		CallingHours:       campaignHoursFrom(strategyOf(c)),
		Format:             types.StringNull(),
		Message:            types.StringNull(),
		TemplateName:       stringOrNull(c.Message.Value.TemplateName),
		TemplateID:         stringOrNull(c.Message.Value.TemplateID),
		ExperienceFlowName: stringOrNull(c.ExperienceFlowName),
		ExperienceFlowID:   stringOrNull(c.ExperienceFlow),
		Status:             stringOrNull(c.Status),
		SchedulingEnabled:  types.BoolValue(bool(c.Schedule.Value.IsSchedulingEnabled)),
	}
	if c.Message.Value.Message != "" {
		m.Message = types.StringValue(c.Message.Value.Text())
	}
	switch {
	case c.Format == smsFormatAdvanced:
		m.Format = types.StringValue(smsFormatAdvanced)
	case c.Format != "" && c.Message.Value.TemplateName != "":
		m.Format = types.StringValue(smsFormatTemplate)
	case c.Format != "":
		m.Format = types.StringValue(string(c.Format))
	}
	if prior == nil {
		return m
	}
	m.Timeouts = prior.Timeouts
	if m.ID.IsNull() {
		m.ID = prior.ID
	}
	if m.Format.IsNull() {
		m.Format = prior.Format
	}
	if m.CallingHours == nil {
		m.CallingHours = prior.CallingHours
	} else if prior.CallingHours != nil && m.CallingHours.TimeZone.IsNull() {
		m.CallingHours.TimeZone = prior.CallingHours.TimeZone
	}
	if m.CallerID.IsNull() && !c.DialingStrategy.Set {
		m.CallerID = prior.CallerID
	}
	if m.ExperienceFlowName.IsNull() && m.Format.ValueString() == smsFormatAdvanced {
		m.ExperienceFlowName = prior.ExperienceFlowName // never answered: drift in it is not seen
	}
	if sameMessage(prior.Message, c.Message.Value) {
		m.Message = prior.Message
	}
	return m
}

// sameMessage reports whether the configured text is the message the API
// answered, decoded or as sent.
func sameMessage(configured types.String, got client.CampaignMessage) bool {
	if configured.IsNull() || configured.IsUnknown() {
		return false
	}
	v := configured.ValueString()
	return v == got.Text() || v == string(got.Message) || client.EncodeCampaignMessage(v) == string(got.Message)
}

func strategyOf(c *client.Campaign) *client.CampaignDialingStrategy {
	if !c.DialingStrategy.Set {
		return nil
	}
	return &c.DialingStrategy.Value
}

// keepUnlessChanged is UseStateForUnknown for a computed value that
// follows another attribute (the do-not-call list's id follows its name):
// it keeps the state's value while that attribute's plan equals its state,
// and leaves it unknown when it changes.
type keepUnlessChanged struct{ follows string }

func (k keepUnlessChanged) Description(context.Context) string {
	return "keeps the prior value unless " + k.follows + " changes"
}

func (k keepUnlessChanged) MarkdownDescription(ctx context.Context) string { return k.Description(ctx) }

func (k keepUnlessChanged) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.State.Raw.IsNull() || !req.PlanValue.IsUnknown() || req.Plan.Raw.IsNull() {
		return
	}
	var planned, prior types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root(k.follows), &planned)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root(k.follows), &prior)...)
	if planned.Equal(prior) {
		resp.PlanValue = req.StateValue
	}
}
