package provider

import (
	"encoding/base64"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// seedSpringList is the id of the seeded contact list "CL Spring".
const seedSpringList = "cl-67a405c-ae3b-4a42-8cd2-5dcd6990a1b2"

// campaignSeed is the default seed with the contact lists the campaign
// tests name: "CL Spring", "CL Summer" and the do-not-call list "DNC",
// on the clock now (nil: the real one).
func campaignSeed(now func() time.Time) emulator.Config {
	seed := emulator.DefaultSeed()
	seed.ContactLists = append(seed.ContactLists,
		map[string]any{"id": seedSpringList, "name": "CL Spring"},
		map[string]any{"id": "cl-summer", "name": "CL Summer"},
		map[string]any{"id": "cl-dnc", "name": "DNC"})
	return emulator.Config{Seed: seed, Now: now}
}

// pollWaits are the clock's waits of a second or more: the campaign
// polls', without the client's pacing of its requests.
func pollWaits(c *jumpClock) []time.Duration {
	var out []time.Duration
	for _, w := range c.waits() {
		if w >= time.Second {
			out = append(out, w)
		}
	}
	return out
}

// campaignID reads the id of the campaign at addr from the state.
func campaignID(s *terraform.State, addr string) string {
	if rs, ok := s.RootModule().Resources[addr]; ok {
		return rs.Primary.ID
	}
	return ""
}

// TestAccSMSCampaign_lifecycle: a simple SMS campaign is created and the
// create waits, on the provider's clock, through Preparing; it imports by
// id and by name; an update changes it in place; a rename and a status
// change made elsewhere show as drift; and the destroy of an Active
// campaign stops it first.
func TestAccSMSCampaign_lifecycle(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	clock := newJumpClock()
	cfg := campaignSeed(clock.Now)
	// A stop takes effect on the second read after it.
	cfg.Readings.CampaignTransitionReads = 1
	env := newTestEnv(t, cfg)
	const addr = "smartassist_sms_campaign.reminder"
	body := func(name, priority, message string) string {
		return campaignBody("sms_campaign", "reminder", smsAttrs(name, map[string]string{
			"priority": fmt.Sprintf("%q", priority), "message": fmt.Sprintf("%q", message),
			"contact_lists": `["CL Spring", "CL Summer"]`,
		}))
	}
	var id string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: jumpProviderFactories(clock),
		CheckDestroy: func(s *terraform.State) error {
			if env.emu.Campaign(id) != nil {
				return fmt.Errorf("the campaign %s still exists", id)
			}
			// The destroy stopped the Active campaign (SMS: trigger=stop on
			// the campaign itself), waited while it was still Active (one
			// read), then deleted it once it read Stopped.
			if w := pollWaits(clock); !slices.Equal(w, []time.Duration{campaignPollFirst, 2 * campaignPollFirst, campaignPollFirst, 2 * campaignPollFirst}) {
				return fmt.Errorf("waits %v, want the create's [2s 4s], then the stop's [2s 4s]", w)
			}
			return env.expectCountsSubset(map[string]int{"POST /campaign/{id}": 1, "DELETE /campaign/{id}": 1})(s)
		},
		Steps: []resource.TestStep{
			{
				PreConfig: env.resetCounts,
				Config:    env.config(body("Reminder", "5", "See you on Friday")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("status"), knownvalue.StringExact("Ready")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("format"), knownvalue.StringExact("simple")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("calling_hours").AtMapKey("days"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{"day": knownvalue.StringExact("MO"),
							"start": knownvalue.StringExact("09:00"), "end": knownvalue.StringExact("18:00")}),
						knownvalue.ObjectExact(map[string]knownvalue.Check{"day": knownvalue.StringExact("TU"),
							"start": knownvalue.StringExact("09:00"), "end": knownvalue.StringExact("18:00")}),
					})),
				},
				Check: func(s *terraform.State) error {
					id = campaignID(s, addr)
					rec := env.emu.Campaign(id)
					if rec == nil {
						return fmt.Errorf("no campaign %q in the emulator", id)
					}
					msg, _ := rec["message"].(map[string]any)
					if want := base64.StdEncoding.EncodeToString([]byte("See you on Friday")); msg["message"] != want {
						return fmt.Errorf("stored message %v, want the Base64 text %s", msg["message"], want)
					}
					// The create answered Preparing, the first read too, the second Ready: two waits.
					if w := pollWaits(clock); !slices.Equal(w, []time.Duration{campaignPollFirst, 2 * campaignPollFirst}) {
						return fmt.Errorf("waits %v, want [2s 4s]", w)
					}
					return env.expectCountsSubset(map[string]int{"POST /campaign": 1})(s)
				},
			},
			{ResourceName: addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{ResourceName: addr, ImportState: true, ImportStateId: "Reminder", ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{
				PreConfig: env.resetCounts,
				Config:    env.config(body("Reminder 2", "2", "See you on Saturday")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
				Check: func(s *terraform.State) error {
					rec := env.emu.Campaign(id)
					if rec["name"] != "Reminder 2" || rec["priority"] != "2" {
						return fmt.Errorf("stored %v", rec)
					}
					return env.expectCountsSubset(map[string]int{"PUT /campaign/{id}": 1, "POST /campaign": 0})(s)
				},
			},
			{
				// Renamed and paused in the UI: the plan renames it back, and
				// the state shows the status the API reports.
				PreConfig: func() {
					env.emu.UpdateCampaign(id, func(doc map[string]any) { doc["name"], doc["status"] = "Renamed", "Paused" })
				},
				Config: env.config(body("Reminder 2", "2", "See you on Saturday")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					// An update may move the campaign: its status is the API's after it.
					plancheck.ExpectUnknownValue(addr, tfjsonpath.New("status")),
				}},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(addr, "name", "Reminder 2"),
					resource.TestCheckResourceAttr(addr, "status", "Paused"),
				),
			},
			{
				// Started elsewhere: the destroy that follows must stop it.
				PreConfig: func() {
					env.emu.UpdateCampaign(id, func(doc map[string]any) { doc["status"] = "Active" })
				},
				Config: env.config(body("Reminder 2", "2", "See you on Saturday")),
				Check:  resource.TestCheckResourceAttr(addr, "status", "Active"),
			},
		},
	})
}

