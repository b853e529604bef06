package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// benchAgents is n agents shaped like the benchmark's (make bench): two
// queues, two skills, chat and voice languages. The agents whose index is
// in changed get another nickname.
func benchAgents(n int, changed ...int) string {
	nick := make([]string, n)
	for i := range nick {
		nick[i] = fmt.Sprintf("%q", fmt.Sprintf("Nick%d", i))
	}
	for _, i := range changed {
		nick[i] = fmt.Sprintf("%q", fmt.Sprintf("Renamed%d", i))
	}
	return fmt.Sprintf(`
locals {
  nicknames = [%s]
}

resource "smartassist_agent" "bench" {
  count      = %d
  email      = format("bench%%03d@example.com", count.index)
  first_name = "Bench"
  last_name  = format("Agent%%03d", count.index)
  nickname   = local.nicknames[count.index]
  role_id    = %q

  can_support_chat  = true
  max_chat_support  = 3
  can_support_voice = true

  chat_language_support {
    language    = "en"
    proficiency = "expert"
  }
  voice_language_support {
    language    = "es"
    proficiency = "good"
  }
  queue {
    id                 = %q
    is_preferred_agent = true
  }
  queue {
    id = %q
  }
  skill {
    id                = %q
    proficiency_level = "expert"
  }
  skill {
    id                = %q
    proficiency_level = "novice"
  }
}
`, strings.Join(nick, ", "), n, seedRoleAgent, seedSupportQueue, seedSalesQueue, seedSpanishSkill, seedFrenchSkill)
}

// budget checks the calls made since the last reset against a phase's
// target. It is a plan check too, for plan-only steps.
type budget struct {
	env   *testEnv
	phase string
	check func(counts map[string]int, total int) error
}

func (b budget) test(*terraform.State) error {
	counts := b.env.emu.Counts()
	total := 0
	for _, n := range counts {
		total += n
	}
	if err := b.check(counts, total); err != nil {
		return fmt.Errorf("%s: %w (all calls: %v)", b.phase, err, counts)
	}
	return nil
}

func (b budget) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = b.test(nil)
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// TestAgentCallBudget is make bench's agent scenario at N = 20, with its
// call-count targets: create N agents with N POSTs and at most N/5 lookups
// although the create answer has no id; refresh them through the shared
// list in at most N/5+2 calls; update k of them with k GETs and k PUTs;
// destroy them with N DELETEs and one refresh. The lookups' batcher runs on
// a waveClock, so the creates Terraform sends together share a walk however
// slowly a loaded machine delivers them.
func TestAgentCallBudget(t *testing.T) {
	skipLive(t, liveNeedsCounts)
	const n, k = 20, 2
	env := newTestEnv(t)
	clock := newWaveClock(t)
	refresh := func(phase string) budget {
		return budget{env, phase, func(c map[string]int, total int) error {
			if c["GET /agents"] < 1 {
				return fmt.Errorf("the refresh did not use the shared list")
			}
			if max := ceilDiv(n, 5) + 2; total > max {
				return fmt.Errorf("refreshing %d agents took %d calls, want at most %d", n, total, max)
			}
			return nil
		}}
	}
	var afterRefresh map[string]int
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: waveProviderFactories(clock),
		CheckDestroy: budget{env, "destroy", func(c map[string]int, total int) error {
			if c["DELETE /agents/{id}"] != n {
				return fmt.Errorf("%d DELETEs, want %d", c["DELETE /agents/{id}"], n)
			}
			if max := n + ceilDiv(n, 5) + 2; total > max {
				return fmt.Errorf("destroying %d agents took %d calls, want at most %d", n, total, max)
			}
			return nil
		}}.test,
		Steps: []resource.TestStep{
			{
				PreConfig: func() { env.resetCounts(); clock.expect(n) },
				Config:    env.config(benchAgents(n)),
				Check: budget{env, "create", func(c map[string]int, total int) error {
					if c["POST /agents"] != n {
						return fmt.Errorf("%d POSTs, want %d", c["POST /agents"], n)
					}
					if lookups, max := total-n, ceilDiv(n, 5); lookups > max {
						return fmt.Errorf("%d lookups after id-less create answers, want at most %d", lookups, max)
					}
					return nil
				}}.test,
			},
			{
				PreConfig:        env.resetCounts,
				Config:           env.config(benchAgents(n)),
				PlanOnly:         true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{refresh("refresh")}},
			},
			{
				PreConfig: env.resetCounts,
				Config:    env.config(benchAgents(n, 3, 17)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					refresh("refresh before the update"),
					plancheck.ExpectResourceAction("smartassist_agent.bench[3]", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("smartassist_agent.bench[17]", plancheck.ResourceActionUpdate),
					snapshot{env, &afterRefresh},
				}},
				Check: budget{env, "update", func(c map[string]int, _ int) error {
					var extra []string
					for route, got := range c {
						want := afterRefresh[route]
						switch route {
						case "GET /agents/{id}", "PUT /agents/{id}":
							want += k
						}
						if got != want {
							extra = append(extra, fmt.Sprintf("%s: %d calls after the refresh, want %d", route, got-afterRefresh[route], want-afterRefresh[route]))
						}
					}
					if len(extra) > 0 {
						return fmt.Errorf("updating %d agents: %s", k, strings.Join(extra, "; "))
					}
					return nil
				}}.test,
			},
			{
				PreConfig: env.resetCounts,
				Config:    env.config(benchAgents(n, 3, 17)),
				PlanOnly:  true,
			},
		},
	})
}

