package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

var _ list.ListResourceWithConfigure = (*skillListResource)(nil)

func newSkillListResource() list.ListResource { return &skillListResource{} }

// skillListResource lists skills for `terraform query`: those of one skill
// group, or of every group.
type skillListResource struct {
	data *providerData
}

type skillListModel struct {
	SkillGroupID types.String `tfsdk:"skill_group_id"`
	NameContains types.String `tfsdk:"name_contains"`
	IDs          types.List   `tfsdk:"ids"`
}

func (r *skillListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_skill"
}

func (r *skillListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists skills, in the API's order, optionally filtered, for `terraform query` (Terraform 1.14 and " +
			"later): those of one skill group, or those of every group, group by group. Each result is shown by the skill's name " +
			"and carries its identity (with its skill group); `terraform query -generate-config-out=FILE` writes a " +
			"`smartassist_skill` block and an `import` block for each." + listCostNote + " Without `skill_group_id`, the " +
			"skill groups' list is read too, and then each group's skills until `limit` is reached. The list's entries carry " +
			"the whole skill, so `include_resource` costs no more calls.",
		Attributes: map[string]schema.Attribute{
			"skill_group_id": schema.StringAttribute{
				MarkdownDescription: "Only the skills of this skill group. The API lists skills only by their group: without it, " +
					"every group's list is read.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"name_contains": listNameContainsAttribute("skills", "name"),
			"ids":           listIDsAttribute("skills"),
		},
	}
}

func (r *skillListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = configureList(req, resp)
}

func (r *skillListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg skillListModel
	if configDiagnostics(stream, req.Config.Get(ctx, &cfg)) {
		return
	}
	match, diags := listFilter{NameContains: cfg.NameContains, IDs: cfg.IDs}.matcher(ctx)
	if configDiagnostics(stream, diags) {
		return
	}
	groupID := cfg.SkillGroupID.ValueString()
	listing := "the skills of every skill group"
	if groupID != "" {
		listing = "the skills of the skill group " + groupID
	}
	streamList(ctx, req, stream, "Unable to list skills", func(s *resultStream) error {
		// walkGroup streams one group's skills and says whether to go on.
		walkGroup := func(id string) (bool, error) {
			more := true
			err := r.data.client.Skills.Walk(ctx, id, func(sk *client.Skill) bool {
				if !match.keeps(string(sk.ID), string(sk.Name)) {
					return true
				}
				identity := skillIdentityModel{SkillGroupID: types.StringValue(string(sk.SkillGroupID)),
					ID: types.StringValue(string(sk.ID)), StreamID: types.StringValue(r.data.streamID)}
				more = s.emit(string(sk.Name), identity, func() (any, diag.Diagnostics) {
					m := skillModelFrom(sk)
					return &m, nil
				}) && !match.done()
				return more
			})
			return more, err
		}
		if groupID != "" {
			_, err := walkGroup(groupID)
			return err
		}
		var groupErr error
		err := r.data.client.SkillGroups.Walk(ctx, func(g *client.SkillGroup) bool {
			more, err := walkGroup(string(g.ID))
			if err != nil {
				groupErr = fmt.Errorf("the skills of the skill group %s (%q): %w", g.ID, g.Name, err)
				return false
			}
			return more
		})
		if groupErr != nil {
			return groupErr
		}
		return err
	}, func(err error) string {
		detail := fmt.Sprintf("Listing %s failed: %v", listing, err)
		if groupID != "" && client.IsNotFound(err) {
			detail = fmt.Sprintf("The skill group %s was not found (%v). Check skill_group_id, or leave it out to list the "+
				"skills of every group.", groupID, err)
		}
		return detail
	})
}
