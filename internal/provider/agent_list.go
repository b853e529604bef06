package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// newAgentList lists the agents of the account for `terraform query`.
func newAgentList() list.ListResource {
	return &listResource[agentListModel, client.Agent]{kind: listKind[agentListModel, client.Agent]{
		typeName: "_agent",
		plural:   "agents",
		nameOf:   "first name, last name, full name or nickname",
		description: "Lists the agents of the account, in the API's order, optionally filtered, for `terraform query` " +
			"(Terraform 1.14 and later). Each result is shown as `First Last <email>` and carries the agent's identity; " +
			"`terraform query -generate-config-out=FILE` writes a `smartassist_agent` block and an `import` block for each." +
			listCostNote + " With `include_resource` (and with `-generate-config-out`), each agent is also read with its own " +
			"call, because the list does not carry an agent's `custom_id` or whether it is a queue's preferred agent.",
		filters: map[string]schema.Attribute{
			"email_contains": listTextFilterAttribute("Only agents whose email contains this text, without regard to case."),
		},
		walk: func(ctx context.Context, d *providerData, _ agentListModel, visit func(*client.Agent) bool) error {
			return d.client.Agents.Walk(ctx, false, visit)
		},
		keeps: func(cfg agentListModel) func(*client.Agent) bool {
			email := strings.ToLower(cfg.EmailContains.ValueString())
			return func(a *client.Agent) bool {
				return email == "" || strings.Contains(strings.ToLower(string(a.EmailID)), email)
			}
		},
		id: func(a *client.Agent) string { return string(a.ID) },
		names: func(a *client.Agent) []string {
			first, last := string(a.FirstName), string(a.LastName)
			return []string{first, last, first + " " + last, string(a.NickName)}
		},
		display:  agentDisplayName,
		resource: agentListed,
	}}
}

type agentListModel struct {
	listFilter
	EmailContains types.String `tfsdk:"email_contains"`
}

// agentListed is the agent as the resource's Read after an import maps it:
// from its GET, which alone carries custom_id and the queue preferences.
func agentListed(ctx context.Context, d *providerData, listed *client.Agent) (any, diag.Diagnostics) {
	id := string(listed.ID)
	a, err := d.client.Agents.Get(ctx, id)
	if err != nil {
		return nil, readFailed("Unable to read agent", fmt.Sprintf("Reading the listed agent %s", id), err)
	}
	m := agentModelFrom(a)
	if m.ID.IsNull() {
		m.ID = types.StringValue(id)
	}
	return &m, nil
}

// agentDisplayName is how a person recognises an agent: `First Last
// <email>`, or the email alone when the agent has no name.
func agentDisplayName(a *client.Agent) string {
	name := strings.TrimSpace(string(a.FirstName) + " " + string(a.LastName))
	if name == "" {
		return string(a.EmailID)
	}
	return fmt.Sprintf("%s <%s>", name, a.EmailID)
}
