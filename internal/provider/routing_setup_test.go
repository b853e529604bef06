package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// routingSetup is a whole routing setup in one configuration: a skill
// group with two skills, an agent group, a queue that uses them, and three
// agents that join the queue and hold the skills.
func routingSetup(env *testEnv, queueDescription string) string {
	return env.config(fmt.Sprintf(`
resource "smartassist_skill_group" "languages" {
  name        = "Spoken languages"
  description = "Languages our agents speak"
  color       = "#0f0f0f"
}

resource "smartassist_skill" "spanish" {
  skill_group_id = smartassist_skill_group.languages.id
  name           = "Castilian"
  description    = "Native-level Spanish"
}

resource "smartassist_skill" "german" {
  skill_group_id = smartassist_skill_group.languages.id
  name           = "German"
}

resource "smartassist_agent_group" "tier2" {
  name        = "Tier 2"
  description = "Escalations"
}

resource "smartassist_queue" "escalations" {
  name                  = "Escalations"
  description           = %q
  hours_of_operation_id = "6346a1b2c3d4e5f601234568"

  skill {
    id = smartassist_skill.spanish.id
  }
  skill {
    id                = smartassist_skill.german.id
    is_expire_enabled = true
  }
  agent_group_ids         = [smartassist_agent_group.tier2.id]
  preferred_agent_timeout = "2m30s"
}

locals {
  team = ["ines", "jonas", "kai"]
}

resource "smartassist_agent" "team" {
  count = length(local.team)

  email          = "${local.team[count.index]}@example.com"
  first_name     = title(local.team[count.index])
  last_name      = "Routing"
  role_id        = %q
  agent_group_id = smartassist_agent_group.tier2.id

  queue {
    id                 = smartassist_queue.escalations.id
    is_preferred_agent = count.index == 0
  }
  skill {
    id                = smartassist_skill.spanish.id
    proficiency_level = "expert"
  }
  skill {
    id                = smartassist_skill.german.id
    proficiency_level = count.index == 2 ? "expert" : "novice"
  }
}
`, queueDescription, seedRoleAgent))
}

// TestRoutingSetup builds the whole setup in one apply, checks that every
// reference landed in the emulator, that the plan after apply is empty,
// that a change to the queue keeps its members, and that destroy takes it
// down in dependency order (agents first, the skill group last): the API
// refuses to delete a skill group that still has skills and an agent group
// that still has agents, so any other order fails.
func TestRoutingSetup(t *testing.T) {
	skipLive(t, liveNeedsCounts)
	env := newTestEnv(t)
	var queueID, groupID, skillGroupID string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			var left []string
			if env.emu.Queue(queueID) != nil {
				left = append(left, "queue "+queueID)
			}
			if env.emu.AgentGroup(groupID) != nil {
				left = append(left, "agent group "+groupID)
			}
			if env.emu.SkillGroup(skillGroupID) != nil {
				left = append(left, "skill group "+skillGroupID)
			}
			for _, a := range env.emu.Agents() {
				if a["lastName"] == "Routing" {
					left = append(left, fmt.Sprint("agent ", a["emailId"]))
				}
			}
			if len(left) > 0 {
				return fmt.Errorf("left behind after destroy: %s", strings.Join(left, ", "))
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: routingSetup(env, "Hard cases"),
				Check: func(s *terraform.State) error {
					res := s.RootModule().Resources
					queueID = res["smartassist_queue.escalations"].Primary.ID
					groupID = res["smartassist_agent_group.tier2"].Primary.ID
					skillGroupID = res["smartassist_skill_group.languages"].Primary.ID
					spanish := res["smartassist_skill.spanish"].Primary.ID
					return checkRouting(env, queueID, groupID, spanish)
				},
			},
			{
				// A change to the queue is one full-document PUT that keeps
				// the members the agents manage.
				PreConfig: env.resetCounts,
				Config:    routingSetup(env, "Hard cases, in Spanish or German"),
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectCountsSubset(map[string]int{"PUT /queues/{id}": 1, "PUT /agents/{id}": 0, "POST /agents": 0}),
					func(s *terraform.State) error {
						spanish := s.RootModule().Resources["smartassist_skill.spanish"].Primary.ID
						return checkRouting(env, queueID, groupID, spanish)
					},
				),
			},
		},
	})
}

// checkRouting checks the emulator's view of the setup: three agents in the
// queue (one preferred), all in the agent group and holding the Spanish
// skill.
func checkRouting(env *testEnv, queueID, groupID, spanishID string) error {
	q := env.emu.Queue(queueID)
	if q == nil {
		return fmt.Errorf("no queue %s in the emulator", queueID)
	}
	members, _ := q["agents"].([]any)
	preferred := 0
	for _, m := range members {
		if e, ok := m.(map[string]any); ok && e["isPreferredAgent"] == true {
			preferred++
		}
	}
	if len(members) != 3 || preferred != 1 {
		return fmt.Errorf("queue %s has %d members (%d preferred), want 3 (1 preferred): %v", queueID, len(members), preferred, members)
	}
	if groups, _ := q["agentGroups"].([]any); len(groups) != 1 || fmt.Sprint(groups[0].(map[string]any)["id"]) != groupID {
		return fmt.Errorf("queue agent groups = %v, want [%s]", q["agentGroups"], groupID)
	}
	for _, a := range env.emu.Agents() {
		if a["lastName"] != "Routing" {
			continue
		}
		if !strings.Contains(fmt.Sprint(a["agentGroups"]), groupID) {
			return fmt.Errorf("agent %v is not in the agent group %s: %v", a["emailId"], groupID, a["agentGroups"])
		}
		if !strings.Contains(fmt.Sprint(a["skills"]), spanishID) {
			return fmt.Errorf("agent %v lacks the skill %s: %v", a["emailId"], spanishID, a["skills"])
		}
	}
	return nil
}
