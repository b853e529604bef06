package provider

import (
	"context"
	"fmt"
	"strings"

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
	_ resource.ResourceWithConfigure   = (*skillGroupResource)(nil)
	_ resource.ResourceWithImportState = (*skillGroupResource)(nil)
	_ resource.ResourceWithIdentity    = (*skillGroupResource)(nil)
)

func newSkillGroupResource() resource.Resource { return &skillGroupResource{} }

type skillGroupResource struct {
	client *client.Client
	stream string
}

func (r *skillGroupResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_skill_group"
}

func (r *skillGroupResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A skill group: a named, coloured category of skills, such as *Languages* or *Products*, " +
			"that organises the skills used by skill-based routing. Skills are added to it with `smartassist_skill`.\n\n" +
			"The API does not delete a skill group that still has skills: delete its skills first.",
		Attributes: map[string]schema.Attribute{
			// Required.
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the skill group, as the SmartAssist UI shows it.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			// Optional.
			"description": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("What the skills of the group have in common, at most %d characters. "+
					"Removing it from the configuration clears it in the API.", skillDescriptionMax),
				Optional:   true,
				Validators: []validator.String{skillDescription()},
			},
			"color": schema.StringAttribute{
				MarkdownDescription: "Colour the SmartAssist UI shows the group's skills in, as `#` and six hexadecimal digits, " +
					"such as `#0f0f0f`. Compared without regard to case. When omitted, the API may choose one, and this " +
					"attribute shows it; removing it from the configuration keeps the colour the group has.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Validators:    []validator.String{skillGroupColor()},
			},
			// Computed.
			"id": schema.StringAttribute{
				MarkdownDescription: "ID of the skill group. Skills name their group by it (`skill_group_id`).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

func (r *skillGroupResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema("ID of the skill group.")
}

func (r *skillGroupResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if data, ok := configuredData(req.ProviderData, &resp.Diagnostics); ok {
		r.client = data.client
		r.stream = data.streamID
	}
}

func (r *skillGroupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan skillGroupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.Name.ValueString()
	created, err := r.client.SkillGroups.Create(ctx, plan.request(false))
	if err != nil {
		detail, exists := existsDetail(err, existingID)
		if !exists {
			detail = fmt.Sprintf("Creating the skill group %q failed: %v", name, err) + createAdvice(err, "")
		}
		resp.Diagnostics.AddError("Unable to create skill group", detail+errorHint(err))
		return
	}
	plan.fillComputed(skillGroupModelFrom(created))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(plan.ID, r.stream))...)
}

func (r *skillGroupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state skillGroupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to read skill group", "skill group", state.ID.ValueString())...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	g, err := r.client.SkillGroups.Get(ctx, id)
	if err != nil {
		if confirmGone(ctx, &resp.Diagnostics, err, r.gone(id), "Unable to read skill group",
			fmt.Sprintf("Reading the skill group %s", skillObjectLabel(id, state.Name))) {
			// The framework wants an identity even from a read that drops the
			// object, and state written before identities has none.
			resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(state.ID, r.stream))...)
			resp.State.RemoveResource(ctx)
		}
		return
	}
	m := skillGroupModelFrom(g)
	if m.ID.IsNull() {
		m.ID = state.ID
	}
	m.keepEquivalent(state)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(state.ID, r.stream))...)
}

// Update sends the whole group in one PUT, as update-a-skill-group
// documents its body: the plan holds every field, so nothing is read first.
func (r *skillGroupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state skillGroupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to update skill group", "skill group", state.ID.ValueString())...); resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	updated, err := r.client.SkillGroups.Update(ctx, id, plan.request(true))
	if err != nil {
		detail := fmt.Sprintf("Updating the skill group %s failed: %v", skillObjectLabel(id, state.Name), err)
		if client.IsConflict(err) {
			detail += fmt.Sprintf("\n\nAnother skill group is already named %q. Skill group names are unique; choose another.", plan.Name.ValueString())
		}
		resp.Diagnostics.AddError("Unable to update skill group", detail+errorHint(err))
		return
	}
	plan.ID = state.ID
	plan.fillComputed(skillGroupModelFrom(updated))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(plan.ID, r.stream))...)
}

func (r *skillGroupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state skillGroupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(checkStateStream(ctx, req.Identity, r.stream, "Unable to delete skill group", "skill group", state.ID.ValueString())...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	err := r.client.SkillGroups.Delete(ctx, id)
	if deleteDone(ctx, &resp.Diagnostics, err, r.gone(id), "Unable to delete skill group",
		fmt.Sprintf("Deleting the skill group %s", skillObjectLabel(id, state.Name))) {
		return
	}
	resp.Diagnostics.AddError("Unable to delete skill group",
		fmt.Sprintf("Deleting the skill group %s failed: %v", skillObjectLabel(id, state.Name), err)+r.remainingSkills(ctx, id, err)+errorHint(err))
}

// gone binds the skill group's Gone check to its id.
func (r *skillGroupResource) gone(id string) goneFunc {
	return func(ctx context.Context, err error) (bool, error) { return r.client.SkillGroups.Gone(ctx, id, err) }
}

// remainingSkills explains a refused delete: the API does not delete a
// group that still has skills. When the API refused the request
// (client.IsRefusal), the group's skills are listed, and named with what to
// do. Otherwise, or when the group has no skills left, it says nothing.
func (r *skillGroupResource) remainingSkills(ctx context.Context, id string, err error) string {
	if !client.IsRefusal(err) {
		return ""
	}
	skills, listErr := r.client.Skills.ListAll(ctx, id)
	if listErr != nil {
		return fmt.Sprintf("\n\nA skill group that still has skills cannot be deleted; listing its skills to check that failed: %v", listErr)
	}
	if len(skills) == 0 {
		return ""
	}
	names := make([]string, len(skills))
	for i, sk := range skills {
		names[i] = fmt.Sprintf("%q (%s)", string(sk.Name), string(sk.ID))
	}
	count := fmt.Sprintf("%d skills", len(skills))
	if len(skills) == 1 {
		count = "1 skill"
	}
	return fmt.Sprintf("\n\nThe skill group still has %s: %s. The API does not delete a skill group that has skills, "+
		"and a skill cannot move to another group. Delete those skills first: remove their smartassist_skill resources "+
		"(Terraform deletes them before the group when both are in the configuration), or delete them in the SmartAssist UI "+
		"if Terraform does not manage them. To keep a skill, create it again in another skill group before deleting it. "+
		"Then run Terraform again.", count, strings.Join(names, ", "))
}

// ImportState takes the skill group's id or its name, or an identity.
func (r *skillGroupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, given := importIdentity(ctx, req, r.stream, "skill group", &resp.Diagnostics)
	if !given {
		key := strings.TrimSpace(req.ID)
		if key == "" {
			resp.Diagnostics.AddError("Unable to import skill group",
				"Give the id of the skill group, such as 633ffac608f3a07459939a20, or its name.")
			return
		}
		var err error
		if id, err = skillGroupIDFor(ctx, r.client, key); err != nil {
			resp.Diagnostics.AddError("Unable to import skill group", fmt.Sprintf("Finding the skill group %q: %v.", key, err)+errorHint(err))
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, identityOf(types.StringValue(id), r.stream))...)
}
