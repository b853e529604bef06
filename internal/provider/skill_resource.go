package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var (
	_ resource.ResourceWithConfigure   = (*skillResource)(nil)
	_ resource.ResourceWithImportState = (*skillResource)(nil)
	_ resource.ResourceWithIdentity    = (*skillResource)(nil)
)

func newSkillResource() resource.Resource { return &skillResource{} }

type skillResource struct {
	client  *client.Client
	members *membershipLocks
	stream  string
}

func (r *skillResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_skill"
}

func (r *skillResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A skill of a skill group, such as *Spanish* in *Languages*. Skill-based routing offers a " +
			"conversation to the agents that have the skills it needs.\n\n" +
			"This resource does not manage which agents have the skill: agents gain a skill through the `skill` blocks " +
			"of `smartassist_agent`, so the two resources never fight over it. Reading a skill never reports its agents " +
			"as drift, and updating a skill keeps every agent that has it, at its proficiency level.",
		Attributes: map[string]schema.Attribute{
			// Required.
			"skill_group_id": schema.StringAttribute{
				MarkdownDescription: "ID of the skill group the skill belongs to. The API keeps a skill under its group " +
					"and cannot move it, so changing this replaces the skill: it is deleted, and created again in the new group with a new id.",
				Required:      true,
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the skill, as the SmartAssist UI and the agents that have the skill show it.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			// Optional.
			"description": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("What the skill means, at most %d characters. "+
					"Removing it from the configuration clears it in the API.", skillDescriptionMax),
				Optional:   true,
				Validators: []validator.String{skillDescription()},
			},
			// Computed.
			"id": schema.StringAttribute{
				MarkdownDescription: "ID of the skill. The `skill` blocks of `smartassist_agent` name it.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

func (r *skillResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = skillIdentitySchema()
}

func (r *skillResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		r.client, r.members = data.client, data.members
		r.stream = data.streamID
	}
}

func (r *skillResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan skillModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	groupID := plan.SkillGroupID.ValueString()
	created, err := r.client.Skills.Create(ctx, groupID, plan.request(false))
	if err != nil {
		detail, exists := existsDetail(err, func(e *client.ExistsError) string { return groupID + "/" + e.ID })
		if !exists {
			detail = fmt.Sprintf("Creating the skill %q in the skill group %s failed: %v", plan.Name.ValueString(), groupID, err) + createAdvice(err, "")
		}
		if client.IsNotFound(err) {
			detail += fmt.Sprintf("\n\nCheck skill_group_id: no skill group %s exists. Refer to a smartassist_skill_group resource "+
				"(skill_group_id = smartassist_skill_group.<name>.id), or look an existing group up with the "+
				"smartassist_skill_group data source.", groupID)
		}
		resp.Diagnostics.AddError("Unable to create skill", detail+errorHint(err))
		return
	}
	plan.fillComputed(skillModelFrom(created))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, skillIdentityOf(plan.SkillGroupID, plan.ID, r.stream))...)
}

func (r *skillResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state skillModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to read skill", "skill", state.ID.ValueString())...)
	if resp.Diagnostics.HasError() {
		return
	}
	groupID, id := state.SkillGroupID.ValueString(), state.ID.ValueString()
	sk, err := r.client.Skills.Get(ctx, groupID, id)
	if err != nil {
		// The skill, or its whole group, may be gone.
		if confirmGone(ctx, &resp.Diagnostics, err, r.gone(groupID, id), "Unable to read skill",
			fmt.Sprintf("Reading the skill %s of the skill group %s", skillObjectLabel(id, state.Name), groupID)) {
			// The framework wants an identity even from a read that drops the
			// object, and state written before identities has none.
			resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, skillIdentityOf(state.SkillGroupID, state.ID, r.stream))...)
			resp.State.RemoveResource(ctx)
		}
		return
	}
	m := skillModelFrom(sk)
	if m.ID.IsNull() {
		m.ID = state.ID
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, skillIdentityOf(state.SkillGroupID, state.ID, r.stream))...)
}

