package provider

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var (
	_ resource.ResourceWithConfigure      = (*campaignScheduleResource)(nil)
	_ resource.ResourceWithImportState    = (*campaignScheduleResource)(nil)
	_ resource.ResourceWithValidateConfig = (*campaignScheduleResource)(nil)
	_ resource.ResourceWithIdentity       = (*campaignScheduleResource)(nil)
)

func newCampaignScheduleResource() resource.Resource { return &campaignScheduleResource{} }

// campaignScheduleResource is a campaign's recurring schedule: Enable
// Daily / Weekly Scheduling of Voice or SMS Campaigns and Disable a
// Scheduled Voice or SMS Campaign
// (https://docs.kore.ai/ai-for-service/apis/contact-center/enable-voice-or-sms-campaign-schedule-daily,
// …/enable-voice-or-sms-campaign-schedule-weekly, …/disable-voice-or-sms-campaign-schedule).
// The pages key the schedule by the campaign's name and give no read of
// it: a campaign read says only schedule.isSchedulingEnabled.
type campaignScheduleResource struct {
	client *client.Client
	stream string
}

func (r *campaignScheduleResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_campaign_schedule"
}

func (r *campaignScheduleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := func() []planmodifier.String { return []planmodifier.String{stringplanmodifier.UseStateForUnknown()} }
	resp.Schema = schema.Schema{
		MarkdownDescription: "The recurring schedule of an SMS or voice campaign: the campaign runs daily or on chosen days of the " +
			"week, between a start and an end. Creating it turns the campaign's schedule on, changing it sends the schedule again, " +
			"and destroying it turns the schedule off.\n\n" +
			"**What is read back.** The API has no read of a schedule: a campaign says only whether its schedule is on. So the " +
			"provider reads that flag, and removes this resource from the state when the schedule is off (the next plan creates it " +
			"again); everything else (`recurrence`, `every`, `days`, `start`, `end`) is kept as it was last sent. **A schedule " +
			"changed outside Terraform, while it stays on, is not seen: its drift never shows in a plan.**\n\n" +
			"**Names.** The API finds the campaign by its name. The provider takes the campaign's id, reads its name, and checks " +
			"before each change that no other campaign (SMS or voice) has that name, since the API could not tell them apart.\n\n" +
			"The API takes no time zone for `start` and `end`.",
		Attributes: map[string]schema.Attribute{
			"campaign_id": schema.StringAttribute{
				MarkdownDescription: "ID of the SMS or voice campaign (`cd-…`), such as `smartassist_voice_campaign.spring.id`. " +
					"Changing it schedules the other campaign: this schedule is turned off and a new one made.",
				Required:      true,
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"recurrence": schema.StringAttribute{
				MarkdownDescription: "How the campaign recurs: `daily` (every `every` days) or `weekly` (on `days`, every `every` weeks).",
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf(recurrenceDaily, recurrenceWeekly)},
			},
			"start": schema.StringAttribute{
				MarkdownDescription: "When the schedule begins, written `YYYY-MM-DD HH:mm:ss` (24-hour clock), such as `2026-03-01 09:00:00`.",
				Required:            true,
				Validators:          []validator.String{scheduleTimeCheck()},
			},
			"end": schema.StringAttribute{
				MarkdownDescription: "When the schedule ends, written like `start`. It must be after `start` (checked at plan time) " +
					"and, the API adds, after the time the schedule is sent.",
				Required:   true,
				Validators: []validator.String{scheduleTimeCheck()},
			},
			"every": schema.Int64Attribute{
				MarkdownDescription: "The campaign runs once every this many days (`daily`) or weeks (`weekly`). Default `1`: every day, or every week.",
				Optional:            true,
				Computed:            true,
				Default:             int64default.StaticInt64(1),
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"days": schema.SetAttribute{
				MarkdownDescription: "The days of the week a `weekly` schedule runs on: " + quotedList(scheduleDayCodes()) +
					". Required for `weekly`; not allowed for `daily`.",
				Optional:    true,
				ElementType: types.StringType,
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.OneOf(scheduleDayCodes()...)),
				},
			},
			"id": schema.StringAttribute{
				MarkdownDescription: "The campaign's id: a campaign has one schedule.",
				Computed:            true,
				PlanModifiers:       keep(),
			},
			"campaign_name": schema.StringAttribute{
				MarkdownDescription: "The campaign's name, read from the API on every refresh and before every change: the name " +
					"the schedule API is called with. A change of the schedule reads it again, so a plan shows it as known after apply.",
				Computed: true,
			},
			"campaign_type": schema.StringAttribute{
				MarkdownDescription: "The campaign's kind as the API answers it: `sms` or `voice`.",
				Computed:            true,
				PlanModifiers:       keep(),
			},
		},
	}
}