// snapshot is a plan check that keeps the counts at that point.
type snapshot struct {
	env *testEnv
	dst *map[string]int
}

func (s snapshot) CheckPlan(context.Context, plancheck.CheckPlanRequest, *plancheck.CheckPlanResponse) {
	*s.dst = s.env.emu.Counts()
}

// TestAgentDriftThroughTheList: the list path sees a change made in the UI
// to every attribute it serves, as the GET path does. Five agents are
// refreshed: two with a GET each, three from the list's one page, and every
// one of them shows every drifted attribute.
func TestAgentDriftThroughTheList(t *testing.T) {
	skipLive(t, liveNeedsCounts)
	const n = 5
	env := newTestEnv(t)
	config := env.config(fmt.Sprintf(`
resource "smartassist_agent" "drift" {
  count          = %d
  email          = format("drift%%d@example.com", count.index)
  first_name     = "Drift"
  last_name      = format("Agent%%d", count.index)
  nickname       = "Steady"
  phone_number   = format("+1415555%%04d", count.index)
  role_id        = %q
  agent_group_id = %q

  can_support_chat    = true
  max_chat_support    = 3
  can_support_voice   = true
  attachments_enabled = true
  emojis_enabled      = true

  chat_language_support {
    language    = "en"
    proficiency = "expert"
  }
  voice_language_support {
    language    = "es"
    proficiency = "good"
  }
  queue {
    id                 = %q
    is_preferred_agent = true
  }
  skill {
    id                = %q
    proficiency_level = "expert"
  }
}
`, n, seedRoleAgent, seedTier1Group, seedSupportQueue, seedSpanishSkill))

	drifted := []string{
		"email", "first_name", "last_name", "nickname", "phone_number", "role_id", "agent_group_id",
		"can_support_chat", "max_chat_support", "can_support_voice", "attachments_enabled", "emojis_enabled",
		"chat_language_support", "voice_language_support", "queue", "skill", "updated_at",
	}
	checks := []plancheck.PlanCheck{budget{env, "refresh", func(c map[string]int, total int) error {
		if c["GET /agents"] != 1 || c["GET /agents/{id}"] != 2 || total != 3 {
			return fmt.Errorf("want two GETs and one list page: three agents must come from the list")
		}
		return nil
	}}}
	for i := 0; i < n; i++ {
		checks = append(checks, expectChangedAttributes(fmt.Sprintf("smartassist_agent.drift[%d]", i), drifted...))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: func() {
					for _, rec := range env.emu.Agents() {
						if !strings.HasPrefix(fmt.Sprint(rec["emailId"]), "drift") {
							continue
						}
						env.emu.UpdateAgent(fmt.Sprint(rec["id"]), func(doc map[string]any) {
							doc["emailId"] = "moved-" + fmt.Sprint(doc["emailId"])
							doc["firstName"] = "Changed"
							doc["lastName"] = "Elsewhere"
							doc["nickName"] = "Wobbly"
							doc["phoneNumber"] = "+14155559999"
							doc["roleId"] = seedRoleSupervisor
							doc["agentGroups"] = []any{map[string]any{"groupId": seedDefaultGroup, "role": "agent"}}
							doc["canSupportChat"] = false
							doc["maxChatSupport"] = 7
							doc["canSupportVoice"] = false
							doc["attachmentsEnabled"] = false
							doc["emojisEnabled"] = false
							doc["chatLanguageSupport"] = []any{map[string]any{"language": "en", "proficiency": "novice", "isActive": true}}
							doc["voiceLanguageSupport"] = []any{map[string]any{"language": "es", "proficiency": "good", "isActive": false}}
							queues := doc["queues"].([]any)
							queues[0].(map[string]any)["isPreferredAgent"] = false
							skills := doc["skills"].([]any)
							skills[0].(map[string]any)["proficiencyLevel"] = "novice"
							doc["updatedAt"] = "2030-01-01T00:00:00.000Z"
						})
					}
					env.resetCounts()
				},
				Config:             config,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks:   resource.ConfigPlanChecks{PostApplyPostRefresh: checks},
			},
		},
	})
}
