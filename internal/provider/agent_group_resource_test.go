package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

const tier2Addr = "smartassist_agent_group.tier2"

// groupManager is one manager block: a user id and an access level.
type groupManager struct{ userID, level string }

// agentGroupConfig is the group tier2 with these managers.
func agentGroupConfig(name, description string, managers ...groupManager) string {
	var b strings.Builder
	for _, m := range managers {
		fmt.Fprintf(&b, "\n  manager {\n    user_id      = %q\n    access_level = %q\n  }", m.userID, m.level)
	}
	return fmt.Sprintf(`
resource "smartassist_agent_group" "tier2" {
  name        = %q
  description = %q
%s
}
`, name, description, b.String())
}

// seedUserID is the user id of a seeded agent, read from the emulator.
func (e *testEnv) seedUserID(email string) string {
	e.t.Helper()
	rec, ok := e.agentByEmail(email)
	if !ok {
		e.t.Fatalf("the seed has no agent %s", email)
	}
	return fmt.Sprint(rec["userId"])
}

// seedAdminID is the user id of the emulator seed's admin, whom the seed's
// Tier 1 has as a manager. A live run has no such agent: "".
func (e *testEnv) seedAdminID() string {
	if live {
		return ""
	}
	return e.seedUserID("admin@example.com")
}

// managersOf is the stored managers of a group as userId → accessLevel.
func managersOf(group map[string]any) map[string]string {
	out := map[string]string{}
	list, _ := group["managers"].([]any)
	for _, m := range list {
		if e, ok := m.(map[string]any); ok {
			out[fmt.Sprint(e["userId"])] = fmt.Sprint(e["accessLevel"])
		}
	}
	return out
}

func TestAgentGroupResourceLifecycle(t *testing.T) {
	env := newTestEnv(t)
	maria := env.seedUserID(seedMariaEmail)
	created := agentGroupConfig(tfName("Tier 2"), "Second line")
	updated := agentGroupConfig(tfName("Tier 2 EMEA"), "Second line, Europe", groupManager{maria, "full"})
	var groupID string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			for _, name := range []string{tfName("Tier 2"), tfName("Tier 2 EMEA")} {
				if g := env.agentGroupByName(name); g != nil {
					return fmt.Errorf("the agent group %q still exists after destroy", name)
				}
			}
			return nil
		},
		Steps: []resource.TestStep{
			// 1. Create without managers: the create answer has no id (the
			// documented sample), so one list page finds it; no PUT.
			{
				PreConfig: env.resetCounts,
				Config:    env.config(created),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(tier2Addr, tfjsonpath.New("id"), knownvalue.StringRegexp(regex(`^ag-`))),
					statecheck.ExpectKnownValue(tier2Addr, tfjsonpath.New("is_default"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(tier2Addr, tfjsonpath.New("manager"), knownvalue.SetSizeExact(0)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectCounts(map[string]int{"POST /agent-groups": 1, "GET /agent-groups": 1}),
					func(s *terraform.State) error {
						groupID = s.RootModule().Resources[tier2Addr].Primary.ID
						g := env.agentGroupByName(tfName("Tier 2"))
						if g == nil || g["id"] != groupID {
							return fmt.Errorf("state id %s, emulator group %v", groupID, g)
						}
						return expectRecord(g, map[string]any{"description": "Second line", "isDefault": false})
					},
				),
			},
			// 2. Import by id: the imported state equals the applied one.
			{
				PreConfig:         env.resetCounts,
				ResourceName:      tier2Addr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateCheck:  importCounts(env, map[string]int{"GET /agent-groups/{id}": 1}),
			},
			// 3. Update in place: one PUT carries name, description and
			// managers; nothing is read first. The GET is the refresh.
			{
				PreConfig: env.resetCounts,
				Config:    env.config(updated),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(tier2Addr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(tier2Addr, tfjsonpath.New("manager"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{"user_id": knownvalue.StringExact(maria), "access_level": knownvalue.StringExact("full")}),
					})),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectCounts(map[string]int{"GET /agent-groups/{id}": 1, "PUT /agent-groups/{id}": 1}),
					func(*terraform.State) error {
						g := env.agentGroupRecord(groupID)
						if err := expectRecord(g, map[string]any{"name": tfName("Tier 2 EMEA"), "description": "Second line, Europe"}); err != nil {
							return err
						}
						if got := managersOf(g); len(got) != 1 || got[maria] != "full" {
							return fmt.Errorf("managers in the emulator = %v", got)
						}
						return nil
					},
				),
			},
			// 4. Drift: a manager's access level changed in the UI is a
			// change of the manager set and of nothing else.
			{
				PreConfig: env.onEmulator(func() {
					env.emu.UpdateAgentGroup(groupID, func(doc map[string]any) {
						doc["managers"] = []any{map[string]any{"userId": maria, "accessLevel": "view"}}
					})
				}),
				SkipFunc:           env.emulatorOnly,
				Config:             env.config(updated),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(tier2Addr, plancheck.ResourceActionUpdate),
					expectChangedAttributes(tier2Addr, "manager"),
				}},
			},
			// Apply puts it back.
			{
				Config: env.config(updated),
				Check: func(*terraform.State) error {
					if got := managersOf(env.agentGroupRecord(groupID)); got[maria] != "full" {
						return fmt.Errorf("managers in the emulator = %v, want %s full", got, maria)
					}
					return nil
				},
			},
			// 5. Drift of the description alone.
			{
				PreConfig: env.onEmulator(func() {
					env.emu.UpdateAgentGroup(groupID, func(doc map[string]any) { doc["description"] = "Edited in the UI" })
				}),
				SkipFunc:           env.emulatorOnly,
				Config:             env.config(updated),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					expectChangedAttributes(tier2Addr, "description"),
				}},
			},
			// 6. Deleted out of band: the plan creates it again.
			{
				PreConfig:          func() { env.deleteOutOfBand("agent group", groupID) },
				Config:             env.config(updated),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(tier2Addr, plancheck.ResourceActionCreate),
				}},
			},
			// 7. Create it again, then destroy (CheckDestroy).
			{Config: env.config(updated)},
		},
	})
}

