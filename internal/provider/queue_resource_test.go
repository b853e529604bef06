package provider

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// Seeded hours of operation.
var (
	seedDefaultHours = "6346a1b2c3d4e5f601234567"
	seed24x7Hours    = "6346a1b2c3d4e5f601234568"
)

const priorityAddr = "smartassist_queue.priority"

// queueArgs are what the lifecycle's steps change of the queue priority.
type queueArgs struct {
	description string
	timeout     string
	routing     bool
	groups      []string
	frenchSkill bool
}

func (a queueArgs) config() string {
	groups := make([]string, len(a.groups))
	for i, g := range a.groups {
		groups[i] = fmt.Sprintf("%q", g)
	}
	french := ""
	if a.frenchSkill {
		french = fmt.Sprintf("\n  skill {\n    id = %q\n  }", seedFrenchSkill)
	}
	description := ""
	if a.description != "" {
		description = fmt.Sprintf("\n  description                 = %q", a.description)
	}
	return fmt.Sprintf(`
resource "smartassist_queue" "priority" {
  name                        = %q%s
  hours_of_operation_id       = %q
  is_advanced_routing_enabled = %t
  agent_group_ids             = [%s]
  preferred_agent_timeout     = %q

  skill {
    id                = %q
    is_expire_enabled = true
  }%s
}
`, tfName("Priority"), description, seed24x7Hours, a.routing, strings.Join(groups, ", "), a.timeout, seedSpanishSkill, french)
}

func queueSkillCheck(id string, expire bool) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact(id), "is_expire_enabled": knownvalue.Bool(expire)})
}

