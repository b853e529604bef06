package provider

import (
	"context"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

const aliceAddr = "smartassist_agent.alice"

// agentConfig is a full agent; the arguments are what the steps change.
func agentConfig(firstName, spanishLevel string, queues ...string) string {
	var qs strings.Builder
	for i, q := range queues {
		fmt.Fprintf(&qs, `
  queue {
    id                 = %q
    is_preferred_agent = %t
  }`, q, i == 0)
	}
	return fmt.Sprintf(`
resource "smartassist_agent" "alice" {
  email          = %q
  first_name     = %q
  last_name      = "Doe"
  role_id        = %q
  nickname       = "Al"
  phone_number   = %q
  custom_id      = %q
  agent_group_id = %q

  can_support_chat    = true
  max_chat_support    = 5
  can_support_voice   = true
  attachments_enabled = true
  emojis_enabled      = false

  chat_language_support {
    language    = "en"
    proficiency = "expert"
    is_active   = true
  }
  chat_language_support {
    language    = "es"
    proficiency = %q
  }
  voice_language_support {
    language    = "es"
    proficiency = "average"
  }
%s
  skill {
    id                = %q
    proficiency_level = "expert"
  }
  skill {
    id                = %q
    proficiency_level = %q
  }
}
`, tfEmail("alice"), firstName, seedRoleAgent, tfPhone(0), runPrefix()+"EMP-1001", seedTier1Group, spanishLevel, qs.String(), seedDefaultSkill, seedSpanishSkill, spanishLevel)
}

func TestAgentResourceLifecycle(t *testing.T) {
	env := newTestEnv(t)
	var agentID string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if _, ok := env.agentByEmail(tfEmail("alice")); ok {
				return fmt.Errorf("%s still exists after destroy", tfEmail("alice"))
			}
			return nil
		},
		Steps: []resource.TestStep{
			// 1. Create with every block. The create answer has no id (the
			// documented sample), so the agent is found by its custom id.
			{
				PreConfig: env.resetCounts,
				Config:    env.config(agentConfig("Alice", "good", seedDefaultQueue, seedSupportQueue)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(aliceAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regex(`^a-[0-9a-f]{7}-`))),
					statecheck.ExpectKnownValue(aliceAddr, tfjsonpath.New("agent_group_id"), knownvalue.StringExact(seedTier1Group)),
					statecheck.ExpectKnownValue(aliceAddr, tfjsonpath.New("user_id"), knownvalue.StringRegexp(regex(`^u-`))),
					statecheck.ExpectKnownValue(aliceAddr, tfjsonpath.New("queue"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact(seedDefaultQueue), "is_preferred_agent": knownvalue.Bool(true)}),
						knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact(seedSupportQueue), "is_preferred_agent": knownvalue.Bool(false)}),
					})),
					statecheck.ExpectKnownValue(aliceAddr, tfjsonpath.New("chat_language_support"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{"language": knownvalue.StringExact("en"), "proficiency": knownvalue.StringExact("expert"), "is_active": knownvalue.Bool(true)}),
						knownvalue.ObjectExact(map[string]knownvalue.Check{"language": knownvalue.StringExact("es"), "proficiency": knownvalue.StringExact("good"), "is_active": knownvalue.Bool(true)}),
					})),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					// The answer has no id: one list page finds the new agent.
					env.expectCounts(map[string]int{"POST /agents": 1, "GET /agents": 1}),
					func(s *terraform.State) error {
						agentID = s.RootModule().Resources[aliceAddr].Primary.ID
						rec, ok := env.agentRecord(agentID)
						if !ok {
							return fmt.Errorf("the emulator has no agent %s", agentID)
						}
						return expectRecord(rec, map[string]any{
							"emailId": tfEmail("alice"), "firstName": "Alice", "nickName": "Al", "customId": runPrefix() + "EMP-1001",
							"phoneNumber": tfPhone(0), "canSupportChat": true, "maxChatSupport": float64(5), "emojisEnabled": false,
						})
					},
				),
			},
			// 2. Import by id, then by email: the imported state equals the
			// applied one.
			{
				PreConfig:         env.resetCounts,
				ResourceName:      aliceAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateCheck:  importCounts(env, map[string]int{"GET /agents/{id}": 1}),
			},
			{
				PreConfig:         env.resetCounts,
				ResourceName:      aliceAddr,
				ImportState:       true,
				ImportStateId:     tfEmail("alice"),
				ImportStateVerify: true,
				// One list page finds the id, one GET reads the agent.
				ImportStateCheck: importCounts(env, map[string]int{"GET /agents": 1, "GET /agents/{id}": 1}),
			},
			// 3. Update: rename, change a proficiency, drop a queue and add
			// another. A field the resource does not manage, changed out of
			// band, must survive the full-document PUT.
			{
				PreConfig: func() {
					env.onEmulator(func() {
						env.emu.UpdateAgent(agentID, func(doc map[string]any) {
							doc["maxEmailChatSupport"] = float64(7)
							doc["markedAutoAway"] = true
						})
					})()
					env.resetCounts()
				},
				Config: env.config(agentConfig("Alicia", "expert", seedSupportQueue, seedSalesQueue)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(aliceAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(aliceAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("Alicia")),
					statecheck.ExpectKnownValue(aliceAddr, tfjsonpath.New("queue"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact(seedSupportQueue), "is_preferred_agent": knownvalue.Bool(true)}),
						knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact(seedSalesQueue), "is_preferred_agent": knownvalue.Bool(false)}),
					})),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					// One GET refreshes the plan; the update itself is one GET
					// (the document to send back) and one PUT.
					env.expectCounts(map[string]int{"GET /agents/{id}": 2, "PUT /agents/{id}": 1}),
					func(*terraform.State) error {
						rec, _ := env.agentRecord(agentID)
						want := map[string]any{"firstName": "Alicia"}
						if env.emu != nil { // changed out of band through the emulator
							want["maxEmailChatSupport"], want["markedAutoAway"] = float64(7), true
						}
						if err := expectRecord(rec, want); err != nil {
							return fmt.Errorf("unmanaged fields were not kept: %w", err)
						}
						if got := queueIDs(rec); !reflect.DeepEqual(got, sorted(seedSupportQueue, seedSalesQueue)) {
							return fmt.Errorf("queues in the emulator = %v", got)
						}
						return nil
					},
				),
			},
			// 4. Drift: a change made in the UI shows up as exactly that change.
			{
				PreConfig: env.onEmulator(func() {
					env.emu.UpdateAgent(agentID, func(doc map[string]any) { doc["lastName"] = "Smith" })
				}),
				SkipFunc:           env.emulatorOnly,
				Config:             env.config(agentConfig("Alicia", "expert", seedSupportQueue, seedSalesQueue)),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(aliceAddr, plancheck.ResourceActionUpdate),
					expectChangedAttributes(aliceAddr, "last_name", "updated_at"),
				}},
			},
			// Apply puts it back.
			{
				Config: env.config(agentConfig("Alicia", "expert", seedSupportQueue, seedSalesQueue)),
				Check: func(*terraform.State) error {
					rec, _ := env.agentRecord(agentID)
					return expectRecord(rec, map[string]any{"lastName": "Doe"})
				},
			},
			// 5. Deleted out of band: the plan creates it again.
			{
				PreConfig:          func() { env.deleteOutOfBand("agent", agentID) },
				Config:             env.config(agentConfig("Alicia", "expert", seedSupportQueue, seedSalesQueue)),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(aliceAddr, plancheck.ResourceActionCreate),
				}},
			},
			// 6. Create it again, then destroy (CheckDestroy).
			{
				Config: env.config(agentConfig("Alicia", "expert", seedSupportQueue)),
			},
		},
	})
}

