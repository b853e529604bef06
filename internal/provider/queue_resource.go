package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var (
	_ resource.ResourceWithConfigure      = (*queueResource)(nil)
	_ resource.ResourceWithImportState    = (*queueResource)(nil)
	_ resource.ResourceWithValidateConfig = (*queueResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*queueResource)(nil)
	_ resource.ResourceWithIdentity       = (*queueResource)(nil)
)

func newQueueResource() resource.Resource { return &queueResource{} }

type queueResource struct {
	client  *client.Client
	members *membershipLocks
	stream  string
}

func (r *queueResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_queue"
}

func (r *queueResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := func() []planmodifier.Bool { return []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()} }
	nonEmpty := []validator.String{stringvalidator.LengthAtLeast(1)}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A queue of the SmartAssist contact center: where conversations wait for an agent, with the hours it " +
			"is open, the skills it routes on and the agent groups that serve it.\n\n" +
			"**Queue membership is not managed here.** Agents join a queue through the `queue` block of the `smartassist_agent` " +
			"resource. This resource never changes which agents are in the queue: an update sends the members back as the API " +
			"lists them, and agents added or removed elsewhere never show up as a change of the queue.\n\n" +
			"The API never deletes the account's default queue.",
		Attributes: map[string]schema.Attribute{
			// Required.
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the queue, shown to agents and in routing rules. The API refuses a name another queue has.",
				Required:            true,
				Validators:          nonEmpty,
			},
			"hours_of_operation_id": schema.StringAttribute{
				MarkdownDescription: "ID of the hours of operation that say when the queue is open. The API requires them; the " +
					"SmartAssist UI lists them (the public API has no endpoint that lists hours of operation).",
				Required:   true,
				Validators: nonEmpty,
			},
			// Optional.
			"description": schema.StringAttribute{
				MarkdownDescription: "Description of the queue. Omit it for none (the API's empty description reads as omitted).",
				Optional:            true,
				Validators:          nonEmpty,
			},
			"is_advanced_routing_enabled": schema.BoolAttribute{
				MarkdownDescription: "Whether the queue routes with advanced routing rules instead of the standard assignment. Default `false`.",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(defaultAdvancedRouting),
			},
			"agent_group_ids": schema.SetAttribute{
				MarkdownDescription: "IDs (`ag-…`) of the agent groups that serve the queue. Order does not matter. Omitted or empty " +
					"means none, and the provider removes any the queue has.",
				ElementType: types.StringType,
				Optional:    true,
				Computed:    true,
				Default:     setdefault.StaticValue(types.SetValueMust(types.StringType, []attr.Value{})),
				Validators:  []validator.Set{setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
			},
			"preferred_agent_timeout": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("How long a conversation waits for its preferred agent before any agent of the "+
					"queue may take it: a duration in whole seconds such as `45s` or `2m30s`, from `0s` to below %dm. The API "+
					"stores minutes and seconds, so `150s` and `2m30s` are the same value and changing one into the other is "+
					"no change. When omitted, the API's value is kept.", int(maxPreferredAgentTimeout.Minutes())),
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), equivalentDuration{}},
				Validators:    []validator.String{queueTimeout()},
			},
			// Computed.
			"id": schema.StringAttribute{
				MarkdownDescription: "ID of the queue (`qu-…`).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"is_default": schema.BoolAttribute{
				MarkdownDescription: "Whether this is the account's default queue. A queue created by Terraform never is.",
				Computed:            true,
				PlanModifiers:       keep(),
			},
			"is_active": schema.BoolAttribute{
				MarkdownDescription: "Whether the queue is active and takes conversations. A new queue is.",
				Computed:            true,
				PlanModifiers:       keep(),
			},
		},
		Blocks: map[string]schema.Block{
			queueSkillBlock: schema.SetNestedBlock{
				MarkdownDescription: "A skill the queue routes on: conversations go to agents who have it. One block per skill; " +
					"order does not matter. The blocks are managed as a whole: omitting all of them means the queue routes on no " +
					"skill, and the provider removes any the queue has.",
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"id": schema.StringAttribute{
							MarkdownDescription: "ID of the skill.",
							Required:            true,
							Validators:          nonEmpty,
						},
						skillExpireAttr: schema.BoolAttribute{
							MarkdownDescription: "Whether the skill requirement expires: after the skill's expiry time (set in the " +
								"SmartAssist UI, and kept by the provider) the conversation may go to agents without the skill. Default `false`.",
							Optional: true,
							Computed: true,
						},
					},
				},
			},
		},
	}
}

// ValidateConfig rejects two skill blocks with the same id: the set would
// keep both (they differ in is_expire_enabled), and the API would get the
// skill twice.
func (r *queueResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	skills, _, d := blockSet[queueSkillModel](ctx, req.Config, path.Root(queueSkillBlock))
	resp.Diagnostics.Append(d...)
	rejectDuplicateKeys(queueSkillBlock, "skill id", skills, func(s queueSkillModel) types.String { return s.ID }, &resp.Diagnostics)
}