// Update reads the skill, then sends it whole with the planned name and
// description. The update's body is the whole skill, agents included, and
// a body without them takes the skill from every agent; the client sends
// back the agents just read, so they keep it.
func (r *skillResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state skillModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to update skill", "skill", state.ID.ValueString())...); resp.Diagnostics.HasError() {
		return
	}
	groupID, id := state.SkillGroupID.ValueString(), state.ID.ValueString()
	// No agent of this run may gain or lose the skill between the read and
	// the PUT, which sends the agents back as read.
	unlock, err := r.members.object(ctx, skillKey(id))
	if err != nil {
		resp.Diagnostics.AddError("Unable to update skill",
			fmt.Sprintf("Waiting to update the skill %s of the skill group %s: %v", skillObjectLabel(id, state.Name), groupID, err)+errorHint(err))
		return
	}
	defer unlock()
	current, err := r.client.Skills.Get(ctx, groupID, id)
	if err != nil {
		resp.Diagnostics.AddError("Unable to update skill",
			fmt.Sprintf("Reading the skill %s of the skill group %s before updating it failed: %v", skillObjectLabel(id, state.Name), groupID, err)+errorHint(err))
		return
	}
	updated, err := r.client.Skills.Update(ctx, current, plan.request(true))
	if err != nil {
		resp.Diagnostics.AddError("Unable to update skill",
			fmt.Sprintf("Updating the skill %s of the skill group %s failed: %v", skillObjectLabel(id, state.Name), groupID, err)+errorHint(err))
		return
	}
	plan.ID = state.ID
	plan.fillComputed(skillModelFrom(updated))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, skillIdentityOf(plan.SkillGroupID, plan.ID, r.stream))...)
}

// Delete removes the skill; the API takes it from every agent and queue.
func (r *skillResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state skillModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to delete skill", "skill", state.ID.ValueString())...)
	if resp.Diagnostics.HasError() {
		return
	}
	groupID, id := state.SkillGroupID.ValueString(), state.ID.ValueString()
	err := r.client.Skills.Delete(ctx, groupID, id)
	what := fmt.Sprintf("Deleting the skill %s of the skill group %s", skillObjectLabel(id, state.Name), groupID)
	if !deleteDone(ctx, &resp.Diagnostics, err, r.gone(groupID, id), "Unable to delete skill", what) {
		resp.Diagnostics.AddError("Unable to delete skill", fmt.Sprintf("%s failed: %v", what, err)+unreachableHint(err)+errorHint(err))
	}
}

// gone binds the skill's Gone check to its group and id.
func (r *skillResource) gone(groupID, id string) goneFunc {
	return func(ctx context.Context, err error) (bool, error) { return r.client.Skills.Gone(ctx, groupID, id, err) }
}

// ImportState takes <skill group>/<skill>, each an id or a name (the API
// reaches a skill only through its group), or an identity.
func (r *skillResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if groupID, id, given := importSkillIdentity(ctx, req, r.stream, &resp.Diagnostics); given {
		if !resp.Diagnostics.HasError() {
			r.imported(ctx, groupID, id, resp)
		}
		return
	}
	groupKey, skillKey, ok := parseSkillImportID(req.ID)
	if !ok {
		resp.Diagnostics.AddError("Unable to import skill",
			fmt.Sprintf("The import id %q is not of the form <skill_group_id>/<skill_id>, such as "+
				"633ffac608f3a07459939a20/633ffac608f3a07459939a2a, or <skill group name>/<skill name>, such as Languages/French. "+
				"The API reaches a skill only through its skill group, so both are needed; the smartassist_skill data source shows the ids.", req.ID))
		return
	}
	groupID, err := skillGroupIDFor(ctx, r.client, groupKey)
	var id string
	if err == nil {
		id, err = skillIDFor(ctx, r.client, groupID, skillKey)
	}
	if err != nil {
		resp.Diagnostics.AddError("Unable to import skill", fmt.Sprintf("Finding the skill %q: %v.", req.ID, err)+errorHint(err))
		return
	}
	r.imported(ctx, groupID, id, resp)
}

// imported sets the state and the identity of the skill an import found.
func (r *skillResource) imported(ctx context.Context, groupID, id string, resp *resource.ImportStateResponse) {
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("skill_group_id"), groupID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, skillIdentityOf(types.StringValue(groupID), types.StringValue(id), r.stream))...)
}
