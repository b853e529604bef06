package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// salesQueue is a queue the voice campaign's configuration makes itself.
const salesQueue = `
resource "smartassist_queue" "sales" {
  name                  = "Outbound sales"
  hours_of_operation_id = "6346a1b2c3d4e5f601234568"
}
`

// TestAccVoiceCampaign_lifecycle: a Progressive campaign on a queue made
// in the same configuration (the graph creates the queue first, and the
// campaign names it); import by name keeps what the read never answers
// out of the comparison; a change of dialing mode replaces the campaign.
func TestAccVoiceCampaign_lifecycle(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	clock := newJumpClock()
	env := newTestEnv(t, campaignSeed(clock.Now))
	const addr = "smartassist_voice_campaign.renewals"
	progressive := campaignBody("voice_campaign", "renewals", voiceAttrs("Renewals", "smartassist_queue.sales.name", nil))
	preview := campaignBody("voice_campaign", "renewals", voiceAttrs("Renewals", "smartassist_queue.sales.name",
		map[string]string{"dialing_mode": `"Preview"`, "max_skips": "2"}))
	var first string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: jumpProviderFactories(clock),
		CheckDestroy: func(*terraform.State) error {
			if n := len(env.emu.Campaigns()); n != 0 {
				return fmt.Errorf("%d campaigns left after the destroy", n)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				PreConfig: env.resetCounts,
				Config:    env.config(salesQueue + progressive),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("status"), knownvalue.StringExact("Ready")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("queue_name"), knownvalue.StringExact("Outbound sales")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("dnc_list_id"), knownvalue.StringExact("cl-dnc")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("max_ring_time"), knownvalue.Int64Exact(30)),
				},
				Check: func(s *terraform.State) error {
					first = campaignID(s, addr)
					rec := env.emu.Campaign(first)
					queue := s.RootModule().Resources["smartassist_queue.sales"].Primary.ID
					if rec == nil || rec["queueId"] != queue || rec["dialingMode"] != "Progressive" {
						return fmt.Errorf("stored %v, want a Progressive campaign on the queue %s", rec, queue)
					}
					return env.expectCountsSubset(map[string]int{"POST /campaign": 1, "POST /queues": 1})(s)
				},
			},
			{
				// The read never answers the queue's name: the import finds
				// it in the campaign list.
				PreConfig:    env.resetCounts,
				ResourceName: addr, ImportState: true, ImportStateId: "Renewals", ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateCheck: func([]*terraform.InstanceState) error {
					return env.expectCounts(map[string]int{"POST /campaign/getAllCampaignDetails": 2, "GET /campaign/{id}": 1})(nil)
				},
			},
			{
				Config: env.config(salesQueue + preview),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectResourceAction("smartassist_queue.sales", plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("dialing_mode"), knownvalue.StringExact("Preview")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("max_skips"), knownvalue.Int64Exact(2)),
				},
				Check: func(s *terraform.State) error {
					if id := campaignID(s, addr); id == first || env.emu.Campaign(first) != nil {
						return fmt.Errorf("the campaign %s was not replaced (now %s)", first, id)
					}
					return nil
				},
			},
		},
	})
}
