package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

func TestSkillGroupsDataSource(t *testing.T) {
	env := newTestEnv(t)
	const all, lang = "data.smartassist_skill_groups.all", "data.smartassist_skill_groups.lang"
	config := env.config(`
data "smartassist_skill_groups" "all" {}

data "smartassist_skill_groups" "lang" {
  name_contains = "LANG"
}
`)
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(all, tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.StringExact(seedDefaultSkillGroup), knownvalue.StringExact(seedLanguagesSkillGroup),
		})),
		statecheck.ExpectKnownValue(all, tfjsonpath.New("skill_groups").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id": knownvalue.StringExact(seedDefaultSkillGroup), "name": knownvalue.StringExact("Default SkillGroup"),
			"description": knownvalue.StringExact("Default skill group"), "color": knownvalue.StringExact("#D2000D"),
		})),
		statecheck.ExpectKnownValue(lang, tfjsonpath.New("ids"),
			knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(seedLanguagesSkillGroup)})),
		statecheck.ExpectKnownValue(lang, tfjsonpath.New("skill_groups").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("Languages")),
	}
	if live { // the account has groups of its own: only the run's, found by its prefix
		config = env.config(fmt.Sprintf(`
data "smartassist_skill_groups" "all" {
  name_contains = %q
}

data "smartassist_skill_groups" "lang" {
  name_contains = %q
}
`, runPrefix(), runPrefix()+"LANG"))
		checks = []statecheck.StateCheck{
			statecheck.ExpectKnownValue(all, tfjsonpath.New("ids"),
				knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(seedLanguagesSkillGroup)})),
			statecheck.ExpectKnownValue(all, tfjsonpath.New("skill_groups").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
				"id": knownvalue.StringExact(seedLanguagesSkillGroup), "name": knownvalue.StringExact(seedLanguagesSkillGroupName),
				"description": knownvalue.StringExact("Languages an agent can serve customers in"), "color": knownvalue.StringExact("#1F77B4"),
			})),
			statecheck.ExpectKnownValue(lang, tfjsonpath.New("ids"),
				knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(seedLanguagesSkillGroup)})),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			// One list page for each data source.
			{
				PreConfig:         env.resetCounts,
				Config:            config,
				ConfigStateChecks: checks,
				Check:             env.expectCounts(map[string]int{"GET /skill-groups": 2}),
			},
			// An API that answers one group a page: one call a page, the same
			// answer.
			{
				SkipFunc: env.emulatorOnly, // an emulator reading
				PreConfig: env.onEmulator(func() {
					env.resetCounts()
					if err := env.emu.SetReadings(emulator.Readings{ListLimit: emulator.ListLimitCapped, ListLimitCap: 1}); err != nil {
						t.Fatal(err)
					}
				}),
				Config:            config,
				ConfigStateChecks: checks,
				Check:             env.expectCounts(map[string]int{"GET /skill-groups": 4}),
			},
		},
	})
}
