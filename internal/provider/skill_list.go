package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// newSkillList lists skills for `terraform query`: those of one
// skill group, or of every group.
func newSkillList() list.ListResource {
	return &listResource[skillListModel, client.Skill]{kind: listKind[skillListModel, client.Skill]{
		typeName: "_skill",
		plural:   "skills",
		nameOf:   "name",
		description: "Lists skills, in the API's order, optionally filtered, for `terraform query` (Terraform 1.14 and " +
			"later): those of one skill group, or those of every group, group by group. Each result is shown by the skill's name " +
			"and carries its identity (with its skill group); `terraform query -generate-config-out=FILE` writes a " +
			"`smartassist_skill` block and an `import` block for each." + listCostNote + " Without `skill_group_id`, the " +
			"skill groups' list is read too, and then each group's skills until `limit` is reached. The list's entries carry " +
			"the whole skill, so `include_resource` costs no more calls.",
		filters: map[string]schema.Attribute{
			"skill_group_id": listTextFilterAttribute("Only the skills of this skill group. The API lists skills only by " +
				"their group: without it, every group's list is read."),
		},
		walk:    walkSkills,
		id:      func(sk *client.Skill) string { return string(sk.ID) },
		display: func(sk *client.Skill) string { return string(sk.Name) },
		identity: func(d *providerData, sk *client.Skill) any {
			return skillIdentityModel{SkillGroupID: types.StringValue(string(sk.SkillGroupID)),
				ID: types.StringValue(string(sk.ID)), StreamID: types.StringValue(d.streamID)}
		},
		resource: func(_ context.Context, _ *providerData, sk *client.Skill) (any, diag.Diagnostics) {
			m := skillModelFrom(sk)
			return &m, nil
		},
		failed: skillsListFailed,
	}}
}

type skillListModel struct {
	listFilter
	SkillGroupID types.String `tfsdk:"skill_group_id"`
}

// walkSkills visits the skills of the configured skill group, or those of
// every group, group by group, until visit answers false.
func walkSkills(ctx context.Context, d *providerData, cfg skillListModel, visit func(*client.Skill) bool) error {
	// walkGroup visits one group's skills and says whether to go on.
	walkGroup := func(id string) (bool, error) {
		more := true
		err := d.client.Skills.Walk(ctx, id, func(sk *client.Skill) bool {
			more = visit(sk)
			return more
		})
		return more, err
	}
	if groupID := cfg.SkillGroupID.ValueString(); groupID != "" {
		_, err := walkGroup(groupID)
		return err
	}
	var groupErr error
	err := d.client.SkillGroups.Walk(ctx, func(g *client.SkillGroup) bool {
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
}

// skillsListFailed is the detail of a failed walk of the skills.
func skillsListFailed(cfg skillListModel, err error) string {
	groupID := cfg.SkillGroupID.ValueString()
	if groupID == "" {
		return fmt.Sprintf("Listing the skills of every skill group failed: %v", err)
	}
	if client.IsNotFound(err) {
		return fmt.Sprintf("The skill group %s was not found (%v). Check skill_group_id, or leave it out to list the "+
			"skills of every group.", groupID, err)
	}
	return fmt.Sprintf("Listing the skills of the skill group %s failed: %v", groupID, err)
}
