package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestSkillsDataSource(t *testing.T) {
	env := newTestEnv(t)
	const all, fr = "data.smartassist_skills.all", "data.smartassist_skills.fr"
	// Live: the run's Languages group (liveSeed) holds its three skills.
	onLive := func(steps []resource.TestStep) {
		steps[0].ConfigStateChecks = []statecheck.StateCheck{
			statecheck.ExpectKnownValue(all, tfjsonpath.New("ids"), knownvalue.SetExact([]knownvalue.Check{
				knownvalue.StringExact(seedDefaultSkill), knownvalue.StringExact(seedSpanishSkill), knownvalue.StringExact(seedFrenchSkill),
			})),
			statecheck.ExpectKnownValue(fr, tfjsonpath.New("ids"),
				knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(seedFrenchSkill)})),
			statecheck.ExpectKnownValue(fr, tfjsonpath.New("skills").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
				"id": knownvalue.StringExact(seedFrenchSkill), "skill_group_id": knownvalue.StringExact(seedLanguagesSkillGroup),
				"name": knownvalue.StringExact(seedFrenchSkillName), "description": knownvalue.StringExact("Serves customers in French"),
			})),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: liveSteps(onLive, []resource.TestStep{
			// One list page of the group's skills for each data source.
			{
				PreConfig: env.resetCounts,
				Config: env.config(fmt.Sprintf(`
data "smartassist_skills" "all" {
  skill_group_id = %[1]q
}

data "smartassist_skills" "fr" {
  skill_group_id = %[1]q
  name_contains  = "fren"
}
`, seedLanguagesSkillGroup)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(all, tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact(seedSpanishSkill), knownvalue.StringExact(seedFrenchSkill),
					})),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("skills").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.StringExact(seedSpanishSkill), "skill_group_id": knownvalue.StringExact(seedLanguagesSkillGroup),
						"name": knownvalue.StringExact("Spanish"), "description": knownvalue.StringExact("Serves customers in Spanish"),
					})),
					statecheck.ExpectKnownValue(fr, tfjsonpath.New("ids"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(seedFrenchSkill)})),
					statecheck.ExpectKnownValue(fr, tfjsonpath.New("skills").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("French")),
				},
				Check: env.expectCounts(map[string]int{"GET /skill-groups/{skillGroupId}/skills": 2}),
			},
			{
				Config:      env.config(`data "smartassist_skills" "x" { skill_group_id = "sg-missing" }`),
				ExpectError: wrapped(`Unable to list skills.*The skill group sg-missing was not found`),
			},
		}),
	})
}
