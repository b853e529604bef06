package provider

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// The plural data sources, filtered to what this run made: each lists
// exactly the objects the configuration created, whatever else the account
// holds, so the test runs against the emulator and against an account.
func TestPluralDataSources_runObjects(t *testing.T) {
	env := newTestEnv(t)
	p := tfName("plural")
	objects := fmt.Sprintf(`
resource "smartassist_agent_group" "g" {
  count       = 2
  name        = "%[1]s-group-${count.index}"
  description = "Plural data sources"
}

resource "smartassist_queue" "q" {
  count                 = 2
  name                  = "%[1]s-queue-${count.index}"
  hours_of_operation_id = %[2]q
}

resource "smartassist_skill_group" "sg" {
  name = "%[1]s-skills"
}

resource "smartassist_skill" "s" {
  count          = 2
  skill_group_id = smartassist_skill_group.sg.id
  name           = "%[1]s-skill-${count.index}"
}

resource "smartassist_agent" "a" {
  count      = 2
  email      = "%[1]s-agent-${count.index}@example.com"
  first_name = "Plural${count.index}"
  last_name  = "Agent"
  role_id    = %[3]q
  queue {
    id = smartassist_queue.q[0].id
  }
}

resource "smartassist_contact" "c" {
  count      = 2
  first_name = "%[1]s-contact-${count.index}"
  last_name  = "Plural"
  salutation = "mrs"
  cell_phone = {
    country_code = "+1"
    phone_number = format("%[4]s%%02d", 30 + count.index)
    extension    = "+"
  }
}
`, p, seedDefaultHours, seedRoleAgent, strings.TrimSuffix(tfLocalPhone(0), "00"))
	lists := fmt.Sprintf(`
data "smartassist_agent_groups" "ours" {
  name_contains = %[1]q
  depends_on    = [smartassist_agent_group.g]
}

data "smartassist_queues" "ours" {
  name_contains = %[1]q
  depends_on    = [smartassist_queue.q]
}

data "smartassist_skill_groups" "ours" {
  name_contains = %[1]q
  depends_on    = [smartassist_skill_group.sg]
}

data "smartassist_skills" "ours" {
  skill_group_id = smartassist_skill_group.sg.id
  depends_on     = [smartassist_skill.s]
}

data "smartassist_agents" "in_queue" {
  queue_id   = smartassist_queue.q[0].id
  depends_on = [smartassist_agent.a]
}

data "smartassist_contacts" "ours" {
  name       = %[1]q
  depends_on = [smartassist_contact.c]
}
`, p)
	// Each data source lists exactly the ids of the resources it names.
	same := func(list, listKey, resources string, n int) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			mod := s.RootModule()
			ds := mod.Resources["data."+list]
			if ds == nil {
				return fmt.Errorf("no data.%s in state", list)
			}
			var got, want []string
			for i := 0; ; i++ {
				id, ok := ds.Primary.Attributes[fmt.Sprintf("%s.%d.id", listKey, i)]
				if !ok {
					break
				}
				got = append(got, id)
			}
			for i := 0; i < n; i++ {
				r := mod.Resources[fmt.Sprintf("%s.%d", resources, i)]
				if r == nil {
					return fmt.Errorf("no %s[%d] in state", resources, i)
				}
				want = append(want, r.Primary.ID)
			}
			sort.Strings(got)
			sort.Strings(want)
			if strings.Join(got, ",") != strings.Join(want, ",") {
				return fmt.Errorf("data.%s lists %v, want the run's %v", list, got, want)
			}
			return nil
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{Config: env.config(objects)},
			{
				Config: env.config(objects + lists),
				Check: resource.ComposeAggregateTestCheckFunc(
					same("smartassist_agent_groups.ours", "agent_groups", "smartassist_agent_group.g", 2),
					same("smartassist_queues.ours", "queues", "smartassist_queue.q", 2),
					same("smartassist_skills.ours", "skills", "smartassist_skill.s", 2),
					same("smartassist_agents.in_queue", "agents", "smartassist_agent.a", 2),
					same("smartassist_contacts.ours", "contacts", "smartassist_contact.c", 2),
					resource.TestCheckResourceAttr("data.smartassist_skill_groups.ours", "skill_groups.#", "1"),
					resource.TestCheckResourceAttrPair("data.smartassist_skill_groups.ours", "skill_groups.0.id", "smartassist_skill_group.sg", "id"),
				),
			},
		},
	})
}