// TestAgentResourceCreateAnswerWithID covers the other reading of the
// create page: when the answer carries the id, no lookup is made.
func TestAgentResourceCreateAnswerWithID(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	env := newTestEnv(t, emulator.Config{CreateAgentReturnsID: true})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: env.resetCounts,
			Config: env.config(fmt.Sprintf(`
resource "smartassist_agent" "bob" {
  email      = "bob@example.com"
  first_name = "Bob"
  last_name  = "Lee"
  role_id    = %q
}
`, seedRoleAgent)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("smartassist_agent.bob", tfjsonpath.New("agent_group_id"), knownvalue.StringExact(seedDefaultGroup)),
				statecheck.ExpectKnownValue("smartassist_agent.bob", tfjsonpath.New("queue"), knownvalue.SetSizeExact(0)),
				statecheck.ExpectKnownValue("smartassist_agent.bob", tfjsonpath.New("attachments_enabled"), knownvalue.Bool(true)),
			},
			Check: env.expectCounts(map[string]int{"POST /agents": 1}),
		}},
	})
}

// TestAgentResourceCreateFoundByEmail: no id in the answer and no custom id,
// so the new agent is found through the list, in one call.
func TestAgentResourceCreateFoundByEmail(t *testing.T) {
	env := newTestEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: env.resetCounts,
			Config: env.config(fmt.Sprintf(`
resource "smartassist_agent" "carol" {
  email      = %q
  first_name = "Carol"
  last_name  = "King"
  role_id    = %q
  queue {
    id = %q
  }
}
`, tfEmail("carol"), seedRoleSupervisor, seedDefaultQueue)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("smartassist_agent.carol", tfjsonpath.New("id"), knownvalue.StringRegexp(regex(`^a-`))),
				statecheck.ExpectKnownValue("smartassist_agent.carol", tfjsonpath.New("status"), knownvalue.StringExact("ACTIVE")),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				env.expectCounts(map[string]int{"POST /agents": 1, "GET /agents": 1}),
				func(s *terraform.State) error {
					id := s.RootModule().Resources["smartassist_agent.carol"].Primary.ID
					rec, ok := env.agentByEmail(tfEmail("carol"))
					if !ok || rec["id"] != id {
						return fmt.Errorf("state id %s, emulator record %v", id, rec["id"])
					}
					return nil
				},
			),
		}},
	})
}

