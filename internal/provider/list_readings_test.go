package provider

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// readingsConfig has more than a page (at 10 a page) of every list the
// provider walks: agents and agent groups created with answers that carry
// no id (so each is found through its list), skills of one group, contacts,
// and the data sources that read whole lists.
var readingsConfig = `
resource "smartassist_agent_group" "g" {
  count       = 12
  name        = "Readings group ${count.index}"
  description = "Group ${count.index}"
}

resource "smartassist_agent" "a" {
  count          = 12
  email          = "reader${count.index}@example.com"
  first_name     = "Reader"
  last_name      = "N${count.index}"
  role_id        = "` + seedRoleAgent + `"
  agent_group_id = smartassist_agent_group.g[count.index].id
}

resource "smartassist_skill_group" "sg" {
  name = "Readings skills"
}

resource "smartassist_skill" "s" {
  count          = 12
  skill_group_id = smartassist_skill_group.sg.id
  name           = "Reading skill ${count.index}"
}

resource "smartassist_contact" "c" {
  count      = 12
  first_name = "Reader"
  last_name  = "N${count.index}"
  salutation = "mr"
  cell_phone = {
    country_code = "+1"
    phone_number = format("55577%05d", count.index)
    extension    = "+"
  }
}

data "smartassist_agents" "all" {
  depends_on = [smartassist_agent.a]
}

data "smartassist_contacts" "all" {
  depends_on = [smartassist_contact.c]
}

data "smartassist_queues" "all" {}

data "smartassist_conversations" "all" {
  limit = 25
}

data "smartassist_agent_group" "last" {
  name       = "Readings group 11"
  depends_on = [smartassist_agent_group.g]
}

data "smartassist_skill" "last" {
  skill_group_id = smartassist_skill_group.sg.id
  name           = "Reading skill 11"
  depends_on     = [smartassist_skill.s]
}
`

// Every list the provider walks reads every object, whatever the server
// makes of the limit it is sent, whether it echoes it, which figures it
// gives, and whatever its hasMore says: created
// objects are found through their lists (ids match the emulator's), the
// data sources see every object, a refresh plans nothing, and destroy
// removes it all.
func TestAccEveryListUnderEveryReading(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	readings := map[string]emulator.Readings{
		"limit ignored":            {ListLimit: emulator.ListLimitIgnored},
		"limit capped at 5":        {ListLimit: emulator.ListLimitCapped, ListLimitCap: 5},
		"hasMore on the last page": {ListLimit: emulator.ListLimitHonoured, HasMoreOnLastPage: true},
		"limit honoured":           {ListLimit: emulator.ListLimitHonoured},
		// Issue 25: 5 a page, the asked limit echoed, hasMore alone.
		"capped at 5, limit echoed, no totals": cappedWithoutTotals,
		// The queue sample's contradiction on every last page: hasMore
		// true while totalPages (by the echoed limit) says 1.
		"capped at 5, limit echoed, hasMore on the last page, no totalResults": {ListLimit: emulator.ListLimitCapped, ListLimitCap: 5,
			ListLimitEcho: true, ListFigures: emulator.ListFiguresNoTotal, HasMoreOnLastPage: true},
	}
	for name, reading := range readings {
		t.Run(name, func(t *testing.T) {
			env := newTestEnv(t, emulator.Config{Readings: reading})
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviderFactories,
				Steps: []resource.TestStep{
					{Config: env.config(readingsConfig), Check: env.everyObjectFound()},
					{Config: env.config(readingsConfig), PlanOnly: true},
				},
				CheckDestroy: func(*terraform.State) error {
					for i := 0; i < 12; i++ {
						if env.emu.AgentGroupByName(fmt.Sprintf("Readings group %d", i)) != nil {
							return fmt.Errorf("agent group %d is left after destroy", i)
						}
					}
					return nil
				},
			})
		})
	}
}

// everyObjectFound checks the state's ids against the emulator's records,
// and the data sources' counts against the emulator's lists.
func (e *testEnv) everyObjectFound() resource.TestCheckFunc {
	return func(s *terraform.State) error {
		res := s.RootModule().Resources
		for i := 0; i < 12; i++ {
			g := e.emu.AgentGroupByName(fmt.Sprintf("Readings group %d", i))
			if got := res[fmt.Sprintf("smartassist_agent_group.g.%d", i)].Primary.ID; g == nil || got != g["id"] {
				return fmt.Errorf("agent group %d: state id %q, emulator %v", i, got, g)
			}
			a, ok := e.emu.AgentByEmail(fmt.Sprintf("reader%d@example.com", i))
			if got := res[fmt.Sprintf("smartassist_agent.a.%d", i)].Primary.ID; !ok || got != a["id"] {
				return fmt.Errorf("agent %d: state id %q, emulator %v", i, got, a)
			}
		}
		active := 0
		for _, c := range e.emu.Contacts() {
			if c["status"] != "INACTIVE" {
				active++
			}
		}
		for ds, want := range map[string]int{
			"data.smartassist_agents.all":        len(e.emu.Agents()),
			"data.smartassist_contacts.all":      active,
			"data.smartassist_queues.all":        len(e.emu.Queues()),
			"data.smartassist_conversations.all": 25,
		} {
			if got, _ := strconv.Atoi(res[ds].Primary.Attributes["ids.#"]); got != want {
				return fmt.Errorf("%s: %d ids, want %d", ds, got, want)
			}
		}
		if got, want := res["data.smartassist_agent_group.last"].Primary.ID, res["smartassist_agent_group.g.11"].Primary.ID; got != want {
			return fmt.Errorf("agent group data source found %q, want %q", got, want)
		}
		if got, want := res["data.smartassist_skill.last"].Primary.Attributes["id"], res["smartassist_skill.s.11"].Primary.ID; got != want {
			return fmt.Errorf("skill data source found %q, want %q", got, want)
		}
		return nil
	}
}
