package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestSkillGroupDataSourceLookups(t *testing.T) {
	env := newTestEnv(t)
	languages := func(addr string) []statecheck.StateCheck {
		return []statecheck.StateCheck{
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact(seedLanguagesSkillGroup)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("name"), knownvalue.StringExact(seedLanguagesSkillGroupName)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("description"), knownvalue.StringExact("Languages an agent can serve customers in")),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("color"), knownvalue.StringExact("#1F77B4")),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			// By id: one GET.
			{
				PreConfig:         env.resetCounts,
				Config:            env.config(fmt.Sprintf(`data "smartassist_skill_group" "g" { id = %q }`, seedLanguagesSkillGroup)),
				ConfigStateChecks: languages("data.smartassist_skill_group.g"),
				Check:             env.expectCounts(map[string]int{getSkillGroup: 1}),
			},
			// By name: one list page, which carries every field.
			{
				PreConfig:         env.resetCounts,
				Config:            env.config(fmt.Sprintf(`data "smartassist_skill_group" "g" { name = %q }`, seedLanguagesSkillGroupName)),
				ConfigStateChecks: languages("data.smartassist_skill_group.g"),
				Check:             env.expectCounts(map[string]int{listSkillGroups: 1}),
			},
			// A group this configuration creates, read back by name.
			{
				Config: env.config(skillGroupConfig(tfName("Products"), "", "") + `
data "smartassist_skill_group" "g" {
  name = smartassist_skill_group.products.name
}
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.smartassist_skill_group.g", tfjsonpath.New("description"), knownvalue.Null()),
					statecheck.CompareValuePairs("data.smartassist_skill_group.g", tfjsonpath.New("id"),
						productsAddr, tfjsonpath.New("id"), sameValues),
				},
			},
			{
				Config:      env.config(`data "smartassist_skill_group" "g" { name = "languages" }`),
				ExpectError: wrapped(`Unable to read skill group.*No skill group has the name "languages" \(.*no skill group is named "languages"\)\. Check the name: names are compared exactly, case included`),
			},
			{
				SkipFunc:    env.emulatorOnly, // the emulator's 404 text
				Config:      env.config(`data "smartassist_skill_group" "g" { id = "ffffffffffffffffffffffff" }`),
				ExpectError: wrapped(`Unable to read skill group.*No skill group has the id ffffffffffffffffffffffff \(GET .*HTTP 404 Not Found: Skill group not found: ffffffffffffffffffffffff\)`),
			},
		},
	})
}
