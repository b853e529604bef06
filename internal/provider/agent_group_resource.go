package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var (
	_ resource.ResourceWithConfigure      = (*agentGroupResource)(nil)
	_ resource.ResourceWithImportState    = (*agentGroupResource)(nil)
	_ resource.ResourceWithValidateConfig = (*agentGroupResource)(nil)
	_ resource.ResourceWithIdentity       = (*agentGroupResource)(nil)
)

func newAgentGroupResource() resource.Resource { return &agentGroupResource{} }

type agentGroupResource struct {
	client *client.Client
	stream string
}

func (r *agentGroupResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_agent_group"
}

func (r *agentGroupResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An agent group of the SmartAssist contact center: a team of agents, with the users who manage it. " +
			"Agents join a group through the `agent_group_id` of the `smartassist_agent` resource; this resource manages the " +
			"group's name, description and managers.\n\n" +
			"The API never deletes the account's default agent group, nor a group that still has agents.",
		Attributes: map[string]schema.Attribute{
			// Required.
			"name": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Name of the group, shown in the SmartAssist UI, at most %d characters. "+
					"The API refuses a name another group has.", agentGroupTextMax),
				Required:   true,
				Validators: []validator.String{agentGroupText()},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Description of the group, at most %d characters. The API requires one.", agentGroupTextMax),
				Required:            true,
				Validators:          []validator.String{agentGroupText()},
			},
			// Computed.
			"id": schema.StringAttribute{
				MarkdownDescription: "ID of the agent group (`ag-…`).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"is_default": schema.BoolAttribute{
				MarkdownDescription: "Whether this is the account's default agent group, which takes agents created without a group. " +
					"A group created by Terraform never is.",
				Computed:      true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
		},
		Blocks: map[string]schema.Block{
			agentGroupManagerBlock: schema.SetNestedBlock{
				MarkdownDescription: "A user who manages the group, and what they may do with it. One block per user; order does not " +
					"matter. The blocks are managed as a whole: omitting all of them means the group has no managers, and the " +
					"provider removes any the group has. When the API reads managers back without their user ids (as the " +
					"vendor's sample answer does), the provider keeps the managers it last applied and cannot see changes " +
					"made elsewhere.",
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"user_id": schema.StringAttribute{
							MarkdownDescription: "Platform user id (`u-…`) of the manager: the `user_id` of a `smartassist_agent`.",
							Required:            true,
							Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
						},
						"access_level": schema.StringAttribute{
							MarkdownDescription: "What the manager may do with the group, one of the access levels the API " +
								"offers: " + quotedList(client.AccessLevels) + ".",
							Required:   true,
							Validators: []validator.String{stringvalidator.OneOf(client.AccessLevels...)},
						},
					},
				},
			},
		},
	}
}

// ValidateConfig rejects two manager blocks for the same user: the set
// would keep both (their access levels differ), and the API would get the
// user twice.
func (r *agentGroupResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	managers, _, d := blockSet[agentGroupManagerModel](ctx, req.Config, path.Root(agentGroupManagerBlock))
	resp.Diagnostics.Append(d...)
	rejectDuplicateKeys(agentGroupManagerBlock, "user_id", managers,
		func(m agentGroupManagerModel) types.String { return m.UserID }, &resp.Diagnostics)
}

func (r *agentGroupResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema("ID of the agent group (`ag-…`).")
}

func (r *agentGroupResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		r.client = data.client
		r.stream = data.streamID
	}
}

// Create adds the group, then sets its managers when there are any:
// create-an-agent-group takes only the name and the description, and
// update-an-agent-group is where managers are set.
func (r *agentGroupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan agentGroupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.Name.ValueString()
	created, err := r.client.AgentGroups.Create(ctx, client.AgentGroupRequest{Name: name, Description: plan.Description.ValueString()})
	if err != nil {
		resp.Diagnostics.AddError("Unable to create agent group", agentGroupCreateDetail(name, err)+errorHint(err))
		return
	}
	got, _ := agentGroupModelFrom(created)
	plan.ID = got.ID
	// The create answer may be the echo of the body, without isDefault; a
	// new group is not the default one.
	plan.IsDefault = types.BoolValue(got.IsDefault.ValueBool())
	if plan.Managers == nil {
		plan.Managers = []agentGroupManagerModel{}
	}
	if len(plan.Managers) == 0 {
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(plan.ID, r.stream))...)
		return
	}
	if _, err := r.client.AgentGroups.Update(ctx, plan.ID.ValueString(), plan.updateRequest()); err != nil {
		// The group exists without managers. Saving it, with what it
		// has, taints it: the next apply replaces it rather than leaving
		// a group Terraform does not know.
		plan.Managers = []agentGroupManagerModel{}
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(plan.ID, r.stream))...)
		resp.Diagnostics.AddError("Unable to create agent group",
			fmt.Sprintf("The agent group %s (%q) was created, but setting its managers failed: %v\n\n"+
				"The group is saved in the state as tainted, so the next apply replaces it. Check that each manager's "+
				"user_id is the user id (u-…) of an existing agent.", plan.ID.ValueString(), name, err)+errorHint(err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(plan.ID, r.stream))...)
}

