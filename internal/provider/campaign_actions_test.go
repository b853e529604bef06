package provider

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// Campaigns the action, schedule and results tests seed: a voice one and an
// SMS one (campaign_data_source_test.go seeds others for the campaign tests).
const (
	runVoiceCampaign = "cd-5a6b7c8-1d2e-4f30-9a8b-7c6d5e4f3a21"
	runSMSCampaign   = "cd-6b7c8d9e-2e3f-4a41-8b9c-0d1e2f3a4b5c"
)

// campaignSeed is the default seed with the two campaigns, the voice one in
// voiceStatus.
func runCampaignSeed(voiceStatus string) *emulator.Seed {
	seed := emulator.DefaultSeed()
	seed.Campaigns = append(seed.Campaigns,
		map[string]any{"id": runVoiceCampaign, "campaignType": "voice", "name": "Spring renewals", "status": voiceStatus,
			"dialingMode": "Agentless", "priority": "3"},
		map[string]any{"id": runSMSCampaign, "campaignType": "sms", "name": "Spring reminders", "status": "Ready",
			"format": "simple", "priority": "2"},
	)
	return seed
}

// actionStep is a config whose terraform_data resource named name runs
// the action kind ("start" or "stop") on the campaign after it is created.
func actionTrigger(name, kind, campaignID, extra string) string {
	return fmt.Sprintf(`
action "smartassist_campaign_%[2]s" %[1]q {
  config {
    campaign_id = %[3]q
%[4]s
  }
}

resource "terraform_data" %[1]q {
  input = %[3]q
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.smartassist_campaign_%[2]s.%[1]s]
    }
  }
}
`, name, kind, campaignID, extra)
}

// campaignStatusIs checks the emulator's stored status of a campaign.
func (e *testEnv) campaignStatusIs(id, want string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		doc := e.emu.Campaign(id)
		if doc == nil {
			return fmt.Errorf("campaign %s is not stored", id)
		}
		if got := doc["status"]; got != want {
			return fmt.Errorf("campaign %s is %v, want %s", id, got, want)
		}
		return nil
	}
}

// The start waits through the reads that still show the old status, on the
// provider's clock, then the stop does the same; a stop of a campaign that
// is Stopped already sends nothing; an SMS campaign starts at its own path.
func TestAccCampaignActions(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	clock := newJumpClock() // the emulator's too, for the JWT's times
	cfg := emulator.Config{Seed: runCampaignSeed("Ready"), Now: clock.Now}
	cfg.CampaignTransitionReads = 2
	env := newTestEnv(t, cfg)
	start := actionTrigger("spring", "start", runVoiceCampaign, `    timeout = "2m"`)
	stop := actionTrigger("halt", "stop", runVoiceCampaign, "")
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: jumpProviderFactories(clock),
		Steps: []resource.TestStep{
			{
				PreConfig: env.resetCounts,
				Config:    env.config(start),
				Check: resource.ComposeTestCheckFunc(
					env.campaignStatusIs(runVoiceCampaign, "Active"),
					// One read of the campaign, one start, then three status
					// reads: two still Ready, the third Active.
					env.expectCounts(map[string]int{
						"GET /campaign/{id}":          1,
						"POST /campaign/trigger/{id}": 1,
						"POST /campaign/{id}/status":  3,
					}),
					waitedPolls(clock, 2),
				),
			},
			{
				PreConfig: env.resetCounts,
				Config:    env.config(start + stop),
				Check: resource.ComposeTestCheckFunc(
					env.campaignStatusIs(runVoiceCampaign, "Stopped"),
					env.expectCounts(map[string]int{
						"GET /campaign/{id}":          1,
						"POST /campaign/trigger/{id}": 1,
						"POST /campaign/{id}/status":  3,
					}),
				),
			},
			{
				// Stopped already: the campaign is read, nothing is sent. The
				// SMS campaign starts through campaign/{id}.
				PreConfig: env.resetCounts,
				Config: env.config(start + stop + actionTrigger("halt_again", "stop", runVoiceCampaign, "") +
					actionTrigger("texts", "start", runSMSCampaign, "")),
				Check: resource.ComposeTestCheckFunc(
					env.campaignStatusIs(runVoiceCampaign, "Stopped"),
					env.campaignStatusIs(runSMSCampaign, "Active"),
					env.expectCounts(map[string]int{
						"GET /campaign/{id}":         2,
						"POST /campaign/{id}":        1,
						"POST /campaign/{id}/status": 3,
					}),
				),
			},
		},
	})
}

// waitedPolls checks that the action waited n poll intervals on the
// provider's clock, and no other wait of a second or more (the client's
// rate limit spaces requests by a millisecond on the same clock).
func waitedPolls(clock *jumpClock, n int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got := clock.waits()
		polls, long := 0, 0
		for _, d := range got {
			if d == campaignPollInterval {
				polls++
			}
			if d >= time.Second {
				long++
			}
		}
		if polls != n || long != n {
			return fmt.Errorf("waits %v, want %d of %s", got, n, campaignPollInterval)
		}
		return nil
	}
}

// A Completed campaign cannot become Active: the action fails before it
// sends anything.
func TestAccCampaignStartOfACompletedCampaign(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	env := newTestEnv(t, emulator.Config{Seed: runCampaignSeed("Completed")})
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig:   env.resetCounts,
			Config:      env.config(actionTrigger("spring", "start", runVoiceCampaign, "")),
			ExpectError: wrapped(`Campaign ` + runVoiceCampaign + ` \("Spring renewals"\) is Completed, which cannot become Active: no start was sent`),
		}},
	})
	// Nothing but the read reached the API.
	if err := env.expectCounts(map[string]int{"GET /campaign/{id}": 1})(nil); err != nil {
		t.Error(err)
	}
}

// A timeout that is not a duration fails at plan time, before any call.
func TestAccCampaignActionBadTimeout(t *testing.T) {
	skipLive(t, liveNeedsCounts)
	env := newTestEnv(t)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config:      env.config(actionTrigger("spring", "start", runVoiceCampaign, `    timeout = "ten minutes"`)),
			ExpectError: wrapped(`"ten minutes" is not a duration`),
		}},
	})
	env.expectNoRequests(t)
}

// A start right after the create (an action_trigger on the campaign itself)
// leaves nothing to plan: the campaign's status is computed and read again
// on refresh, so Active is no drift.
func TestAccCampaignStartAfterCreateLeavesNoDrift(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	clock := newJumpClock()
	env := newTestEnv(t, campaignSeed(clock.Now))
	const addr = "smartassist_sms_campaign.reminder"
	campaign := strings.TrimSuffix(campaignBody("sms_campaign", "reminder", smsAttrs("Friday reminder", nil)), "}\n") + `
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.smartassist_campaign_start.reminder]
    }
  }
}

action "smartassist_campaign_start" "reminder" {
  config {
    campaign_id = smartassist_sms_campaign.reminder.id
  }
}
`
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: jumpProviderFactories(clock),
		Steps: []resource.TestStep{
			{
				Config: env.config(campaign),
				Check: func(s *terraform.State) error {
					return env.campaignStatusIs(campaignID(s, addr), "Active")(s)
				},
			},
			{
				// The harness's plan after the first apply was empty already;
				// this one shows the refreshed status with no change planned.
				Config: env.config(campaign),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("status"), knownvalue.StringExact("Active")),
				},
			},
		},
	})
}