// IdentitySchema: a campaign has one schedule, so the campaign's id names
// it, as it names the resource's id.
func (r *campaignScheduleResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema("ID of the SMS or voice campaign (cd-…) whose schedule it is: a campaign has one schedule.")
}

func (r *campaignScheduleResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m campaignScheduleModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	validateScheduleConfig(ctx, m, &resp.Diagnostics)
}

func (r *campaignScheduleResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		r.client = data.client
		r.stream = data.streamID
	}
}

func (r *campaignScheduleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan campaignScheduleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if r.enable(ctx, &plan, "Unable to create campaign schedule", &resp.Diagnostics) {
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(plan.ID, r.stream))...)
	}
}

func (r *campaignScheduleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan campaignScheduleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	const summary = "Unable to update campaign schedule"
	if resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, summary, "campaign schedule", plan.ID.ValueString())...); resp.Diagnostics.HasError() {
		return
	}
	if r.enable(ctx, &plan, summary, &resp.Diagnostics) {
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(plan.ID, r.stream))...)
	}
}

// enable reads the campaign (its name and kind now), checks that its name
// is its own, and sends the schedule. It fills the computed attributes of
// m and reports whether the schedule was sent.
func (r *campaignScheduleResource) enable(ctx context.Context, m *campaignScheduleModel, summary string, diags *diag.Diagnostics) bool {
	id := m.CampaignID.ValueString()
	c, ok := r.readCampaign(ctx, id, summary, diags)
	if !ok || !r.nameIsOwn(ctx, c, summary, diags) {
		return false
	}
	m.fromCampaign(c)
	w, err := m.window()
	if err != nil {
		diags.AddAttributeError(path.Root("start"), summary, err.Error())
		return false
	}
	name := string(c.Name)
	every := int(m.Every.ValueInt64())
	if m.Recurrence.ValueString() == recurrenceWeekly {
		days, d := m.weekdays(ctx)
		if diags.Append(d...); diags.HasError() {
			return false
		}
		_, err = r.client.CampaignSchedules.EnableWeekly(ctx, name, w, every, days)
	} else {
		_, err = r.client.CampaignSchedules.EnableDaily(ctx, name, w, every)
	}
	if err != nil {
		detail := fmt.Sprintf("Scheduling the campaign %s (%q) failed: %v", id, name, err)
		if client.IsClientError(err) && !client.IsRateLimited(err) {
			detail += "\n\nThe API checks that end is after the time the schedule is sent: an end in the past is refused."
		}
		diags.AddError(summary, detail+errorHint(err))
		return false
	}
	return true
}

// readCampaign reads the campaign id, for its name and kind now.
func (r *campaignScheduleResource) readCampaign(ctx context.Context, id, summary string, diags *diag.Diagnostics) (*client.Campaign, bool) {
	c, err := r.client.Campaigns.Get(ctx, id)
	if err != nil {
		diags.AddAttributeError(path.Root("campaign_id"), summary,
			fmt.Sprintf("Reading the campaign %s failed: %v", id, err)+errorHint(err))
		return nil, false
	}
	return c, true
}

// nameIsOwn checks that no campaign of either kind but c has c's name: the
// schedule API finds campaigns by name, and a name two campaigns share
// would schedule either.
func (r *campaignScheduleResource) nameIsOwn(ctx context.Context, c *client.Campaign, summary string, diags *diag.Diagnostics) bool {
	id, name := string(c.ID), string(c.Name)
	named, err := r.client.Campaigns.FindByName(ctx, "", name)
	var amb *client.AmbiguousNameError
	switch {
	case errors.As(err, &amb):
		diags.AddAttributeError(path.Root("campaign_id"), summary,
			fmt.Sprintf("The schedule API finds a campaign by its name, and %v. Give campaign %s a name of its own.", err, id))
		return false
	case err != nil && !client.IsNotListed(err):
		diags.AddError(summary, fmt.Sprintf("Checking that no other campaign is named %q (the schedule API finds campaigns by name) failed: %v",
			name, err)+errorHint(err))
		return false
	case err == nil && string(named.ID) != id:
		diags.AddAttributeError(path.Root("campaign_id"), summary,
			fmt.Sprintf("The campaign lists name campaign %s %q, not %s, whose read answered that name. The schedule API "+
				"finds a campaign by its name, so it cannot be told which is meant.", named.ID, name, id))
		return false
	}
	return true
}

