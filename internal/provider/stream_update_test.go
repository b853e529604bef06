package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// Each resource type alone, and the same with one attribute changed: the
// update's %s is the value that changes.
var streamUpdateCases = []struct{ kind, body, before, after string }{
	{"skill group", `
resource "smartassist_skill_group" "x" {
  name = "%s"
}
`, "Stream test group", "Stream test group 2"},
	{"skill", `
resource "smartassist_skill" "x" {
  skill_group_id = "` + seedLanguageGroup + `"
  name           = "%s"
}
`, "Stream test skill", "Stream test skill 2"},
	{"agent group", `
resource "smartassist_agent_group" "x" {
  name        = "Stream test agents"
  description = "%s"
}
`, "Before", "After"},
	{"queue", `
resource "smartassist_queue" "x" {
  name                  = "%s"
  hours_of_operation_id = "6346a1b2c3d4e5f601234568"
}
`, "Stream test queue", "Stream test queue 2"},
	{"agent", `
resource "smartassist_agent" "x" {
  email      = "stream.test@example.com"
  first_name = "%s"
  last_name  = "Test"
  role_id    = "` + seedRoleAgent + `"
}
`, "Stream", "Streamed"},
	{"contact", `
resource "smartassist_contact" "x" {
  first_name = "%s"
  last_name  = "Test"
  salutation = "mr"
  cell_phone = {
    country_code = "+1"
    phone_number = "5550001299"
    extension    = "+"
  }
}
`, "Stream", "Streamed"},
	{"contact list", `
resource "smartassist_contact_list" "x" {
  name        = "Stream test list"
  description = "%s"
}
`, "Before", "After"},
	{"SMS campaign", campaignBody("sms_campaign", "x", smsAttrs("Stream test texts", map[string]string{"description": `"%s"`})), "Before", "After"},
	{"voice campaign", campaignBody("voice_campaign", "x", voiceAttrs("Stream test calls", `"Sales"`, map[string]string{"description": `"%s"`})),
		"Before", "After"},
}

// Issue 25, item 6: an update checks the stream in the object's identity
// as a read and a delete do. With -refresh=false, no read runs before the
// update: after the provider's stream_id changed (a typo, another
// environment's variable), terraform apply with a changed attribute is an
// error naming stream_id, and no request goes to the other stream. The state
// keeps the object as it was: a plan with the right stream shows no change.
func TestAccUpdateChecksTheStream(t *testing.T) {
	skipLive(t, liveNeedsCounts)
	for _, tc := range streamUpdateCases {
		t.Run(strings.ReplaceAll(tc.kind, " ", "_"), func(t *testing.T) {
			// The campaigns name the campaign seed's contact lists; they are
			// Ready at once, so the create does not wait on the real clock.
			cfg := campaignSeed(nil)
			cfg.Readings.CampaignPreparingReads = -1
			env := newTestEnv(t, cfg)
			stream := env.emu.Config().StreamID
			good := env.config(fmt.Sprintf(tc.body, tc.before))
			other := strings.Replace(env.config(fmt.Sprintf(tc.body, tc.after)), fmt.Sprintf("%q", stream), fmt.Sprintf("%q", stream+"x"), 1)
			resource.Test(t, resource.TestCase{
				// Identities, which name the stream, came with Terraform 1.12.
				TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
				ProtoV6ProviderFactories: testProviderFactories,
				AdditionalCLIOptions:     &resource.AdditionalCLIOptions{Plan: resource.PlanOptions{NoRefresh: true}},
				Steps: []resource.TestStep{
					{Config: good},
					{
						PreConfig: env.resetCounts,
						Config:    other,
						ExpectError: regexp.MustCompile(`(?s)Unable to update ` + tc.kind + `.*` + wrapped(regexp.QuoteMeta(fmt.Sprintf(
							`but the provider is configured for the stream %q, so nothing was sent and nothing was removed from the state. `+
								`If the provider's stream_id`, stream+"x"))).String()),
					},
					{
						PreConfig: func() {
							if n := env.emu.TotalRequests(); n != 0 {
								t.Errorf("the update with the other stream made %d requests: %v", n, env.emu.Counts())
							}
						},
						Config:   good,
						PlanOnly: true,
					},
				},
			})
		})
	}
}