// queueField reads a nested field of an emulator queue: "a.b.c".
func queueField(q map[string]any, dotted string) any {
	var v any = q
	for _, k := range strings.Split(dotted, ".") {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}

// queueSkills is the stored skills of a queue as id → isExpireEnabled.
func queueSkills(q map[string]any) map[string]any {
	out := map[string]any{}
	list, _ := q["skills"].([]any)
	for _, s := range list {
		if m, ok := s.(map[string]any); ok {
			out[fmt.Sprint(m["id"])] = m["isExpireEnabled"]
		}
	}
	return out
}

func TestQueueResourceLifecycle(t *testing.T) {
	env := newTestEnv(t)
	created := queueArgs{description: "Urgent cases", timeout: "2m30s", groups: []string{seedTier1Group}, frenchSkill: true}
	updated := queueArgs{description: "Urgent cases, all hours", timeout: "150s", routing: true, groups: []string{seedTier1Group, seedDefaultGroup}}
	var queueID string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if q := env.queueByName(tfName("Priority")); q != nil {
				return fmt.Errorf("the queue %v still exists after destroy", q["id"])
			}
			return nil
		},
		Steps: []resource.TestStep{
			// 1. Create: one POST, whose answer is the queue with its id.
			{
				PreConfig: env.resetCounts,
				Config:    env.config(created.config()),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(priorityAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regex(`^qu-`))),
					statecheck.ExpectKnownValue(priorityAddr, tfjsonpath.New("is_default"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(priorityAddr, tfjsonpath.New("is_active"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(priorityAddr, tfjsonpath.New("preferred_agent_timeout"), knownvalue.StringExact("2m30s")),
					statecheck.ExpectKnownValue(priorityAddr, tfjsonpath.New("skill"), knownvalue.SetExact([]knownvalue.Check{
						queueSkillCheck(seedSpanishSkill, true), queueSkillCheck(seedFrenchSkill, false),
					})),
					statecheck.ExpectKnownValue(priorityAddr, tfjsonpath.New("agent_group_ids"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(seedTier1Group)})),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectCounts(map[string]int{"POST /queues": 1}),
					func(s *terraform.State) error {
						queueID = s.RootModule().Resources[priorityAddr].Primary.ID
						q := env.queueRecord(queueID)
						if q == nil {
							return fmt.Errorf("the emulator has no queue %s", queueID)
						}
						for field, want := range map[string]any{
							"name": tfName("Priority"), "description": "Urgent cases", "hoursOfOperation.id": seed24x7Hours,
							"isAdvancedRoutingEnabled":                   false,
							"advancedSettings.preferredAgentTimeout.min": float64(2), "advancedSettings.preferredAgentTimeout.sec": float64(30),
						} {
							if got := queueField(q, field); got != want {
								return fmt.Errorf("queue field %s = %#v, want %#v", field, got, want)
							}
						}
						if got := queueSkills(q); !reflect.DeepEqual(got, map[string]any{seedSpanishSkill: true, seedFrenchSkill: false}) {
							return fmt.Errorf("skills in the emulator = %v", got)
						}
						return nil
					},
				),
			},
			// 2. Import by id: the imported state equals the applied one.
			{
				PreConfig:         env.resetCounts,
				ResourceName:      priorityAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateCheck:  importCounts(env, map[string]int{"GET /queues/{id}": 1}),
			},
			// 3. The same timeout spelled in seconds is no change.
			{
				Config:   env.config(queueArgs{description: "Urgent cases", timeout: "150s", groups: []string{seedTier1Group}, frenchSkill: true}.config()),
				PlanOnly: true,
			},
			// 4. Update in place: the refresh's GET, then the update's GET
			// (the queue to send back) and one PUT. The timeout keeps the
			// spelling in the state.
			{
				PreConfig: env.resetCounts,
				Config:    env.config(updated.config()),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(priorityAddr, plancheck.ResourceActionUpdate),
					expectChangedAttributes(priorityAddr, "agent_group_ids", "description", "is_advanced_routing_enabled", "skill"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(priorityAddr, tfjsonpath.New("preferred_agent_timeout"), knownvalue.StringExact("2m30s")),
					statecheck.ExpectKnownValue(priorityAddr, tfjsonpath.New("skill"), knownvalue.SetExact([]knownvalue.Check{queueSkillCheck(seedSpanishSkill, true)})),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectCounts(map[string]int{"GET /queues/{id}": 2, "PUT /queues/{id}": 1}),
					func(*terraform.State) error {
						q := env.queueRecord(queueID)
						if err := expectRecord(q, map[string]any{"description": "Urgent cases, all hours", "isAdvancedRoutingEnabled": true}); err != nil {
							return err
						}
						if got := queueSkills(q); !reflect.DeepEqual(got, map[string]any{seedSpanishSkill: true}) {
							return fmt.Errorf("skills in the emulator = %v", got)
						}
						if n := len(q["agentGroups"].([]any)); n != 2 {
							return fmt.Errorf("the queue has %d agent groups, want 2", n)
						}
						return nil
					},
				),
			},
			// 5. Drift: a description edited in the UI is that change alone.
			{
				PreConfig: env.onEmulator(func() {
					env.emu.UpdateQueue(queueID, func(doc map[string]any) { doc["description"] = "Edited in the UI" })
				}),
				SkipFunc:           env.emulatorOnly,
				Config:             env.config(updated.config()),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(priorityAddr, plancheck.ResourceActionUpdate),
					expectChangedAttributes(priorityAddr, "description"),
				}},
			},
			// Drift of the timeout is seen too: the normalisation hides
			// only spellings of the same duration.
			{
				PreConfig: env.onEmulator(func() {
					env.emu.UpdateQueue(queueID, func(doc map[string]any) {
						doc["description"] = "Urgent cases, all hours"
						doc["advancedSettings"].(map[string]any)["preferredAgentTimeout"] = map[string]any{"min": 5.0, "sec": 0.0}
					})
				}),
				SkipFunc:           env.emulatorOnly,
				Config:             env.config(updated.config()),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					expectChangedAttributes(priorityAddr, "preferred_agent_timeout"),
				}},
			},
			// 6. Removing the description clears it: the API's empty
			// description reads as null, so the plan after is empty.
			{
				Config: env.config(queueArgs{timeout: "150s", routing: true, groups: []string{seedTier1Group, seedDefaultGroup}}.config()),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(priorityAddr, tfjsonpath.New("description"), knownvalue.Null()),
				},
				Check: func(*terraform.State) error {
					return expectRecord(env.queueRecord(queueID), map[string]any{"description": ""})
				},
			},
			// 7. Deleted out of band: the plan creates it again.
			{
				PreConfig:          func() { env.deleteOutOfBand("queue", queueID) },
				Config:             env.config(updated.config()),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(priorityAddr, plancheck.ResourceActionCreate),
				}},
			},
			// 8. Create it again, then destroy (CheckDestroy).
			{Config: env.config(updated.config())},
		},
	})
}