func TestAgentResourceDuplicateEmailSaysHowToImport(t *testing.T) {
	env := newTestEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
resource "smartassist_agent" "dup" {
  email      = %q
  first_name = "Maria"
  last_name  = "Lopez"
  role_id    = %q
}
`, seedMariaEmail, seedRoleAgent)),
			ExpectError: wrapped(`An agent with the email ` + regexp.QuoteMeta(seedMariaEmail) + ` exists already, with the id ` + seedMariaID +
				`.*import \{ to = <this resource's address, shown above> id = "` + regexp.QuoteMeta(seedMariaEmail) + `" \}`),
		}},
	})
	if env.emu == nil {
		return
	}
	if n := len(env.emu.Agents()); n != 2 {
		t.Fatalf("the emulator holds %d agents, want the 2 seeded ones", n)
	}
}

// importCounts checks an import step's API calls.
func importCounts(env *testEnv, want map[string]int) resource.ImportStateCheckFunc {
	check := env.expectCounts(want)
	return func([]*terraform.InstanceState) error { return check(nil) }
}

// expectChangedAttributes checks that the planned update of addr changes
// exactly the named top-level attributes.
func expectChangedAttributes(addr string, attrs ...string) plancheck.PlanCheck {
	return changedAttributes{addr: addr, want: sorted(attrs...)}
}

type changedAttributes struct {
	addr string
	want []string
}

func (c changedAttributes) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != c.addr {
			continue
		}
		before, _ := rc.Change.Before.(map[string]any)
		after, _ := rc.Change.After.(map[string]any)
		unknown, _ := rc.Change.AfterUnknown.(map[string]any)
		var changed []string
		for k := range after {
			if u, ok := unknown[k].(bool); (ok && u) || !reflect.DeepEqual(before[k], after[k]) {
				changed = append(changed, k)
			}
		}
		for k := range unknown {
			if _, ok := after[k]; !ok {
				if u, ok := unknown[k].(bool); ok && u {
					changed = append(changed, k)
				}
			}
		}
		sort.Strings(changed)
		if !reflect.DeepEqual(changed, c.want) {
			resp.Error = fmt.Errorf("%s: planned changes to %v, want exactly %v", c.addr, changed, c.want)
		}
		return
	}
	resp.Error = fmt.Errorf("no planned change for %s", c.addr)
}

// expectRecord compares fields of an emulator record.
func expectRecord(rec map[string]any, want map[string]any) error {
	for k, v := range want {
		if !reflect.DeepEqual(rec[k], v) {
			return fmt.Errorf("record field %s = %#v, want %#v", k, rec[k], v)
		}
	}
	return nil
}

func queueIDs(rec map[string]any) []string {
	var ids []string
	list, _ := rec["queues"].([]any)
	for _, q := range list {
		if m, ok := q.(map[string]any); ok {
			ids = append(ids, fmt.Sprint(m["id"]))
		}
	}
	sort.Strings(ids)
	return ids
}

func sorted(s ...string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

// An omitted is_preferred_agent means false: a queue made preferred in the
// UI is drift, and the apply puts it back.
func TestAgentResourceOmittedBlockDefaultsAreManaged(t *testing.T) {
	skipLive(t, liveNeedsEdits)
	env := newTestEnv(t)
	config := env.config(fmt.Sprintf(`
resource "smartassist_agent" "dan" {
  email      = "dan@example.com"
  first_name = "Dan"
  last_name  = "Brown"
  role_id    = %q
  queue {
    id = %q
  }
  chat_language_support {
    language    = "en"
    proficiency = "good"
  }
}
`, seedRoleAgent, seedSupportQueue))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: func() {
					rec, _ := env.emu.AgentByEmail("dan@example.com")
					env.emu.UpdateAgent(fmt.Sprint(rec["id"]), func(doc map[string]any) {
						doc["queues"].([]any)[0].(map[string]any)["isPreferredAgent"] = true
						doc["chatLanguageSupport"].([]any)[0].(map[string]any)["isActive"] = false
					})
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("smartassist_agent.dan", plancheck.ResourceActionUpdate),
					expectChangedAttributes("smartassist_agent.dan", "chat_language_support", "queue", "updated_at"),
				}},
				Check: func(*terraform.State) error {
					rec, _ := env.emu.AgentByEmail("dan@example.com")
					q := rec["queues"].([]any)[0].(map[string]any)
					l := rec["chatLanguageSupport"].([]any)[0].(map[string]any)
					if q["isPreferredAgent"] != false || l["isActive"] != true {
						return fmt.Errorf("queue %v, language %v: the defaults were not restored", q, l)
					}
					return nil
				},
			},
		},
	})
}
