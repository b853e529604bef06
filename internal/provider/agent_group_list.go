package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// newAgentGroupList lists the agent groups of the account for
// `terraform query`.
func newAgentGroupList() list.ListResource {
	return &listResource[listFilter, client.AgentGroup]{kind: listKind[listFilter, client.AgentGroup]{
		typeName:    "_agent_group",
		plural:      "agent groups",
		nameOf:      "name",
		description: listOfWholeEntries("agent groups", "group", "_agent_group", "group with its managers"),
		walk: func(ctx context.Context, d *providerData, _ listFilter, visit func(*client.AgentGroup) bool) error {
			return d.client.AgentGroups.Walk(ctx, visit)
		},
		id:       func(g *client.AgentGroup) string { return string(g.ID) },
		display:  func(g *client.AgentGroup) string { return string(g.Name) },
		resource: agentGroupListed,
	}}
}

// agentGroupListed is the group as the resource's Read after an import maps
// it: managers the answer cannot name (no userId) are none, not unknown.
func agentGroupListed(_ context.Context, _ *providerData, g *client.AgentGroup) (any, diag.Diagnostics) {
	m, _ := agentGroupModelFrom(g)
	if m.Managers == nil {
		m.Managers = []agentGroupManagerModel{}
	}
	return &m, nil
}