// queueWithMember is a queue and an agent who joins it through the agent's
// queue block.
func queueWithMember(description string) string {
	return fmt.Sprintf(`
resource "smartassist_queue" "priority" {
  name                  = %q
  description           = %q
  hours_of_operation_id = %q
}

resource "smartassist_agent" "pat" {
  email      = %q
  first_name = "Pat"
  last_name  = "Kim"
  role_id    = %q
  queue {
    id                 = smartassist_queue.priority.id
    is_preferred_agent = true
  }
}
`, tfName("Priority"), description, seedDefaultHours, tfEmail("pat"), seedRoleAgent)
}

// queueMembers is the emulator's members of a queue as aId → preferred.
func queueMembers(q map[string]any) map[string]any {
	out := map[string]any{}
	list, _ := q["agents"].([]any)
	for _, a := range list {
		if m, ok := a.(map[string]any); ok {
			out[fmt.Sprint(m["aId"])] = m["isPreferredAgent"]
		}
	}
	return out
}

// TestQueueResourceKeepsMembers: membership belongs to the agents. An
// update of the queue keeps its members, and a member added elsewhere is
// no change of the queue.
func TestQueueResourceKeepsMembers(t *testing.T) {
	env := newTestEnv(t)
	var queueID, patID string
	expectMembers := func(want map[string]any) resource.TestCheckFunc {
		return func(*terraform.State) error {
			if got := queueMembers(env.queueRecord(queueID)); !reflect.DeepEqual(got, want) {
				return fmt.Errorf("members of the queue = %v, want %v", got, want)
			}
			return nil
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: env.config(queueWithMember("Before")),
				Check: resource.ComposeAggregateTestCheckFunc(
					func(s *terraform.State) error {
						queueID = s.RootModule().Resources[priorityAddr].Primary.ID
						patID = s.RootModule().Resources["smartassist_agent.pat"].Primary.ID
						return nil
					},
					func(s *terraform.State) error { return expectMembers(map[string]any{patID: true})(s) },
				),
			},
			// The queue's update sends Pat back; the agent plans no change
			// before or after.
			{
				Config: env.config(queueWithMember("After")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(priorityAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("smartassist_agent.pat", plancheck.ResourceActionNoop),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					func(s *terraform.State) error { return expectMembers(map[string]any{patID: true})(s) },
					func(*terraform.State) error {
						return expectRecord(env.queueRecord(queueID), map[string]any{"description": "After"})
					},
				),
			},
			// Maria joins the queue in the UI: not a change of the queue.
			// Live, the step is left out: Maria is shared by the run's tests.
			{
				SkipFunc: env.emulatorOnly,
				PreConfig: env.onEmulator(func() {
					env.emu.UpdateAgent(seedMariaID, func(doc map[string]any) {
						queues, _ := doc["queues"].([]any)
						doc["queues"] = append(queues, map[string]any{"id": queueID, "isPreferredAgent": false})
					})
				}),
				Config:   env.config(queueWithMember("After")),
				PlanOnly: true,
				Check: func(s *terraform.State) error {
					return expectMembers(map[string]any{patID: true, seedMariaID: false})(s)
				},
			},
		},
	})
}

