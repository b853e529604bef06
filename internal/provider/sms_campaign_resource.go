package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var (
	_ resource.ResourceWithConfigure        = (*smsCampaignResource)(nil)
	_ resource.ResourceWithImportState      = (*smsCampaignResource)(nil)
	_ resource.ResourceWithConfigValidators = (*smsCampaignResource)(nil)
	_ resource.ResourceWithIdentity         = (*smsCampaignResource)(nil)
)

func newSMSCampaignResource() resource.Resource { return &smsCampaignResource{} }

type smsCampaignResource struct {
	data *providerData
}

func (r *smsCampaignResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_sms_campaign"
}

func (r *smsCampaignResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := campaignCommonAttributes("SMS campaign", false)
	attrs["calling_hours"] = campaignHoursAttribute("campaign sends its messages")
	attrs["format"] = schema.StringAttribute{
		MarkdownDescription: "What the campaign sends: `simple`, a text of your own (`message`); `template`, a pre-approved " +
			"template (`template_name`, with its text in `message`); `advanced`, a conversation run by an experience flow " +
			"(`experience_flow_name`). The format decides what the campaign is, so changing it replaces the campaign.",
		Required:      true,
		Validators:    []validator.String{stringvalidator.OneOf(smsFormats...)},
		PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
	attrs["message"] = schema.StringAttribute{
		MarkdownDescription: "Text of the message (`simple` and `template`; a template's text must match the registered template " +
			"exactly). The provider sends it Base64-encoded, as the API takes `message.message`, and compares what the API " +
			"answers decoded.",
		Optional:   true,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["template_name"] = schema.StringAttribute{
		MarkdownDescription: "Name of the pre-approved SMS template (`template` only; `message.template_name`).",
		Optional:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["template_id"] = schema.StringAttribute{
		MarkdownDescription: "ID of the template (`cmt-…`), as the API answers it for a `template` campaign.",
		Computed:            true,
		PlanModifiers:       []planmodifier.String{keepUnlessChanged{follows: "template_name"}},
	}
	attrs["experience_flow_name"] = schema.StringAttribute{
		MarkdownDescription: "Name of the experience flow that runs the conversation (`advanced` only; `experienceFlowName`). " +
			"The API answers the flow's id, never its name, so the provider keeps the name from the configuration: a flow " +
			"renamed or swapped outside Terraform is not seen as drift here (watch `experience_flow_id`).",
		Optional:   true,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["experience_flow_id"] = schema.StringAttribute{
		MarkdownDescription: "ID of the experience flow (`cf-…`) the API resolved `experience_flow_name` to.",
		Computed:            true,
		PlanModifiers:       []planmodifier.String{keepUnlessChanged{follows: "experience_flow_name"}},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An SMS campaign of the SmartAssist contact center: texts to the numbers of named contact lists, " +
			"within calling hours, from a caller id of the account. The API prepares a new campaign before it can run; the " +
			"provider waits for that (see `timeouts`). Starting, stopping and scheduling the campaign are not managed here: " +
			"use the campaign actions. Destroying an `Active` campaign stops it first.",
		Attributes: attrs,
		Blocks:     map[string]schema.Block{"timeouts": campaignTimeoutsBlock()},
	}
}

func (r *smsCampaignResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		campaignModeRules{decider: "format", modes: map[string]modeRule{
			smsFormatSimple:   {required: []string{"message", "description"}, forbidden: []string{"template_name", "experience_flow_name"}},
			smsFormatTemplate: {required: []string{"message", "template_name", "description"}, forbidden: []string{"experience_flow_name"}},
			smsFormatAdvanced: {required: []string{"experience_flow_name"}, forbidden: []string{"message", "template_name"}},
		}},
		campaignHoursCheck{},
	}
}

func (r *smsCampaignResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema("ID of the SMS campaign (`cd-…`).")
}

func (r *smsCampaignResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		r.data = data
	}
}

func (r *smsCampaignResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan smsCampaignModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c, err := createCampaign(ctx, r.data, plan.request(), plan.Timeouts.create())
	if c != nil {
		m := smsCampaignModelFrom(c, &plan)
		resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(m.ID, r.data.streamID))...)
	}
	if err != nil {
		resp.Diagnostics.AddError("Unable to create SMS campaign", campaignCreateDetail(client.CampaignSMS, plan.Name.ValueString(), err)+errorHint(err))
	}
}

func (r *smsCampaignResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state smsCampaignModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.data.streamID, "Unable to read SMS campaign", "SMS campaign", id)...); resp.Diagnostics.HasError() {
		return
	}
	c, err := r.data.client.Campaigns.Get(ctx, id)
	if err != nil {
		if confirmGone(ctx, &resp.Diagnostics, err, campaignGone(r.data, client.CampaignSMS, id), "Unable to read SMS campaign",
			fmt.Sprintf("Reading the SMS campaign %s (%q)", id, state.Name.ValueString())) {
			resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(state.ID, r.data.streamID))...)
			resp.State.RemoveResource(ctx)
		}
		return
	}
	if wrongKind(c, client.CampaignSMS, &resp.Diagnostics) {
		return
	}
	m := smsCampaignModelFrom(c, &state)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(m.ID, r.data.streamID))...)
}

// Update reads the campaign, then sends it back with the plan laid over it
// (updateCampaign).
func (r *smsCampaignResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state smsCampaignModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	updated := updateCampaign(ctx, r.data, client.CampaignSMS, req.Identity, state.ID.ValueString(), state.Name.ValueString(), plan.request(), &resp.Diagnostics)
	if updated == nil {
		return
	}
	plan.ID = state.ID
	m := smsCampaignModelFrom(updated, &plan)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(m.ID, r.data.streamID))...)
}

func (r *smsCampaignResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state smsCampaignModel
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	deleteCampaign(ctx, r.data, client.CampaignSMS, req.Identity, state.ID.ValueString(), state.Name.ValueString(), state.Timeouts.delete(), &resp.Diagnostics)
}

// ImportState takes an SMS campaign's id (cd-…) or name, or an identity.
func (r *smsCampaignResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importCampaign(ctx, r.data, client.CampaignSMS, req, resp)
}