// A schedule destroyed in the same apply as an update of its campaign
// turns scheduling_enabled off while the update is applied: the plan must
// not have promised the old value (Terraform would refuse the answer as
// inconsistent), and the state ends with what the API says.
func TestAccSMSCampaignUpdatedAsItsScheduleIsDestroyed(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	clock := newJumpClock()
	env := newTestEnv(t, campaignSeed(clock.Now))
	const addr = "smartassist_sms_campaign.reminder"
	campaign := func(description string) string {
		return campaignBody("sms_campaign", "reminder", smsAttrs("Reminder", map[string]string{"description": fmt.Sprintf("%q", description)}))
	}
	const schedule = `
resource "smartassist_campaign_schedule" "reminder" {
  campaign_id = smartassist_sms_campaign.reminder.id
  recurrence  = "daily"
  start       = "2035-03-01 09:00:00"
  end         = "2035-06-30 18:00:00"
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: jumpProviderFactories(clock),
		Steps: []resource.TestStep{
			{
				Config: env.config(campaign("Event reminder") + schedule),
				// The schedule was enabled after the campaign was created:
				// the refresh of the plan check reads it on.
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("smartassist_campaign_schedule.reminder", tfjsonpath.New("campaign_name"), knownvalue.StringExact("Reminder")),
				},
			},
			{
				Config: env.config(campaign("Event reminder, moved")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("smartassist_campaign_schedule.reminder", plancheck.ResourceActionDestroy),
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(addr, tfjsonpath.New("scheduling_enabled")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("scheduling_enabled"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("description"), knownvalue.StringExact("Event reminder, moved")),
				},
			},
		},
	})
}
