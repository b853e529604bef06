package export

import (
	"fmt"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// largeSeed is the default seed and, on top of it, more than one list page
// (at ten a page) of every type: 12 skill groups, 12 skills in one of them,
// 12 agent groups, 12 queues, 55 agents and 12 contacts, with names that
// collide once made Terraform names, accents, and names that start with a
// digit.
func largeSeed() *emulator.Seed {
	seed := emulator.DefaultSeed()
	const hours = "6346a1b2c3d4e5f601234568"
	for i := range 12 {
		seed.SkillGroups = append(seed.SkillGroups, map[string]any{
			"id": fmt.Sprintf("sg-large-%02d", i), "name": fmt.Sprintf("Área %d", i), "description": "", "color": "#00FF00",
		})
	}
	for i := range 12 {
		name := fmt.Sprintf("Skill %d", i)
		if i == 11 {
			name = "Skill-0" // slug collides with "Skill 0"
		}
		seed.Skills = append(seed.Skills, map[string]any{
			"id": fmt.Sprintf("sk-large-%02d", i), "name": name, "description": "", "skillGroupId": "sg-large-00",
		})
	}
	for i := range 12 {
		seed.AgentGroups = append(seed.AgentGroups, map[string]any{
			"id": fmt.Sprintf("ag-large-%02d", i), "name": fmt.Sprintf("Team %d", i), "description": "A team",
			"isDefault": false, "managers": []any{},
		})
	}
	for i := range 12 {
		seed.Queues = append(seed.Queues, map[string]any{
			"id": fmt.Sprintf("qu-large-%02d", i), "name": fmt.Sprintf("%d Queue", 24+i), "description": "",
			"isDefault": false, "isActive": true, "isAdvancedRoutingEnabled": i%2 == 0,
			"hoursOfOperation": map[string]any{"id": hours},
			"skills":           []any{map[string]any{"id": fmt.Sprintf("sk-large-%02d", i), "isExpireEnabled": i%3 == 0}},
			"agentGroups":      []any{map[string]any{"id": fmt.Sprintf("ag-large-%02d", i)}},
			"advancedSettings": map[string]any{"preferredAgentTimeout": map[string]any{"min": i % 3, "sec": 15}},
		})
	}
	template := seed.Agents[1]
	for i := range 55 {
		a := map[string]any{}
		for k, v := range template {
			a[k] = v
		}
		a["id"] = fmt.Sprintf("a-large-%03d", i)
		a["userId"] = fmt.Sprintf("u-large-%03d", i)
		a["emailId"] = fmt.Sprintf("agent.%03d@example.com", i)
		a["firstName"], a["lastName"], a["nickName"] = "Agent", fmt.Sprint(i), ""
		a["customId"] = fmt.Sprintf("EMP-%03d", i)
		a["agentGroups"] = []any{map[string]any{"groupId": fmt.Sprintf("ag-large-%02d", i%12), "role": "agent"}}
		a["queues"] = []any{map[string]any{"id": fmt.Sprintf("qu-large-%02d", i%12), "isPreferredAgent": i%4 == 0}}
		a["skills"] = []any{map[string]any{"skillId": fmt.Sprintf("sk-large-%02d", i%12), "proficiencyLevel": "good"}}
		seed.Agents = append(seed.Agents, a)
	}
	// Two managers, one per group, are agents of the large seed.
	seed.AgentGroups[2]["managers"] = []any{map[string]any{"userId": "u-large-001", "accessLevel": "view"}}
	for i := range 12 {
		c := map[string]any{}
		for k, v := range seed.Contacts[0] {
			c[k] = v
		}
		c["id"] = fmt.Sprintf("ct-large-%02d", i)
		c["firstName"], c["lastName"] = "Sam", "Lee" // every one collides
		c["cellPhone"] = map[string]any{"extension": "+", "countryCode": "+44", "phoneNumber": fmt.Sprintf("+4420790000%02d", i)}
		seed.Contacts = append(seed.Contacts, c)
	}
	return seed
}
