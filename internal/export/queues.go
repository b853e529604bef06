package export

import (
	"context"
	"sort"
)

const typeQueue = "smartassist_queue"

func readQueues(ctx context.Context, e *exporter) error {
	queues, err := e.c.Queues.ListAll(ctx)
	e.queues = queues
	return err
}

// defaultQueue is the id of the account's default queue, "" when the list
// says none is.
func (e *exporter) defaultQueue() string {
	for _, q := range e.queues {
		if q.IsDefault != nil && bool(*q.IsDefault) {
			return string(q.ID)
		}
	}
	return ""
}

// nameQueues names the queues. The default queue, which the API never
// deletes, is a data source named "default".
func nameQueues(e *exporter) {
	def := e.defaultQueue()
	var cands []candidate
	var ids []string
	for _, q := range e.queues {
		if string(q.ID) == def {
			e.refs.add(refQueue, def, ref{data: true, typ: typeQueue, name: "default"})
			continue
		}
		cands = append(cands, candidate{slug: slug(string(q.Name), "queue"), key: string(q.ID)})
		ids = append(ids, string(q.ID))
	}
	for i, name := range uniqueNames(cands) {
		e.refs.add(refQueue, ids[i], ref{typ: typeQueue, name: name})
	}
}

// renderQueues writes what the queue resource manages, leaving out what
// equals the provider's default: description when empty,
// is_advanced_routing_enabled when false, agent_group_ids when empty, and a
// skill's is_expire_enabled when false.
func renderQueues(e *exporter, f *file) {
	def := e.defaultQueue()
	order := indexes(len(e.queues))
	name := func(i int) string { return e.refs[refQueue][string(e.queues[i].ID)].name }
	sort.Slice(order, func(a, b int) bool { return name(order[a]) < name(order[b]) })
	for _, i := range order {
		q := e.queues[i]
		to := *e.refs[refQueue][string(q.ID)]
		if string(q.ID) == def {
			setString(e.dataSource(f, to), "name", string(q.Name))
			continue
		}
		b := e.resource(f, to, string(q.ID))
		setString(b, "name", string(q.Name))
		setOptString(b, "description", string(q.Description))
		setString(b, "hours_of_operation_id", string(q.HoursOfOperation.Value.ID))
		if q.IsAdvancedRoutingEnabled != nil && bool(*q.IsAdvancedRoutingEnabled) {
			setBool(b, "is_advanced_routing_enabled", true)
		}
		if adv := q.AdvancedSettings; adv.Set && adv.Value.PreferredAgentTimeout.Set {
			setString(b, "preferred_agent_timeout", adv.Value.PreferredAgentTimeout.Value.Duration().String())
		}
		var groups []string
		for _, g := range q.AgentGroups {
			if g.ID != "" {
				groups = append(groups, string(g.ID))
			}
		}
		if len(groups) > 0 {
			sortStrings(groups)
			vals := make([]value, len(groups))
			for j, id := range groups {
				vals[j] = e.refs.to(refAgentGroup, id)
			}
			setRefList(b, "agent_group_ids", vals)
		}
		skills := append([]int(nil), indexes(len(q.Skills))...)
		sort.Slice(skills, func(a, c int) bool { return q.Skills[skills[a]].ID < q.Skills[skills[c]].ID })
		for _, j := range skills {
			s := q.Skills[j]
			if s.ID == "" {
				continue
			}
			b.AppendNewline()
			sb := b.AppendNewBlock("skill", nil).Body()
			setRef(sb, "id", e.refs.to(refSkill, string(s.ID)))
			if s.IsExpireEnabled != nil && bool(*s.IsExpireEnabled) {
				setBool(sb, "is_expire_enabled", true)
			}
		}
	}
}