// TestAgentGroupResourceCreateWithManagers: create-an-agent-group takes no
// managers, so a group with managers costs the POST, the list page that
// finds its id, and one PUT.
func TestAgentGroupResourceCreateWithManagers(t *testing.T) {
	env := newTestEnv(t)
	maria := env.seedUserID(seedMariaEmail)
	admin := env.seedAdminID()
	config := env.config(agentGroupConfig(tfName("Escalations"), "Hard cases", groupManager{maria, "full"}, groupManager{admin, "view"}))
	if live { // no admin of the seed: the second manager is an agent the test makes
		config = env.config(fmt.Sprintf(`
resource "smartassist_agent" "mgr" {
  email      = %q
  first_name = "Esme"
  last_name  = "Calation"
  role_id    = %q
}
`, tfEmail("esme"), seedRoleSupervisor) + strings.Replace(agentGroupConfig(tfName("Escalations"), "Hard cases", groupManager{maria, "full"}, groupManager{"MGR", "view"}),
			`"MGR"`, "smartassist_agent.mgr.user_id", 1))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: env.resetCounts,
			Config:    config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(tier2Addr, tfjsonpath.New("manager"), knownvalue.SetSizeExact(2)),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				env.expectCounts(map[string]int{"POST /agent-groups": 1, "GET /agent-groups": 1, "PUT /agent-groups/{id}": 1}),
				func(s *terraform.State) error {
					if live {
						admin = s.RootModule().Resources["smartassist_agent.mgr"].Primary.Attributes["user_id"]
					}
					got := managersOf(env.agentGroupByName(tfName("Escalations")))
					if len(got) != 2 || got[maria] != "full" || got[admin] != "view" {
						return fmt.Errorf("managers in the emulator = %v", got)
					}
					return nil
				},
			),
		}},
	})
}