// schedulingEnabled is the campaign's schedule.isSchedulingEnabled, and
// whether the answer gives it: an answer that does not say is not proof
// that the schedule is off.
func schedulingEnabled(c *client.Campaign) (on, known bool) {
	var sched map[string]json.RawMessage
	if json.Unmarshal(c.Raw["schedule"], &sched) != nil {
		return false, false
	}
	var flag client.FlexBool
	if raw, ok := sched["isSchedulingEnabled"]; !ok || json.Unmarshal(raw, &flag) != nil {
		return false, false
	}
	return bool(flag), true
}

func (r *campaignScheduleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state campaignScheduleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.CampaignID.ValueString()
	if id == "" {
		id = state.ID.ValueString()
	}
	if resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to read campaign schedule", "campaign schedule", id)...); resp.Diagnostics.HasError() {
		return
	}
	// State written before identities has none: every way out that keeps
	// or drops the resource gives it.
	identity := identityOf(types.StringValue(id), r.stream)
	c, err := r.client.Campaigns.Get(ctx, id)
	if err != nil {
		what := fmt.Sprintf("Reading the campaign %s of the schedule", id)
		kind := client.CampaignKind(state.CampaignType.ValueString())
		if kind == "" {
			resp.Diagnostics.AddError("Unable to read campaign schedule", fmt.Sprintf("%s failed: %v", what, err)+errorHint(err))
			return
		}
		if confirmGone(ctx, &resp.Diagnostics, err, r.gone(kind, id), "Unable to read campaign schedule", what) {
			resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identity)...)
			resp.State.RemoveResource(ctx)
		}
		return
	}
	switch on, known := schedulingEnabled(c); {
	case !known:
		resp.Diagnostics.AddError("Unable to read campaign schedule", fmt.Sprintf("The read of campaign %s (%q) does not say whether "+
			"its schedule is on (schedule.isSchedulingEnabled), so the provider cannot tell whether the schedule still exists. "+
			"Nothing was removed from the state.", id, string(c.Name)))
		return
	case !on:
		// Turned off: the schedule is gone, and the next plan creates it
		// again.
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identity)...)
		resp.State.RemoveResource(ctx)
		return
	}
	// The schedule's details have no read: they stay as last sent.
	state.fromCampaign(c)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identity)...)
}

func (r *campaignScheduleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state campaignScheduleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.CampaignID.ValueString()
	const summary = "Unable to delete campaign schedule"
	if resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, summary, "campaign schedule", id)...); resp.Diagnostics.HasError() {
		return
	}
	c, err := r.client.Campaigns.Get(ctx, id)
	if err != nil {
		kind := client.CampaignKind(state.CampaignType.ValueString())
		if kind != "" && client.IsNotFound(err) {
			if gone, _ := r.client.Campaigns.Gone(ctx, kind, id, err); gone {
				return // no campaign, no schedule
			}
		}
		resp.Diagnostics.AddError(summary, fmt.Sprintf("Reading the campaign %s before turning its schedule off failed: %v", id, err)+
			unreachableHint(err)+errorHint(err))
		return
	}
	if on, known := schedulingEnabled(c); known && !on {
		return // off already
	}
	if !r.nameIsOwn(ctx, c, summary, &resp.Diagnostics) {
		return
	}
	if _, err := r.client.CampaignSchedules.Disable(ctx, string(c.Name)); err != nil {
		resp.Diagnostics.AddError(summary, fmt.Sprintf("Turning off the schedule of campaign %s (%q) failed: %v", id, string(c.Name), err)+errorHint(err))
	}
}

// gone binds the campaigns' Gone check to the campaign.
func (r *campaignScheduleResource) gone(kind client.CampaignKind, id string) goneFunc {
	return func(ctx context.Context, err error) (bool, error) { return r.client.Campaigns.Gone(ctx, kind, id, err) }
}

// ImportState takes the campaign's id, or an identity. The schedule's
// details cannot be read: the next plan sends them again from the
// configuration.
func (r *campaignScheduleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, given := importIdentity(ctx, req, r.stream, "campaign whose schedule it is", &resp.Diagnostics)
	if !given {
		if id = strings.TrimSpace(req.ID); id == "" {
			resp.Diagnostics.AddError("Unable to import campaign schedule", "The import id is empty: give the campaign's id (cd-…).")
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("campaign_id"), id)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(types.StringValue(id), r.stream))...)
}
