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

const seedBillingQueue = "qu-7c3d4e5-f6a7-4b82-8c9d-1e2f3a4b5c6d"

func TestQueueDataSourceLookups(t *testing.T) {
	env := newTestEnv(t)
	const byID, byName = "data.smartassist_queue.by_id", "data.smartassist_queue.by_name"
	// Live: the run's Support and Sales queues (liveSeed), as it made them.
	onLive := func(steps []resource.TestStep) {
		steps[0].ConfigStateChecks = []statecheck.StateCheck{
			statecheck.ExpectKnownValue(byID, tfjsonpath.New("name"), knownvalue.StringExact(tfName("Support"))),
			statecheck.ExpectKnownValue(byID, tfjsonpath.New("hours_of_operation_id"), knownvalue.StringExact(seed24x7Hours)),
			statecheck.ExpectKnownValue(byID, tfjsonpath.New("agent_group_ids"),
				knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(seedTier1Group)})),
			statecheck.ExpectKnownValue(byID, tfjsonpath.New("preferred_agent_timeout"), knownvalue.StringExact("1m0s")),
			statecheck.ExpectKnownValue(byID, tfjsonpath.New("is_default"), knownvalue.Bool(false)),
			statecheck.ExpectKnownValue(byID, tfjsonpath.New("is_active"), knownvalue.Bool(true)),
		}
		steps[1].Config = env.config(fmt.Sprintf(`data "smartassist_queue" "by_name" { name = %q }`, tfName("Sales")))
		steps[1].ConfigStateChecks = []statecheck.StateCheck{
			statecheck.ExpectKnownValue(byName, tfjsonpath.New("id"), knownvalue.StringExact(seedSalesQueue)),
			statecheck.ExpectKnownValue(byName, tfjsonpath.New("name"), knownvalue.StringExact(tfName("Sales"))),
			statecheck.ExpectKnownValue(byName, tfjsonpath.New("preferred_agent_timeout"), knownvalue.StringExact("1m0s")),
		}
		lower := strings.ToLower(tfName("Support"))
		steps[3].Config = env.config(fmt.Sprintf(`data "smartassist_queue" "x" { name = %q }`, lower))
		steps[3].ExpectError = wrapped(`Unable to read queue.*No queue is named "` + lower + `"\. Names are compared exactly, including case`)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: liveSteps(onLive, []resource.TestStep{
			// By id: one GET, every attribute of the seeded Support queue.
			{
				PreConfig: env.resetCounts,
				Config:    env.config(fmt.Sprintf(`data "smartassist_queue" "by_id" { id = %q }`, seedSupportQueue)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("name"), knownvalue.StringExact("Support")),
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("description"), knownvalue.StringExact("Product support")),
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("hours_of_operation_id"), knownvalue.StringExact(seed24x7Hours)),
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("is_advanced_routing_enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("skill"), knownvalue.SetExact([]knownvalue.Check{queueSkillCheck(seedSpanishSkill, true)})),
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("agent_group_ids"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(seedTier1Group)})),
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("preferred_agent_timeout"), knownvalue.StringExact("1m0s")),
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("is_default"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("is_active"), knownvalue.Bool(true)),
				},
				Check: env.expectCounts(map[string]int{"GET /queues/{id}": 1}),
			},
			// By name: one list page.
			{
				PreConfig: env.resetCounts,
				Config:    env.config(`data "smartassist_queue" "by_name" { name = "Billing" }`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(byName, tfjsonpath.New("id"), knownvalue.StringExact(seedBillingQueue)),
					statecheck.ExpectKnownValue(byName, tfjsonpath.New("preferred_agent_timeout"), knownvalue.StringExact("45s")),
					statecheck.ExpectKnownValue(byName, tfjsonpath.New("agent_group_ids"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(seedDefaultGroup)})),
				},
				Check: env.expectCounts(map[string]int{"GET /queues": 1}),
			},
			{
				Config:      env.config(`data "smartassist_queue" "x" { id = "qu-0000000-0000-0000-0000-000000000000" }`),
				ExpectError: wrapped(`Unable to read queue.*No queue has the id qu-0000000-0000-0000-0000-000000000000\.`),
			},
			{
				Config:      env.config(`data "smartassist_queue" "x" { name = "support" }`),
				ExpectError: wrapped(`Unable to read queue.*No queue is named "support"\. Names are compared exactly, including case`),
			},
		}),
	})
}

func TestQueuesDataSource(t *testing.T) {
	env := newTestEnv(t)
	// Live: the account has queues of its own; only the run's, found by its
	// prefix.
	onLive := func(steps []resource.TestStep) {
		steps[0].Config = env.config(fmt.Sprintf(`
data "smartassist_queues" "all" {
  name_contains = %q
}

data "smartassist_queues" "sa" {
  name_contains = %q
}
`, runPrefix(), runPrefix()+"SA"))
		steps[0].ConfigStateChecks = []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.smartassist_queues.all", tfjsonpath.New("ids"), knownvalue.SetExact([]knownvalue.Check{
				knownvalue.StringExact(seedDefaultQueue), knownvalue.StringExact(seedSupportQueue), knownvalue.StringExact(seedSalesQueue),
			})),
			statecheck.ExpectKnownValue("data.smartassist_queues.sa", tfjsonpath.New("ids"),
				knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(seedSalesQueue)})),
			statecheck.ExpectKnownValue("data.smartassist_queues.sa", tfjsonpath.New("queues").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name": knownvalue.StringExact(tfName("Sales")), "is_default": knownvalue.Bool(false),
				"hours_of_operation_id": knownvalue.StringExact(seedDefaultHours), "preferred_agent_timeout": knownvalue.StringExact("1m0s"),
			})),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: liveSteps(onLive, []resource.TestStep{{
			PreConfig: env.resetCounts,
			Config: env.config(`
data "smartassist_queues" "all" {}

data "smartassist_queues" "sa" {
  name_contains = "SA"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.smartassist_queues.all", tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact(seedDefaultQueue), knownvalue.StringExact(seedSupportQueue),
					knownvalue.StringExact(seedSalesQueue), knownvalue.StringExact(seedBillingQueue),
				})),
				statecheck.ExpectKnownValue("data.smartassist_queues.all", tfjsonpath.New("queues").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"name": knownvalue.StringExact("Default Queue"), "is_default": knownvalue.Bool(true),
					"hours_of_operation_id": knownvalue.StringExact(seedDefaultHours), "preferred_agent_timeout": knownvalue.StringExact("0s"),
				})),
				statecheck.ExpectKnownValue("data.smartassist_queues.sa", tfjsonpath.New("ids"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(seedSalesQueue)})),
			},
			// One list page for each data source.
			Check: env.expectCounts(map[string]int{"GET /queues": 2}),
		}}),
	})
}
