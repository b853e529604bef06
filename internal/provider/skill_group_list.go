package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// newSkillGroupList lists the skill groups of the account for
// `terraform query`.
func newSkillGroupList() list.ListResource {
	return &listResource[listFilter, client.SkillGroup]{kind: listKind[listFilter, client.SkillGroup]{
		typeName:    "_skill_group",
		plural:      "skill groups",
		nameOf:      "name",
		description: listOfWholeEntries("skill groups", "skill group", "_skill_group", "skill group"),
		walk: func(ctx context.Context, d *providerData, _ listFilter, visit func(*client.SkillGroup) bool) error {
			return d.client.SkillGroups.Walk(ctx, visit)
		},
		id:      func(g *client.SkillGroup) string { return string(g.ID) },
		display: func(g *client.SkillGroup) string { return string(g.Name) },
		resource: func(_ context.Context, _ *providerData, g *client.SkillGroup) (any, diag.Diagnostics) {
			m := skillGroupModelFrom(g)
			return &m, nil
		},
	}}
}