// ModifyPlan applies the default of is_expire_enabled where a skill block
// leaves it out: an omitted value means false, so an expiry enabled in the
// UI shows up as drift, and plans never show a perpetual "known after
// apply".
func (r *queueResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	applyBlockDefault(ctx, req, resp, queueSkillBlock,
		func(s *queueSkillModel) types.String { return s.ID },
		func(s *queueSkillModel) *types.Bool { return &s.IsExpireEnabled }, defaultSkillExpire)
}

func (r *queueResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema("ID of the queue (`qu-…`).")
}

func (r *queueResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		r.client, r.members = data.client, data.members
		r.stream = data.streamID
	}
}

func (r *queueResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan queueModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.Name.ValueString()
	created, err := r.client.Queues.Create(ctx, plan.request(false))
	if err != nil {
		resp.Diagnostics.AddError("Unable to create queue", queueCreateDetail(name, err)+errorHint(err))
		return
	}
	plan.fillComputed(queueModelFrom(created))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(plan.ID, r.stream))...)
}

func queueCreateDetail(name string, err error) string {
	if detail, ok := existsDetail(err, existingID); ok {
		return detail
	}
	var unconfirmed *client.UnconfirmedCreateError
	switch {
	case errors.As(err, &unconfirmed):
		return err.Error() + createAdvice(err, "")
	case !client.IsClientError(err):
		return fmt.Sprintf("Creating the queue %q failed: %v", name, err)
	}
	return fmt.Sprintf("Creating the queue %q failed: %v\n\nCheck that hours_of_operation_id, the skill ids and the "+
		"agent group ids name objects that exist.", name, err)
}

func (r *queueResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state queueModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to read queue", "queue", state.ID.ValueString())...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	q, err := r.client.Queues.Get(ctx, id)
	if err != nil {
		if confirmGone(ctx, &resp.Diagnostics, err, r.gone(id), "Unable to read queue",
			fmt.Sprintf("Reading the queue %s (%q)", id, state.Name.ValueString())) {
			// The framework wants an identity even from a read that drops the
			// object, and state written before identities has none.
			resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(state.ID, r.stream))...)
			resp.State.RemoveResource(ctx)
		}
		return
	}
	m := queueModelFrom(q)
	if m.ID.IsNull() {
		m.ID = state.ID
	}
	m.keepEquivalent(state)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(state.ID, r.stream))...)
}

// Update reads the queue, then sends it back with the planned changes laid
// over it. The members go back as read (see client.QueuesService.Update):
// a PUT without them would empty the queue.
func (r *queueResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state queueModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to update queue", "queue", state.ID.ValueString())...); resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	// No agent of this run may join or leave the queue between the read
	// and the PUT, which sends the members back as read.
	unlock, err := r.members.object(ctx, queueKey(id))
	if err != nil {
		resp.Diagnostics.AddError("Unable to update queue", fmt.Sprintf("Waiting to update the queue %s (%q): %v", id, state.Name.ValueString(), err)+errorHint(err))
		return
	}
	defer unlock()
	current, err := r.client.Queues.Get(ctx, id)
	if err != nil {
		resp.Diagnostics.AddError("Unable to update queue",
			fmt.Sprintf("Reading the queue %s (%q) before updating it failed: %v", id, state.Name.ValueString(), err)+errorHint(err))
		return
	}
	updated, err := r.client.Queues.Update(ctx, current, plan.request(true))
	if err != nil {
		resp.Diagnostics.AddError("Unable to update queue",
			fmt.Sprintf("Updating the queue %s (%q) failed: %v", id, plan.Name.ValueString(), err)+errorHint(err))
		return
	}
	plan.ID = state.ID
	plan.fillComputed(queueModelFrom(updated))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(plan.ID, r.stream))...)
}

func (r *queueResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state queueModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to delete queue", "queue", state.ID.ValueString())...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	err := r.client.Queues.Delete(ctx, id)
	if deleteDone(ctx, &resp.Diagnostics, err, r.gone(id), "Unable to delete queue", fmt.Sprintf("Deleting the queue %s (%q)", id, state.Name.ValueString())) {
		return
	}
	detail := fmt.Sprintf("Deleting the queue %s (%q) failed: %v", id, state.Name.ValueString(), err)
	if state.IsDefault.ValueBool() {
		detail += "\n\nThis is the account's default queue, which the API does not delete. To stop managing it with " +
			"Terraform, remove it from the state (a removed block, or terraform state rm) instead of destroying it."
	}
	resp.Diagnostics.AddError("Unable to delete queue", detail+errorHint(err))
}

// gone binds the queue's Gone check to its id.
func (r *queueResource) gone(id string) goneFunc {
	return func(ctx context.Context, err error) (bool, error) { return r.client.Queues.Gone(ctx, id, err) }
}

// ImportState takes a queue id (qu-…) or a queue's name, or an identity.
func (r *queueResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, given := importIdentity(ctx, req, r.stream, "queue", &resp.Diagnostics)
	if !given {
		var err error
		id, err = queueIDFor(ctx, r.client, strings.TrimSpace(req.ID))
		if err != nil {
			resp.Diagnostics.AddError("Unable to import queue", fmt.Sprintf("The import id %q is neither a queue id (qu-…) nor the name of one queue: %v. "+
				"The smartassist_queues data source lists every queue with its id.", req.ID, err)+errorHint(err))
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(types.StringValue(id), r.stream))...)
}
