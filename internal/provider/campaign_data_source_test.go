package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

const (
	seedSMSCampaign   = "cd-5e1f0a2b-3c4d-5e6f-7a8b-9c0d1e2f3a4b"
	seedVoiceCampaign = "cd-6f2a1b3c-4d5e-6f7a-8b9c-0d1e2f3a4b5c"
)

// seededCampaigns is campaignSeed with an SMS campaign ("Spring promo",
// priority 4, Ready) and a Stopped Preview voice campaign ("Spring calls",
// on the Sales queue).
func seededCampaigns() emulator.Config {
	cfg := campaignSeed(nil)
	strategy := func(voice bool) map[string]any {
		s := map[string]any{
			"callerId": map[string]any{"phoneNumber": "+14155550100"},
			"callingHours": map[string]any{"frequency": "WEEKLY", "timezone": "Asia/Kolkata",
				"days": []any{map[string]any{"day": "MO", "start": "9:00 AM", "end": "6:00 PM"}}},
		}
		if voice {
			s["dialingOrder"], s["maxAttemptsPerRecord"], s["defaultRetryPeriod"], s["maxRingTime"] = "FIFO", 3, 10, 30
		}
		return s
	}
	cfg.Seed.Campaigns = append(cfg.Seed.Campaigns,
		map[string]any{"id": seedSMSCampaign, "campaignType": "sms", "name": "Spring promo", "description": "Promo",
			"priority": "4", "format": "simple", "contactListIds": []any{"cl-spring"}, "message": map[string]any{"message": "SGk="},
			"dialingStrategy": strategy(false)},
		map[string]any{"id": seedVoiceCampaign, "campaignType": "voice", "name": "Spring calls", "description": "Calls",
			"priority": "5", "dialingMode": "Preview", "maxSkips": 1, "status": "Stopped", "contactListIds": []any{"cl-spring"},
			"dncListId": "cl-dnc", "queueId": seedSalesQueue, "dialingStrategy": strategy(true)})
	return cfg
}

// TestAccCampaignDataSources reads one campaign by id and one by name, and
// lists them with the API's filters, which the provider sends rather than
// applies: each filtered list is one call of one kind.
func TestAccCampaignDataSources(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	env := newTestEnv(t, seededCampaigns())
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: env.resetCounts,
			Config: env.config(`
data "smartassist_campaign" "calls" {
  id = "` + seedVoiceCampaign + `"
}
data "smartassist_campaign" "promo" {
  name = "Spring promo"
  type = "sms"
}
data "smartassist_campaigns" "all" {}
data "smartassist_campaigns" "stopped_preview" {
  statuses      = ["Stopped"]
  dialing_modes = ["Preview"]
}
data "smartassist_campaigns" "priority_4" {
  type       = "sms"
  priorities = ["4"]
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.smartassist_campaign.calls", tfjsonpath.New("type"), knownvalue.StringExact("voice")),
				statecheck.ExpectKnownValue("data.smartassist_campaign.calls", tfjsonpath.New("status"), knownvalue.StringExact("Stopped")),
				statecheck.ExpectKnownValue("data.smartassist_campaign.calls", tfjsonpath.New("dnc_list"), knownvalue.StringExact("DNC")),
				statecheck.ExpectKnownValue("data.smartassist_campaign.calls", tfjsonpath.New("calling_hours").AtMapKey("days"),
					knownvalue.SetExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
						"day": knownvalue.StringExact("MO"), "start": knownvalue.StringExact("09:00"), "end": knownvalue.StringExact("18:00")})})),
				statecheck.ExpectKnownValue("data.smartassist_campaign.promo", tfjsonpath.New("id"), knownvalue.StringExact(seedSMSCampaign)),
				statecheck.ExpectKnownValue("data.smartassist_campaign.promo", tfjsonpath.New("format"), knownvalue.StringExact("simple")),
				statecheck.ExpectKnownValue("data.smartassist_campaigns.all", tfjsonpath.New("ids"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(seedSMSCampaign), knownvalue.StringExact(seedVoiceCampaign)})),
				statecheck.ExpectKnownValue("data.smartassist_campaigns.all", tfjsonpath.New("campaigns").AtSliceIndex(1).AtMapKey("queue_name"),
					knownvalue.StringExact("Sales")),
				statecheck.ExpectKnownValue("data.smartassist_campaigns.stopped_preview", tfjsonpath.New("ids"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(seedVoiceCampaign)})),
				statecheck.ExpectKnownValue("data.smartassist_campaigns.priority_4", tfjsonpath.New("ids"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(seedSMSCampaign)})),
			},
			// by id: 1 read; by name: the SMS list; all: both lists; the
			// filtered ones: one list each.
			Check: env.expectCounts(map[string]int{"GET /campaign/{id}": 1, "POST /campaign/getAllCampaignDetails": 5}),
		}},
	})
}

// TestQuery_Campaigns lists each kind for terraform query: identities,
// display names, and with include_resource each campaign's own read.
func TestQuery_Campaigns(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	env := newTestEnv(t, seededCampaigns())
	queryTest(t, env, env.queryStep(
		listBlock("smartassist_sms_campaign", "all", "")+
			listBlock("smartassist_voice_campaign", "spring", "  include_resource = true\n  config {\n    name_contains = \"spring\"\n  }"),
		displayNames{"smartassist_sms_campaign.all", []string{"Spring promo"}},
		querycheck.ExpectIdentity("smartassist_sms_campaign.all", streamIdentity(env, seedSMSCampaign)),
		querycheck.ExpectResourceKnownValues("smartassist_voice_campaign.spring", queryfilter.ByResourceIdentity(streamIdentity(env, seedVoiceCampaign)),
			[]querycheck.KnownValueCheck{
				{Path: tfjsonpath.New("dialing_mode"), KnownValue: knownvalue.StringExact("Preview")},
				{Path: tfjsonpath.New("queue_name"), KnownValue: knownvalue.StringExact("Sales")},
				{Path: tfjsonpath.New("max_skips"), KnownValue: knownvalue.Int64Exact(1)},
			}),
		apiCalls{env, map[string]int{"POST /campaign/getAllCampaignDetails": 2, "GET /campaign/{id}": 1}},
	))
}
