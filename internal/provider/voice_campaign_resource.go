package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var (
	_ resource.ResourceWithConfigure        = (*voiceCampaignResource)(nil)
	_ resource.ResourceWithImportState      = (*voiceCampaignResource)(nil)
	_ resource.ResourceWithConfigValidators = (*voiceCampaignResource)(nil)
	_ resource.ResourceWithIdentity         = (*voiceCampaignResource)(nil)
)

func newVoiceCampaignResource() resource.Resource { return &voiceCampaignResource{} }

type voiceCampaignResource struct {
	data *providerData
}

func (r *voiceCampaignResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_voice_campaign"
}

func (r *voiceCampaignResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := campaignCommonAttributes("voice campaign", true)
	desc := attrs["description"].(schema.StringAttribute)
	desc.Optional, desc.Required = false, true
	desc.MarkdownDescription += " The voice campaign pages require it."
	attrs["description"] = desc
	attrs["calling_hours"] = campaignHoursAttribute("campaign calls")
	attrs["dialing_mode"] = schema.StringAttribute{
		MarkdownDescription: "How calls are handled: `Agentless`, an experience flow talks to whoever answers " +
			"(`experience_flow_name`, `enable_machine_detect`); `Progressive`, answered calls go to the agents of a queue " +
			"(`queue_name`); `Preview`, agents see each contact before the call (`queue_name`, `max_skips`). The mode decides " +
			"what the campaign is, so changing it replaces the campaign.",
		Required:      true,
		Validators:    []validator.String{stringvalidator.OneOf(dialingModes...)},
		PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
	attrs["dialing_order"] = schema.StringAttribute{
		MarkdownDescription: "Order the contacts are called in: `FIFO` (first in, first out) or `LIFO`.",
		Required:            true,
		Validators:          []validator.String{stringvalidator.OneOf(dialingOrders...)},
	}
	attrs["max_attempts_per_record"] = schema.Int64Attribute{
		MarkdownDescription: "How many times a contact is called at most, 1 to 100.",
		Required:            true,
		Validators:          []validator.Int64{int64validator.Between(1, 100)},
	}
	attrs["default_retry_period"] = schema.Int64Attribute{
		MarkdownDescription: "Minutes between two attempts on one contact, 1 to 1440.",
		Required:            true,
		Validators:          []validator.Int64{int64validator.Between(1, 1440)},
	}
	attrs["max_ring_time"] = schema.Int64Attribute{
		MarkdownDescription: "Seconds a call rings before it is given up, 5 to 120.",
		Required:            true,
		Validators:          []validator.Int64{int64validator.Between(5, 120)},
	}
	attrs["queue_name"] = schema.StringAttribute{
		MarkdownDescription: "Name of the queue whose agents take the answered calls (`Progressive` and `Preview`; the API's " +
			"`queue_name`), such as `smartassist_queue.sales.name`. The API's read of a campaign does not answer it, so the " +
			"provider keeps it from the configuration: a queue changed outside Terraform is not seen as drift. An import reads it " +
			"once from the campaign list, which shows it.",
		Optional:   true,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["max_skips"] = schema.Int64Attribute{
		MarkdownDescription: "How many times an agent may skip a contact before it is flagged (`Preview` only).",
		Optional:            true,
		Validators:          []validator.Int64{int64validator.AtLeast(0)},
	}
	attrs["experience_flow_name"] = schema.StringAttribute{
		MarkdownDescription: "Name of the experience flow (bot or IVR) that talks to the contact (`Agentless` only; " +
			"`experienceFlowName`). The API answers the flow's id, never its name, so the provider keeps the name from the " +
			"configuration: a flow renamed or swapped outside Terraform is not seen as drift here (watch `experience_flow_id`).",
		Optional:   true,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["experience_flow_id"] = schema.StringAttribute{
		MarkdownDescription: "ID of the experience flow (`cf-…`) the API resolved `experience_flow_name` to.",
		Computed:            true,
		PlanModifiers:       []planmodifier.String{keepUnlessChanged{follows: "experience_flow_name"}},
	}
	attrs["enable_machine_detect"] = schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("Answering-machine detection (`Agentless` only): %s (`no` turns it off, `detect` "+
			"runs the flow for a machine too, `disconnect` hangs up on one). The API's read does not answer it (the create's "+
			"answer gives only a boolean), so the provider keeps it from the configuration: a change outside Terraform is "+
			"not seen as drift.", quotedList(machineDetectModes)),
		Optional:   true,
		Validators: []validator.String{stringvalidator.OneOf(machineDetectModes...)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A voice campaign of the SmartAssist contact center: calls the numbers of named contact lists " +
			"within calling hours, from a caller id of the account, handled by an experience flow or by the agents of a queue. " +
			"The API prepares a new campaign before it can run; the provider waits for that (see `timeouts`). Starting, " +
			"stopping and scheduling the campaign are not managed here: use the campaign actions. Destroying an `Active` " +
			"campaign stops it first.",
		Attributes: attrs,
		Blocks:     map[string]schema.Block{"timeouts": campaignTimeoutsBlock()},
	}
}

func (r *voiceCampaignResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		campaignModeRules{decider: "dialing_mode", modes: map[string]modeRule{
			dialingAgentless:   {required: []string{"experience_flow_name", "enable_machine_detect"}, forbidden: []string{"queue_name", "max_skips"}},
			dialingProgressive: {required: []string{"queue_name"}, forbidden: []string{"experience_flow_name", "enable_machine_detect", "max_skips"}},
			dialingPreview:     {required: []string{"queue_name", "max_skips"}, forbidden: []string{"experience_flow_name", "enable_machine_detect"}},
		}},
		campaignHoursCheck{},
	}
}

func (r *voiceCampaignResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema("ID of the voice campaign (`cd-…`).")
}

func (r *voiceCampaignResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		r.data = data
	}
}

func (r *voiceCampaignResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan voiceCampaignModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c, err := createCampaign(ctx, r.data, plan.request(), plan.Timeouts.create())
	if c != nil {
		m := voiceCampaignModelFrom(c, &plan)
		resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(m.ID, r.data.streamID))...)
	}
	if err != nil {
		resp.Diagnostics.AddError("Unable to create voice campaign", campaignCreateDetail(client.CampaignVoice, plan.Name.ValueString(), err)+errorHint(err))
	}
}

