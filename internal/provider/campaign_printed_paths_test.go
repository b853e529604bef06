package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// Under the reading where the voice start/stop and the advanced SMS create
// answer only at the prefix their pages print (/api/v2/public/…: Start
// and Stop Voice Campaign (v2), Create SMS Campaign (Advanced Format
// (v2)), https://docs.kore.ai/ai-for-service/apis/contact-center/api-list),
// a Progressive voice campaign is created (at the base path), started and
// stopped, and an advanced SMS campaign is created. Each route costs one
// 404 at the base path per provider run ("POST <unmatched>"), then one
// call at the printed prefix.
func TestAccCampaignPrintedPathsOnly(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	clock := newJumpClock()
	cfg := campaignSeed(clock.Now)
	cfg.CampaignPrintedPathsOnly = true
	env := newTestEnv(t, cfg)
	const voiceAddr, smsAddr = "smartassist_voice_campaign.renewals", "smartassist_sms_campaign.flow"
	voice := strings.TrimSuffix(campaignBody("voice_campaign", "renewals", voiceAttrs("Renewals", `"Sales"`, nil)), "}\n") + `
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.smartassist_campaign_start.renewals]
    }
  }
}

action "smartassist_campaign_start" "renewals" {
  config {
    campaign_id = smartassist_voice_campaign.renewals.id
  }
}
`
	sms := campaignBody("sms_campaign", "flow", smsAttrs("Flow texts",
		map[string]string{"format": `"advanced"`, "experience_flow_name": `"Reminder flow"`, "message": ""}))
	stop := `
action "smartassist_campaign_stop" "halt" {
  config {
    campaign_id = smartassist_voice_campaign.renewals.id
  }
}

resource "terraform_data" "halt" {
  input = smartassist_voice_campaign.renewals.id
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.smartassist_campaign_stop.halt]
    }
  }
}
`
	voiceStatus := func(want string) resource.TestCheckFunc {
		return func(s *terraform.State) error { return env.campaignStatusIs(campaignID(s, voiceAddr), want)(s) }
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: jumpProviderFactories(clock),
		Steps: []resource.TestStep{
			{
				PreConfig: env.resetCounts,
				Config:    env.config(voice + sms),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(smsAddr, tfjsonpath.New("format"), knownvalue.StringExact("advanced")),
				},
				Check: resource.ComposeTestCheckFunc(
					voiceStatus("Active"),
					// The voice create at the base path; the SMS create
					// and the start each once there (404) and once at the
					// printed prefix.
					env.expectCountsSubset(map[string]int{
						"POST /campaign":              2,
						"POST /campaign/trigger/{id}": 1,
						"POST <unmatched>":            2,
					}),
				),
			},
			{
				// A new provider run: the stop learns the prefix anew.
				PreConfig: env.resetCounts,
				Config:    env.config(voice + sms + stop),
				Check: resource.ComposeTestCheckFunc(
					voiceStatus("Stopped"),
					env.expectCountsSubset(map[string]int{
						"POST /campaign":              0,
						"POST /campaign/trigger/{id}": 1,
						"POST <unmatched>":            1,
					}),
				),
			},
		},
	})
}