// TestAgentGroupResourceDeleteRefusedWithAgents: the API does not delete a
// group that still has agents; the error carries its reason and what to do.
func TestAgentGroupResourceDeleteRefusedWithAgents(t *testing.T) {
	env := newTestEnv(t)
	home := seedTier1Group // Maria's group, which she goes back to
	moveMaria := func(groupID string) {
		if env.emu != nil {
			env.emu.UpdateAgent(seedMariaID, func(doc map[string]any) {
				doc["agentGroups"] = []any{map[string]any{"groupId": groupID, "role": "agent"}}
			})
			return
		}
		// Live: Maria is the run's own agent (liveSeed), moved through the client.
		c := env.liveClient()
		maria, err := c.Agents.Get(t.Context(), seedMariaID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Agents.Update(t.Context(), maria, &client.AgentRequest{AgentGroupID: &groupID}); err != nil {
			t.Fatal(err)
		}
	}
	refused := `Unable to delete agent group .*"` + tfName("Night shift") + `".* HTTP 400 Bad Request: Agent group "` + tfName("Night shift") + `" still has 1 agent; move them to another group first.*If that is its reason, move the agents to another group first`
	if live {
		maria, err := env.liveClient().Agents.Get(t.Context(), seedMariaID)
		if err != nil {
			t.Fatal(err)
		}
		if home = maria.GroupID(); home == "" {
			t.Fatal("the run's agent Maria has no agent group to go back to")
		}
		// The API's own words are its own: the provider's part only.
		refused = `Unable to delete agent group .*"` + tfName("Night shift") + `".*If that is its reason, move the agents to another group first`
	}
	var groupID string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: env.config(agentGroupConfig(tfName("Night shift"), "After hours")),
				Check: func(s *terraform.State) error {
					groupID = s.RootModule().Resources[tier2Addr].Primary.ID
					return nil
				},
			},
			{
				PreConfig:   func() { moveMaria(groupID) },
				Config:      env.config(""),
				ExpectError: wrapped(refused),
			},
			{
				PreConfig: func() { moveMaria(home) },
				Config:    env.config(""),
				Check: func(*terraform.State) error {
					if env.agentGroupRecord(groupID) != nil {
						return fmt.Errorf("the group %s is still there", groupID)
					}
					return nil
				},
			},
		},
	})
}

// TestAgentGroupBadInput: invalid agent group configurations fail at plan
// time, naming the attribute, before any request.
func TestAgentGroupBadInput(t *testing.T) {
	long := strings.Repeat("x", agentGroupTextMax+1)
	manager := func(user, level string) groupManager { return groupManager{user, level} }
	runPlanTimeFailures(t, []badInput{
		{name: "name over 50 characters", body: agentGroupConfig(long, "d"),
			want: `Invalid name.*\d+: name = "x+".*Attribute name: is 51 characters long; the API accepts at most 50`},
		{name: "description over 50 characters", body: agentGroupConfig("n", long),
			want: `Invalid description.*Attribute description: is 51 characters long`},
		{name: "empty description", body: agentGroupConfig("n", " "),
			want: `Invalid description.*Attribute description: must not be empty`},
		{name: "bad access level", body: agentGroupConfig("n", "d", manager("u-1", "admin")),
			want: `Attribute manager\[.*\]\.access_level value must be one of: \["full" "view"\], got: "admin"`},
		{name: "duplicate manager", body: agentGroupConfig("n", "d", manager("u-1", "full"), manager("u-1", "view")),
			want: `Duplicate manager block.*user_id "u-1" appears in more than one manager block`},
		{name: "data source: no lookup key", body: `data "smartassist_agent_group" "x" {}`,
			want: `Exactly one of these attributes must be configured: \[id,name\]`},
		{name: "data source: both lookup keys", body: "data \"smartassist_agent_group\" \"x\" {\n  id   = \"ag-1\"\n  name = \"Tier 1\"\n}",
			want: `Exactly one of these attributes must be configured: \[id,name\]`},
	})
}

// runPlanTimeFailures plans each case's body after a working provider
// block and expects its error, with no request reaching the emulator. The
// cases are steps of one TestCase, not a TestCase each: a TestCase costs
// terraform init and two version calls before its first step, which for a
// plan that stops at validation is most of the work.
func runPlanTimeFailures(t *testing.T, cases []badInput) {
	t.Helper()
	env := newTestEnv(t)
	env.resetCounts()
	steps := make([]resource.TestStep, 0, len(cases))
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{
			PreConfig:   func() { t.Logf("case %q", tc.name) },
			Config:      env.config(tc.body),
			PlanOnly:    true,
			ExpectError: wrapped(tc.want),
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testProviderFactories, Steps: steps})
	env.expectNoRequests(t)
}
