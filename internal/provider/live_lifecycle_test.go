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
)

// everyKindConfig is one object of every kind, referring to each other as
// a user's configuration does; suffix changes every name and description.
func everyKindConfig(suffix string) string {
	return fmt.Sprintf(`
resource "smartassist_agent_group" "g" {
  name        = %[1]q
  description = "Every kind%[7]s"
}

resource "smartassist_skill_group" "sg" {
  name = %[2]q
}

resource "smartassist_skill" "s" {
  skill_group_id = smartassist_skill_group.sg.id
  name           = %[3]q
}

resource "smartassist_queue" "q" {
  name                  = %[4]q
  description           = "Every kind%[7]s"
  hours_of_operation_id = %[8]q
  agent_group_ids       = [smartassist_agent_group.g.id]
  skill {
    id = smartassist_skill.s.id
  }
}

resource "smartassist_agent" "a" {
  email          = %[5]q
  first_name     = "Every%[7]s"
  last_name      = "Kind"
  role_id        = %[9]q
  agent_group_id = smartassist_agent_group.g.id
  queue {
    id = smartassist_queue.q.id
  }
  skill {
    id                = smartassist_skill.s.id
    proficiency_level = "expert"
  }
}

resource "smartassist_contact" "c" {
  first_name = %[6]q
  last_name  = "Kind"
  salutation = "mr"
  cell_phone = {
    country_code = "+1"
    phone_number = %[10]q
    extension    = "+"
  }
}
`, tfName("group"+suffix), tfName("skills"+suffix), tfName("skill"+suffix), tfName("queue"+suffix), tfEmail("every"),
		tfName("Every"+suffix), suffix, seedDefaultHours, seedRoleAgent, tfLocalPhone(20))
}

var everyKindAddrs = []string{
	"smartassist_agent_group.g", "smartassist_skill_group.sg", "smartassist_skill.s",
	"smartassist_queue.q", "smartassist_agent.a", "smartassist_contact.c",
}

// TestLiveLifecycleEveryKind creates one object of every kind, imports the
// agent, updates every object in place and destroys them all, checking
// each step through the API: against the emulator, and in the short live
// path of make test (scripts/live-emulator.sh), against smartassist-emulator
// as a separate process, as make testacc-live runs against an account.
func TestLiveLifecycleEveryKind(t *testing.T) {
	env := newTestEnv(t)
	var agentID, queueID, groupID string
	updates := make([]plancheck.PlanCheck, len(everyKindAddrs))
	for i, addr := range everyKindAddrs {
		updates[i] = plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			var left []string
			if _, ok := env.agentRecord(agentID); ok {
				left = append(left, "agent "+agentID)
			}
			if env.queueRecord(queueID) != nil {
				left = append(left, "queue "+queueID)
			}
			if env.agentGroupRecord(groupID) != nil {
				left = append(left, "agent group "+groupID)
			}
			if len(left) > 0 {
				return fmt.Errorf("still there after destroy: %s", strings.Join(left, ", "))
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: env.config(everyKindConfig("")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("smartassist_agent.a", tfjsonpath.New("email"), knownvalue.StringExact(tfEmail("every"))),
					statecheck.ExpectKnownValue("smartassist_contact.c", tfjsonpath.New("status"), knownvalue.StringExact("ACTIVE")),
				},
				Check: func(s *terraform.State) error {
					res := s.RootModule().Resources
					agentID, queueID, groupID = res["smartassist_agent.a"].Primary.ID, res["smartassist_queue.q"].Primary.ID, res["smartassist_agent_group.g"].Primary.ID
					rec, ok := env.agentRecord(agentID)
					if !ok {
						return fmt.Errorf("the API has no agent %s", agentID)
					}
					if err := expectRecord(rec, map[string]any{"emailId": tfEmail("every"), "firstName": "Every"}); err != nil {
						return err
					}
					if got := queueIDs(rec); len(got) != 1 || got[0] != queueID {
						return fmt.Errorf("the agent's queues are %v, want [%s]", got, queueID)
					}
					return expectRecord(env.queueRecord(queueID), map[string]any{"name": tfName("queue"), "description": "Every kind"})
				},
			},
			{
				ResourceName:      "smartassist_agent.a",
				ImportState:       true,
				ImportStateId:     tfEmail("every"),
				ImportStateVerify: true,
			},
			{
				Config:           env.config(everyKindConfig(" 2")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: updates},
				Check: func(*terraform.State) error {
					if err := expectRecord(env.agentGroupRecord(groupID), map[string]any{"name": tfName("group 2"), "description": "Every kind 2"}); err != nil {
						return err
					}
					rec, _ := env.agentRecord(agentID)
					return expectRecord(rec, map[string]any{"firstName": "Every 2"})
				},
			},
		},
	})
}
