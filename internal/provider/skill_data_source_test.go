package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

var sameValues = compare.ValuesSame()

// seedFrenchSkillName is the name of seedFrenchSkill (tfacc-<run>-French live).
var seedFrenchSkillName = "French"

func TestSkillDataSourceLookups(t *testing.T) {
	env := newTestEnv(t)
	french := []statecheck.StateCheck{
		statecheck.ExpectKnownValue("data.smartassist_skill.s", tfjsonpath.New("id"), knownvalue.StringExact(seedFrenchSkill)),
		statecheck.ExpectKnownValue("data.smartassist_skill.s", tfjsonpath.New("skill_group_id"), knownvalue.StringExact(seedLanguagesSkillGroup)),
		statecheck.ExpectKnownValue("data.smartassist_skill.s", tfjsonpath.New("name"), knownvalue.StringExact(seedFrenchSkillName)),
		statecheck.ExpectKnownValue("data.smartassist_skill.s", tfjsonpath.New("description"), knownvalue.StringExact("Serves customers in French")),
	}
	lookup := func(group, key, value string) string {
		return env.config(fmt.Sprintf(`
data "smartassist_skill" "s" {
  skill_group_id = %q
  %s = %q
}
`, group, key, value))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			// By id: one GET.
			{
				PreConfig:         env.resetCounts,
				Config:            lookup(seedLanguagesSkillGroup, "id", seedFrenchSkill),
				ConfigStateChecks: french,
				Check:             env.expectCounts(map[string]int{getSkill: 1}),
			},
			// By name: one list page of the group's skills.
			{
				PreConfig:         env.resetCounts,
				Config:            lookup(seedLanguagesSkillGroup, "name", seedFrenchSkillName),
				ConfigStateChecks: french,
				Check:             env.expectCounts(map[string]int{listSkills: 1}),
			},
			// A skill of another group is not found through this one.
			{
				SkipFunc: env.emulatorOnly, // the emulator's seed group and 404 text
				Config:   lookup(seedDefaultSkillGroup, "id", seedFrenchSkill),
				ExpectError: wrapped(`Unable to read skill.*No skill with the id ` + seedFrenchSkill + ` was found in the skill group ` +
					seedDefaultSkillGroup + ` \(GET .*HTTP 404 Not Found: Skill ` + seedFrenchSkill + ` not found in skill group ` + seedDefaultSkillGroup + `\)`),
			},
			{
				Config: lookup(seedLanguagesSkillGroup, "name", "Klingon"),
				ExpectError: wrapped(`Unable to read skill.*No skill with the name "Klingon" was found in the skill group ` + seedLanguagesSkillGroup +
					` \(.*no skill is named "Klingon"\).*Check skill_group_id, which must name an existing skill group, and the name: names are compared exactly`),
			},
			{
				SkipFunc: env.emulatorOnly, // the emulator's 404 text
				Config:   lookup("ffffffffffffffffffffffff", "name", "French"),
				ExpectError: wrapped(`Unable to read skill.*No skill with the name "French" was found in the skill group ffffffffffffffffffffffff ` +
					`\(GET .*HTTP 404 Not Found: Skill group not found: ffffffffffffffffffffffff\)`),
			},
		},
	})
}

// The data source reads a skill this configuration creates, through a
// group it creates too.
func TestSkillDataSourceReadsManagedSkill(t *testing.T) {
	env := newTestEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config(skillGroupConfig(tfName("Products"), "", "") + `
resource "smartassist_skill" "widgets" {
  skill_group_id = smartassist_skill_group.products.id
  name           = "` + tfName("Widgets") + `"
  description    = "Knows the widget range"
}

data "smartassist_skill" "s" {
  skill_group_id = smartassist_skill.widgets.skill_group_id
  name           = smartassist_skill.widgets.name
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.CompareValuePairs("data.smartassist_skill.s", tfjsonpath.New("id"),
					"smartassist_skill.widgets", tfjsonpath.New("id"), sameValues),
				statecheck.ExpectKnownValue("data.smartassist_skill.s", tfjsonpath.New("description"), knownvalue.StringExact("Knows the widget range")),
			},
		}},
	})
}
