package export

import (
	"context"
	"sort"
)

const typeSkill = "smartassist_skill"

// readSkills walks the skill list of every skill group: the API reaches a
// skill only through its group.
func readSkills(ctx context.Context, e *exporter) error {
	e.skills = nil
	for _, g := range e.skillGroups {
		skills, err := e.c.Skills.ListAll(ctx, string(g.ID))
		if err != nil {
			return err
		}
		for _, sk := range skills {
			sk.SkillGroupID = g.ID
			e.skills = append(e.skills, sk)
		}
	}
	return nil
}

// nameSkills names a skill after its group and itself ("languages_spanish"):
// skills of different groups may share a name.
func nameSkills(e *exporter) {
	groupName := map[string]string{}
	for _, g := range e.skillGroups {
		groupName[string(g.ID)] = string(g.Name)
	}
	cands := make([]candidate, len(e.skills))
	for i, sk := range e.skills {
		group := slug(groupName[string(sk.SkillGroupID)], "skill_group")
		cands[i] = candidate{slug: group + "_" + slug(string(sk.Name), "skill"), key: string(sk.SkillGroupID) + "/" + string(sk.ID)}
	}
	for i, name := range uniqueNames(cands) {
		e.refs.add(refSkill, string(e.skills[i].ID), ref{typ: typeSkill, name: name})
	}
}

// renderSkills writes the group (a reference when it is written too), the
// name and the description. The import id is <skill group id>/<skill id>.
func renderSkills(e *exporter, f *file) {
	order := indexes(len(e.skills))
	name := func(i int) string { return e.refs[refSkill][string(e.skills[i].ID)].name }
	sort.Slice(order, func(a, b int) bool { return name(order[a]) < name(order[b]) })
	for _, i := range order {
		sk := e.skills[i]
		b := e.resource(f, *e.refs[refSkill][string(sk.ID)], string(sk.SkillGroupID)+"/"+string(sk.ID))
		setRef(b, "skill_group_id", e.refs.to(refSkillGroup, string(sk.SkillGroupID)))
		setString(b, "name", string(sk.Name))
		setOptString(b, "description", string(sk.Description))
	}
}
