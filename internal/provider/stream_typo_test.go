package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// everyKind is one object of every resource type, tied together.
var everyKind = `
resource "smartassist_skill_group" "g" {
  name = "Typo test group"
}

resource "smartassist_skill" "s" {
  skill_group_id = smartassist_skill_group.g.id
  name           = "Typo test skill"
}

resource "smartassist_agent_group" "ag" {
  name        = "Typo test agents"
  description = "Agents of the typo test"
}

resource "smartassist_queue" "q" {
  name                  = "Typo test queue"
  hours_of_operation_id = "6346a1b2c3d4e5f601234568"
  agent_group_ids       = [smartassist_agent_group.ag.id]
}

resource "smartassist_agent" "a" {
  email          = "typo.test@example.com"
  first_name     = "Typo"
  last_name      = "Test"
  role_id        = "` + seedRoleAgent + `"
  agent_group_id = smartassist_agent_group.ag.id
  queue {
    id = smartassist_queue.q.id
  }
}

resource "smartassist_contact" "c" {
  first_name = "Typo"
  last_name  = "Test"
  salutation = "mr"
  cell_phone = {
    country_code = "+1"
    phone_number = "5550001234"
    extension    = "+"
  }
}
`

// A mistyped stream_id makes every read fail. Whatever the platform answers
// for an unknown stream (404, 400 or 401), the plan is an error that names
// the settings to check, and the state keeps every object: a plan with the
// right stream afterwards shows no change.
func TestAccMistypedStreamIsAnErrorNotAPlanToRecreate(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	for _, status := range []int{404, 400, 401} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			env := newTestEnv(t, emulator.Config{Readings: emulator.Readings{UnknownStreamStatus: status}})
			good := env.config(everyKind)
			stream := env.emu.Config().StreamID
			typo := strings.Replace(good, fmt.Sprintf("%q", stream), fmt.Sprintf("%q", stream+"x"), 1)
			want := regexp.MustCompile(`(?s)refused this request's credentials.*check\s+stream_id,\s+account_id\s+and\s+host`)
			if status == 404 || status == 400 {
				want = regexp.MustCompile(`(?s)does not answer for the stream\s+` + regexp.QuoteMeta(stream+"x") + `.*check\s+stream_id,\s+account_id\s+and\s+host`)
			}
			if cliAtLeast(t, cliUnderTest(t), 12) {
				// The objects' identities name their stream, so the
				// mismatch is found before any request, whatever the
				// platform would answer.
				want = wrapped(regexp.QuoteMeta(fmt.Sprintf(`(its identity), but the provider is configured for the stream %q, so nothing `+
					`was sent and nothing was removed from the state. If the provider's stream_id`, stream+"x")))
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviderFactories,
				Steps: []resource.TestStep{
					{Config: good},
					{Config: typo, PlanOnly: true, ExpectError: want},
					{
						Config:   good,
						PlanOnly: true,
						Check: func(s *terraform.State) error {
							if n := len(s.RootModule().Resources); n != 6 {
								return fmt.Errorf("%d objects in the state, want 6", n)
							}
							return nil
						},
					},
				},
			})
		})
	}
}
