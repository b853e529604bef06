package export

import (
	"context"
	"sort"
)

const typeSkillGroup = "smartassist_skill_group"

func readSkillGroups(ctx context.Context, e *exporter) error {
	groups, err := e.c.SkillGroups.ListAll(ctx)
	e.skillGroups = groups
	return err
}

func nameSkillGroups(e *exporter) {
	cands := make([]candidate, len(e.skillGroups))
	for i, g := range e.skillGroups {
		cands[i] = candidate{slug: slug(string(g.Name), "skill_group"), key: string(g.ID)}
	}
	for i, name := range uniqueNames(cands) {
		e.refs.add(refSkillGroup, string(e.skillGroups[i].ID), ref{typ: typeSkillGroup, name: name})
	}
}

// renderSkillGroups writes name, and description and color when the group
// has them.
func renderSkillGroups(e *exporter, f *file) {
	groups := append([]int(nil), indexes(len(e.skillGroups))...)
	name := func(i int) string { return e.refs[refSkillGroup][string(e.skillGroups[i].ID)].name }
	sort.Slice(groups, func(a, b int) bool { return name(groups[a]) < name(groups[b]) })
	for _, i := range groups {
		g := e.skillGroups[i]
		b := e.resource(f, *e.refs[refSkillGroup][string(g.ID)], string(g.ID))
		setString(b, "name", string(g.Name))
		setOptString(b, "description", string(g.Description))
		setOptString(b, "color", string(g.Color))
	}
}

// indexes is 0, 1, …, n-1.
func indexes(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
