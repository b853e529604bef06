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

// mixedCase is an email spelled in other cases: maria.lopez@… becomes
// MARIA.Lopez@…, a lookup must still find it.
func mixedCase(email string) string {
	return strings.Replace(email, "maria.lopez", "MARIA.Lopez", 1)
}

func TestAgentDataSourceLookups(t *testing.T) {
	env := newTestEnv(t)
	mariaChecks := func(addr string) []statecheck.StateCheck {
		return []statecheck.StateCheck{
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact(seedMariaID)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("email"), knownvalue.StringExact(seedMariaEmail)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("custom_id"), knownvalue.StringExact(seedMariaCustomID)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("first_name"), knownvalue.StringExact("Maria")),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      env.config(`data "smartassist_agent" "m" { custom_id = "NOBODY-1" }`),
				ExpectError: regex(`(?s)Unable to read agent.*No agent has the custom id NOBODY-1`),
			},
			{
				Config:      env.config(`data "smartassist_agent" "m" { email = "nobody@example.com" }`),
				ExpectError: regex(`(?s)No agent has the email nobody@example.com`),
			},
			{
				Config: env.config(fmt.Sprintf(`data "smartassist_agent" "m" {
  id    = %q
  email = %q
}`, seedMariaID, seedMariaEmail)),
				ExpectError: regex(`(?s)Invalid Attribute Combination.*Exactly one of these attributes must be configured: \[id,email,custom_id\]`),
			},
			{
				PreConfig:         env.resetCounts,
				Config:            env.config(fmt.Sprintf(`data "smartassist_agent" "m" { email = %q }`, mixedCase(seedMariaEmail))),
				ConfigStateChecks: mariaChecks("data.smartassist_agent.m")[:1],
				// The list finds the id; the agent itself is then read for the
				// fields the list lacks (custom id).
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("data.smartassist_agent.m", "custom_id", seedMariaCustomID),
					resource.TestCheckResourceAttr("data.smartassist_agent.m", "email", mixedCase(seedMariaEmail)),
					env.expectCounts(map[string]int{"GET /agents": 1, "GET /agents/{id}": 1}),
				),
			},
			{
				PreConfig:         env.resetCounts,
				Config:            env.config(fmt.Sprintf(`data "smartassist_agent" "m" { custom_id = %q }`, seedMariaCustomID)),
				ConfigStateChecks: mariaChecks("data.smartassist_agent.m"),
				Check:             env.expectCounts(map[string]int{"GET /agents/customId/{customId}": 1}),
			},
		},
	})
}

func TestAgentsDataSourceFilters(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	env := newTestEnv(t)
	// Twelve more agents make the list span two pages of ten.
	var body string
	for i := 0; i < 12; i++ {
		queue := seedSupportQueue
		if i%3 == 0 {
			queue = seedSalesQueue
		}
		body += fmt.Sprintf(`
resource "smartassist_agent" "a%d" {
  email      = "agent%02d@example.com"
  first_name = "Agent%02d"
  last_name  = "Tester"
  role_id    = %q
  queue {
    id = %q
  }
}
`, i, i, i, seedRoleAgent, queue)
	}
	lists := `
data "smartassist_agents" "all" {}
data "smartassist_agents" "sales" {
  queue_id = "` + seedSalesQueue + `"
}
data "smartassist_agents" "search" {
  search = "LOPEZ"
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{Config: env.config(body)},
			{
				Config: env.config(body + lists),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.smartassist_agents.all", tfjsonpath.New("ids"), knownvalue.ListSizeExact(14)),
					statecheck.ExpectKnownValue("data.smartassist_agents.sales", tfjsonpath.New("ids"), knownvalue.ListSizeExact(4)),
					statecheck.ExpectKnownValue("data.smartassist_agents.search", tfjsonpath.New("ids"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(seedMariaID)})),
					statecheck.ExpectKnownValue("data.smartassist_agents.sales", tfjsonpath.New("agents").AtSliceIndex(0).AtMapKey("queue"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
							"id": knownvalue.StringExact(seedSalesQueue), "is_preferred_agent": knownvalue.Bool(false),
						})})),
				},
			},
		},
	})
}
