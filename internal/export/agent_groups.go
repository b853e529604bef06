package export

import (
	"context"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
)

const typeAgentGroup = "smartassist_agent_group"

func readAgentGroups(ctx context.Context, e *exporter) error {
	groups, err := e.c.AgentGroups.ListAll(ctx)
	e.agentGroups = groups
	return err
}

// defaultAgentGroup is the id of the account's default agent group, "" when
// the list says none is.
func (e *exporter) defaultAgentGroup() string {
	for _, g := range e.agentGroups {
		if g.IsDefault != nil && bool(*g.IsDefault) {
			return string(g.ID)
		}
	}
	return ""
}

// nameAgentGroups names the groups. The default group, which the API never
// deletes, is a data source named "default".
func nameAgentGroups(e *exporter) {
	def := e.defaultAgentGroup()
	var cands []candidate
	var ids []string
	for _, g := range e.agentGroups {
		if string(g.ID) == def {
			e.refs.add(refAgentGroup, def, ref{data: true, typ: typeAgentGroup, name: "default"})
			continue
		}
		cands = append(cands, candidate{slug: slug(string(g.Name), "agent_group"), key: string(g.ID)})
		ids = append(ids, string(g.ID))
	}
	for i, name := range uniqueNames(cands) {
		e.refs.add(refAgentGroup, ids[i], ref{typ: typeAgentGroup, name: name})
	}
}

// renderAgentGroups writes name, description and one manager block per
// manager, whose user_id refers to the agent when agents are written too.
// A manager the list gives without a user id cannot be written; the
// provider then keeps the managers as imported.
func renderAgentGroups(e *exporter, f *file) {
	def := e.defaultAgentGroup()
	order := indexes(len(e.agentGroups))
	name := func(i int) string { return e.refs[refAgentGroup][string(e.agentGroups[i].ID)].name }
	sort.Slice(order, func(a, b int) bool { return name(order[a]) < name(order[b]) })
	for _, i := range order {
		g := e.agentGroups[i]
		to := *e.refs[refAgentGroup][string(g.ID)]
		if string(g.ID) == def {
			setString(e.dataSource(f, to), "name", string(g.Name))
			continue
		}
		b := e.resource(f, to, string(g.ID))
		setString(b, "name", string(g.Name))
		setString(b, "description", string(g.Description))
		managers := append([]int(nil), indexes(len(g.Managers))...)
		sort.Slice(managers, func(a, b int) bool { return g.Managers[managers[a]].UserID < g.Managers[managers[b]].UserID })
		for _, m := range managers {
			mg := g.Managers[m]
			if mg.UserID == "" {
				continue
			}
			b.AppendNewline()
			mb := b.AppendNewBlock("manager", nil).Body()
			user := e.refs.to(refAgent, string(mg.UserID))
			mb.SetAttributeRaw("user_id", userTokens(user))
			setString(mb, "access_level", strings.ToLower(string(mg.AccessLevel)))
		}
	}
}

// userTokens refers to an agent's user_id, or is the user id itself.
func userTokens(v value) hclwrite.Tokens { return v.tokens("user_id") }