// TestDefaultQueueAndAgentGroupAreNotDeleted: the API refuses to delete
// the default queue and the default agent group; destroying them fails
// with its reason and says how to stop managing them instead.
func TestDefaultQueueAndAgentGroupAreNotDeleted(t *testing.T) {
	skipLive(t, liveNeedsOwnership)
	env := newTestEnv(t)
	queue := fmt.Sprintf(`
import {
  to = smartassist_queue.default
  id = %q
}

resource "smartassist_queue" "default" {
  name                  = "Default Queue"
  description           = "queue description"
  hours_of_operation_id = %q
  agent_group_ids       = [%q]
}
`, seedDefaultQueue, seedDefaultHours, seedDefaultGroup)
	group := fmt.Sprintf(`
import {
  to = smartassist_agent_group.default
  id = %q
}

resource "smartassist_agent_group" "default" {
  name        = "Default Agent Group"
  description = "Agents not assigned to another group"
}
`, seedDefaultGroup)
	forget := func(addr string) string {
		return fmt.Sprintf("\nremoved {\n  from = %s\n  lifecycle {\n    destroy = false\n  }\n}\n", addr)
	}
	resource.Test(t, resource.TestCase{
		// removed blocks need Terraform or OpenTofu 1.7; older CLIs skip this test.
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_7_0)},
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			// Importing them changes nothing.
			{
				PreConfig: env.resetCounts,
				Config:    env.config(queue + group),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("smartassist_queue.default", plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction("smartassist_agent_group.default", plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("smartassist_queue.default", tfjsonpath.New("is_default"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("smartassist_queue.default", tfjsonpath.New("preferred_agent_timeout"), knownvalue.StringExact("0s")),
					statecheck.ExpectKnownValue("smartassist_agent_group.default", tfjsonpath.New("is_default"), knownvalue.Bool(true)),
				},
				Check: env.expectCounts(map[string]int{"GET /queues/{id}": 1, "GET /agent-groups/{id}": 1}),
			},
			{
				Config: env.config(group),
				ExpectError: wrapped(`Unable to delete queue.*Deleting the queue ` + seedDefaultQueue + ` \("Default Queue"\) failed: ` +
					`DELETE /queues/` + seedDefaultQueue + `: HTTP 400 Bad Request: The default queue cannot be deleted.*` +
					`This is the account's default queue, which the API does not delete.*removed block`),
			},
			{
				Config: env.config(forget("smartassist_queue.default")),
				ExpectError: wrapped(`Unable to delete agent group.*HTTP 400 Bad Request: The default agent group cannot be deleted.*` +
					`This is the account's default agent group, which the API does not delete`),
			},
			{
				Config: env.config(forget("smartassist_agent_group.default")),
				Check: func(*terraform.State) error {
					if env.emu.Queue(seedDefaultQueue) == nil || env.emu.AgentGroup(seedDefaultGroup) == nil {
						return fmt.Errorf("a default object was deleted")
					}
					return nil
				},
			},
		},
	})
}

// badQueue is a valid queue with attribute lines and blocks added.
func badQueue(lines ...string) string {
	return fmt.Sprintf(`
resource "smartassist_queue" "bad" {
  name                  = "Bad"
  hours_of_operation_id = %q
  %s
}
`, seedDefaultHours, strings.Join(lines, "\n  "))
}

// TestQueueBadInput: invalid queue configurations fail at plan time,
// naming the attribute, before any request.
func TestQueueBadInput(t *testing.T) {
	skill := func(id string, expire bool) string {
		return fmt.Sprintf("skill {\n    id                = %q\n    is_expire_enabled = %t\n  }", id, expire)
	}
	runPlanTimeFailures(t, []badInput{
		{name: "fractional timeout", body: badQueue(`preferred_agent_timeout = "2.5s"`),
			want: `Invalid preferred_agent_timeout.*\d+: preferred_agent_timeout = "2.5s".*"2.5s" is not a whole number of seconds`},
		{name: "negative timeout", body: badQueue(`preferred_agent_timeout = "-1m"`),
			want: `Invalid preferred_agent_timeout.*"-1m" is negative`},
		{name: "timeout not a duration", body: badQueue(`preferred_agent_timeout = "abc"`),
			want: `Invalid preferred_agent_timeout.*Attribute preferred_agent_timeout: "abc" is not a duration such as 45s or 2m30s`},
		{name: "timeout too long", body: badQueue(`preferred_agent_timeout = "90m"`),
			want: `Invalid preferred_agent_timeout.*"90m" is too long; it must be below 60m`},
		{name: "duplicate skill", body: badQueue(skill(seedSpanishSkill, true), skill(seedSpanishSkill, false)),
			want: `Duplicate skill block.*skill id "` + seedSpanishSkill + `" appears in more than one skill block`},
		{name: "empty description", body: badQueue(`description = ""`),
			want: `\d+: description = "".*string length must be at least 1`},
		{name: "empty name", body: strings.Replace(badQueue(), `"Bad"`, `""`, 1),
			want: `\d+: name .*= "".*string length must be at least 1`},
		{name: "empty agent group id", body: badQueue(`agent_group_ids = [""]`),
			want: `Attribute agent_group_ids\[Value\(""\)\] string length must be at least 1`},
		{name: "data source: no lookup key", body: `data "smartassist_queue" "x" {}`,
			want: `Exactly one of these attributes must be configured: \[id,name\]`},
		{name: "data source: both lookup keys", body: "data \"smartassist_queue\" \"x\" {\n  id   = \"qu-1\"\n  name = \"Support\"\n}",
			want: `Exactly one of these attributes must be configured: \[id,name\]`},
		{name: "queues data source: empty filter", body: "data \"smartassist_queues\" \"x\" {\n  name_contains = \"\"\n}",
			want: `\d+: name_contains = "".*string length must be at least 1`},
	})
}
