package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAgentGroupsDataSource(t *testing.T) {
	env := newTestEnv(t)
	admin := env.seedAdminID()
	const all, tier = "data.smartassist_agent_groups.all", "data.smartassist_agent_groups.tier"
	// Live: the account has groups of its own; only the run's, found by its
	// prefix: the Tier 1 of liveSeed, which has no managers.
	onLive := func(steps []resource.TestStep) {
		steps[0].Config = env.config(fmt.Sprintf(`
data "smartassist_agent_groups" "all" {
  name_contains = %q
}

data "smartassist_agent_groups" "tier" {
  name_contains = %q
}
`, runPrefix(), runPrefix()+"tier"))
		steps[0].ConfigStateChecks = []statecheck.StateCheck{
			statecheck.ExpectKnownValue(all, tfjsonpath.New("ids"),
				knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(seedTier1Group)})),
			statecheck.ExpectKnownValue(tier, tfjsonpath.New("agent_groups"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id": knownvalue.StringExact(seedTier1Group), "name": knownvalue.StringExact(tfName("Tier 1")),
					"description": knownvalue.StringExact("First-line support"), "is_default": knownvalue.Bool(false),
					"manager": knownvalue.SetSizeExact(0),
				}),
			})),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: liveSteps(onLive, []resource.TestStep{{
			PreConfig: env.resetCounts,
			Config: env.config(`
data "smartassist_agent_groups" "all" {}

data "smartassist_agent_groups" "tier" {
  name_contains = "tier"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(all, tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact(seedDefaultGroup), knownvalue.StringExact(seedTier1Group),
				})),
				statecheck.ExpectKnownValue(all, tfjsonpath.New("agent_groups").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id": knownvalue.StringExact(seedDefaultGroup), "name": knownvalue.StringExact("Default Agent Group"),
					"description": knownvalue.StringExact("Agents not assigned to another group"),
					"is_default":  knownvalue.Bool(true), "manager": knownvalue.SetSizeExact(0),
				})),
				statecheck.ExpectKnownValue(tier, tfjsonpath.New("ids"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(seedTier1Group)})),
				statecheck.ExpectKnownValue(tier, tfjsonpath.New("agent_groups").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id": knownvalue.StringExact(seedTier1Group), "name": knownvalue.StringExact("Tier 1"),
					"description": knownvalue.StringExact("First-line support"), "is_default": knownvalue.Bool(false),
					"manager": knownvalue.SetExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
						"user_id": knownvalue.StringExact(admin), "access_level": knownvalue.StringExact("full"),
					})}),
				})),
			},
			// One list page for each data source.
			Check: env.expectCounts(map[string]int{"GET /agent-groups": 2}),
		}}),
	})
}