func (r *voiceCampaignResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state voiceCampaignModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.data.streamID, "Unable to read voice campaign", "voice campaign", id)...); resp.Diagnostics.HasError() {
		return
	}
	c, err := r.data.client.Campaigns.Get(ctx, id)
	if err != nil {
		if confirmGone(ctx, &resp.Diagnostics, err, campaignGone(r.data, client.CampaignVoice, id), "Unable to read voice campaign",
			fmt.Sprintf("Reading the voice campaign %s (%q)", id, state.Name.ValueString())) {
			resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(state.ID, r.data.streamID))...)
			resp.State.RemoveResource(ctx)
		}
		return
	}
	if wrongKind(c, client.CampaignVoice, &resp.Diagnostics) {
		return
	}
	m := voiceCampaignModelFrom(c, &state)
	if m.QueueName.IsNull() && m.DialingMode.ValueString() != dialingAgentless {
		// Imported: the read does not answer the queue, the list does.
		name, err := listedQueueName(ctx, r.data.client, c)
		if err != nil {
			resp.Diagnostics.AddError("Unable to read voice campaign", fmt.Sprintf("Reading the queue of the voice campaign %s (%q) "+
				"from the campaign list failed: %v", id, c.Name, err)+errorHint(err))
			return
		}
		m.QueueName = stringOrNull(name)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(m.ID, r.data.streamID))...)
}

// listedQueueName is the name of the queue of the voice campaign c as the
// campaign list shows it (its "connection"): the read of one campaign
// does not answer it. The list is read, filtered by c's dialing mode, up
// to c's entry; "" when the list does not show one.
func listedQueueName(ctx context.Context, c *client.Client, camp *client.Campaign) (string, error) {
	f := client.CampaignFilter{Kind: client.CampaignVoice}
	if camp.DialingMode != "" {
		f.DialingModes = []string{string(camp.DialingMode)}
	}
	var name string
	err := c.Campaigns.Walk(ctx, f, func(e *client.Campaign) bool {
		if e.ID != camp.ID {
			return true
		}
		name = string(e.Connection)
		if name == "" {
			name = string(e.QueueName)
		}
		return false
	})
	return name, err
}

// Update reads the campaign, then sends it back with the plan laid over it
// (updateCampaign).
func (r *voiceCampaignResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state voiceCampaignModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	updated := updateCampaign(ctx, r.data, client.CampaignVoice, req.Identity, state.ID.ValueString(), state.Name.ValueString(), plan.request(), &resp.Diagnostics)
	if updated == nil {
		return
	}
	plan.ID = state.ID
	m := voiceCampaignModelFrom(updated, &plan)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(m.ID, r.data.streamID))...)
}

func (r *voiceCampaignResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state voiceCampaignModel
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	deleteCampaign(ctx, r.data, client.CampaignVoice, req.Identity, state.ID.ValueString(), state.Name.ValueString(), state.Timeouts.delete(), &resp.Diagnostics)
}

// ImportState takes a voice campaign's id (cd-…) or name, or an identity.
func (r *voiceCampaignResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importCampaign(ctx, r.data, client.CampaignVoice, req, resp)
}
