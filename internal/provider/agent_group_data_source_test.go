package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAgentGroupDataSourceLookups(t *testing.T) {
	env := newTestEnv(t)
	admin := env.seedAdminID()
	const byID, byName = "data.smartassist_agent_group.by_id", "data.smartassist_agent_group.by_name"
	// Live: the run's Tier 1 (liveSeed, no managers), by id and by name.
	onLive := func(steps []resource.TestStep) {
		tier1 := []statecheck.StateCheck{
			statecheck.ExpectKnownValue(byID, tfjsonpath.New("name"), knownvalue.StringExact(tfName("Tier 1"))),
			statecheck.ExpectKnownValue(byID, tfjsonpath.New("description"), knownvalue.StringExact("First-line support")),
			statecheck.ExpectKnownValue(byID, tfjsonpath.New("is_default"), knownvalue.Bool(false)),
			statecheck.ExpectKnownValue(byID, tfjsonpath.New("manager"), knownvalue.SetSizeExact(0)),
		}
		steps[0].ConfigStateChecks = tier1
		steps[1].Config = env.config(fmt.Sprintf(`data "smartassist_agent_group" "by_name" { name = %q }`, tfName("Tier 1")))
		steps[1].ConfigStateChecks = []statecheck.StateCheck{
			statecheck.ExpectKnownValue(byName, tfjsonpath.New("id"), knownvalue.StringExact(seedTier1Group)),
			statecheck.ExpectKnownValue(byName, tfjsonpath.New("description"), knownvalue.StringExact("First-line support")),
			statecheck.ExpectKnownValue(byName, tfjsonpath.New("is_default"), knownvalue.Bool(false)),
		}
		lower := strings.ToLower(tfName("Tier 1"))
		steps[3].Config = env.config(fmt.Sprintf(`data "smartassist_agent_group" "x" { name = %q }`, lower))
		steps[3].ExpectError = wrapped(`Unable to read agent group.*No agent group is named "` + lower + `"\. Names are compared exactly, including case\.`)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: liveSteps(onLive, []resource.TestStep{
			// By id: one GET. The seeded Tier 1 has one manager.
			{
				PreConfig: env.resetCounts,
				Config:    env.config(fmt.Sprintf(`data "smartassist_agent_group" "by_id" { id = %q }`, seedTier1Group)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("name"), knownvalue.StringExact("Tier 1")),
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("description"), knownvalue.StringExact("First-line support")),
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("is_default"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("manager"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{"user_id": knownvalue.StringExact(admin), "access_level": knownvalue.StringExact("full")}),
					})),
				},
				Check: env.expectCounts(map[string]int{"GET /agent-groups/{id}": 1}),
			},
			// By name: one list page.
			{
				PreConfig: env.resetCounts,
				Config:    env.config(`data "smartassist_agent_group" "by_name" { name = "Default Agent Group" }`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(byName, tfjsonpath.New("id"), knownvalue.StringExact(seedDefaultGroup)),
					statecheck.ExpectKnownValue(byName, tfjsonpath.New("is_default"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(byName, tfjsonpath.New("manager"), knownvalue.SetSizeExact(0)),
				},
				Check: env.expectCounts(map[string]int{"GET /agent-groups": 1}),
			},
			{
				Config:      env.config(`data "smartassist_agent_group" "x" { id = "ag-0000000-0000-0000-0000-000000000000" }`),
				ExpectError: wrapped(`Unable to read agent group.*No agent group has the id ag-0000000-0000-0000-0000-000000000000\.`),
			},
			{
				Config:      env.config(`data "smartassist_agent_group" "x" { name = "tier 1" }`),
				ExpectError: wrapped(`Unable to read agent group.*No agent group is named "tier 1"\. Names are compared exactly, including case\.`),
			},
		}),
	})
}