func agentGroupCreateDetail(name string, err error) string {
	if detail, ok := existsDetail(err, existingID); ok {
		return detail
	}
	var unconfirmed *client.UnconfirmedCreateError
	switch {
	case errors.As(err, &unconfirmed):
		return err.Error() + createAdvice(err, "")
	}
	return fmt.Sprintf("Creating the agent group %q failed: %v", name, err)
}

func (r *agentGroupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state agentGroupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to read agent group", "agent group", state.ID.ValueString())...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	g, err := r.client.AgentGroups.Get(ctx, id)
	if err != nil {
		if confirmGone(ctx, &resp.Diagnostics, err, r.gone(id), "Unable to read agent group",
			fmt.Sprintf("Reading the agent group %s (%q)", id, state.Name.ValueString())) {
			// The framework wants an identity even from a read that drops the
			// object, and state written before identities has none.
			resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(state.ID, r.stream))...)
			resp.State.RemoveResource(ctx)
		}
		return
	}
	m, managersKnown := agentGroupModelFrom(g)
	if m.ID.IsNull() {
		m.ID = state.ID
	}
	if !managersKnown {
		// get-an-agent-group's sample lists managers without their
		// userId, so such an answer cannot be compared with the
		// configuration: keep the managers last applied. A change made
		// outside Terraform is then not seen.
		m.Managers = state.Managers
	}
	if m.Managers == nil {
		m.Managers = []agentGroupManagerModel{}
	}
	if m.IsDefault.IsNull() {
		// The same page's sample has no isDefault either.
		m.IsDefault = state.IsDefault
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(state.ID, r.stream))...)
}

// Update sends the whole group, managers included, in one PUT: the body of
// update-an-agent-group is everything this resource manages, so nothing is
// read first.
func (r *agentGroupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state agentGroupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to update agent group", "agent group", state.ID.ValueString())...); resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if _, err := r.client.AgentGroups.Update(ctx, id, plan.updateRequest()); err != nil {
		resp.Diagnostics.AddError("Unable to update agent group",
			fmt.Sprintf("Updating the agent group %s (%q) failed: %v", id, plan.Name.ValueString(), err)+errorHint(err))
		return
	}
	plan.ID = state.ID
	if plan.IsDefault.IsUnknown() {
		plan.IsDefault = state.IsDefault
	}
	if plan.Managers == nil {
		plan.Managers = []agentGroupManagerModel{}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(plan.ID, r.stream))...)
}

func (r *agentGroupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state agentGroupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to delete agent group", "agent group", state.ID.ValueString())...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	err := r.client.AgentGroups.Delete(ctx, id)
	if deleteDone(ctx, &resp.Diagnostics, err, r.gone(id), "Unable to delete agent group",
		fmt.Sprintf("Deleting the agent group %s (%q)", id, state.Name.ValueString())) {
		return
	}
	detail := fmt.Sprintf("Deleting the agent group %s (%q) failed: %v", id, state.Name.ValueString(), err)
	switch {
	case state.IsDefault.ValueBool():
		detail += "\n\nThis is the account's default agent group, which the API does not delete. To stop managing it with " +
			"Terraform, remove it from the state (a removed block, or terraform state rm) instead of destroying it."
	case client.IsRefusal(err):
		detail += "\n\nThe API does not delete a group that still has agents. If that is its reason, move the agents to " +
			"another group first (the agent_group_id of each smartassist_agent, or the SmartAssist UI), then destroy the group again."
	}
	resp.Diagnostics.AddError("Unable to delete agent group", detail+errorHint(err))
}

// gone binds the agent group's Gone check to its id.
func (r *agentGroupResource) gone(id string) goneFunc {
	return func(ctx context.Context, err error) (bool, error) { return r.client.AgentGroups.Gone(ctx, id, err) }
}

// ImportState takes an agent group id (ag-…) or a group's name, or an
// identity.
func (r *agentGroupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, given := importIdentity(ctx, req, r.stream, "agent group", &resp.Diagnostics)
	if !given {
		var err error
		id, err = agentGroupIDFor(ctx, r.client, strings.TrimSpace(req.ID))
		if err != nil {
			resp.Diagnostics.AddError("Unable to import agent group", fmt.Sprintf("The import id %q is neither an agent group id (ag-…) "+
				"nor the name of one agent group: %v.", req.ID, err)+errorHint(err))
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(types.StringValue(id), r.stream))...)
}

// checkImportID checks an import id before any request. The ids of agent
// groups and queues carry the prefix every sample shows (ag-… on Get all
// agent groups, qu-… on Get a list of queues, at
// https://docs.kore.ai/ai-for-service/apis/contact-center/<page>), so a name or a mistyped value is refused without a call, with
// what to give instead (hint). It returns the problem, or "" when the id
// will do.
func checkImportID(id, kind, prefix, example, hint string) string {
	if strings.HasPrefix(id, prefix) && len(id) > len(prefix) && !strings.ContainsAny(id, " \t\r\n/?#%") {
		return ""
	}
	return fmt.Sprintf("The import id %q is not a valid %s id. Give the id of the %s, which starts with %s, such as %s. %s",
		id, kind, kind, prefix, example, hint)
}
