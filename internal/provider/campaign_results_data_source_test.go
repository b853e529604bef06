package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// dialRows are n dial results shaped like the page's sample rows.
func dialRows(n int) []map[string]any {
	rows := make([]map[string]any, n)
	for i := range rows {
		rows[i] = map[string]any{"phoneNumber": fmt.Sprintf("91987650%04d", i), "uniqueId": "", "dialerOutcome": "completed",
			"numberOfAttemptsSoFar": 1 + i%3, "botSessionId": fmt.Sprintf("685d3c819e81807087b6%04d", i),
			"agentDispositionCodes": []string{"System Generated"}, "botOutboundStatus": "userHangUp", "botOutboundStatusDetail": "user_hangup"}
	}
	return rows
}

func resultsConfig(limit string) string {
	return fmt.Sprintf(`
data "smartassist_campaign_results" "spring" {
  campaign_id = %q
%s
}
`, runVoiceCampaign, limit)
}

// The default limit reads one page of 100; a larger limit follows the pages
// to the end of the list; a small one asks for no more than it keeps.
func TestAccCampaignResultsDataSource(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	env := newTestEnv(t, emulator.Config{Seed: runCampaignSeed("Active")})
	if !env.emu.SetCampaignDialResults(runVoiceCampaign, dialRows(120)) {
		t.Fatal("the seeded campaign is missing")
	}
	results := tfjsonpath.New("results")
	const addr = "data.smartassist_campaign_results.spring"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: env.resetCounts,
				Config:    env.config(resultsConfig("")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("limit"), knownvalue.Int64Exact(100)),
					statecheck.ExpectKnownValue(addr, results, knownvalue.ListSizeExact(100)),
					statecheck.ExpectKnownValue(addr, results.AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"phone_number":               knownvalue.StringExact("919876500000"),
						"unique_id":                  knownvalue.Null(),
						"dialer_outcome":             knownvalue.StringExact("completed"),
						"attempts":                   knownvalue.Int64Exact(1),
						"bot_session_id":             knownvalue.StringExact("685d3c819e81807087b60000"),
						"agent_disposition_codes":    knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("System Generated")}),
						"bot_outbound_status":        knownvalue.StringExact("userHangUp"),
						"bot_outbound_status_detail": knownvalue.StringExact("user_hangup"),
					})),
				},
				// One page of 100.
				Check: env.expectCounts(map[string]int{"POST /campaign/{id}/status": 1}),
			},
			{
				PreConfig: env.resetCounts,
				Config:    env.config(resultsConfig("  limit = 150")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, results, knownvalue.ListSizeExact(120)),
					statecheck.ExpectKnownValue(addr, results.AtSliceIndex(119).AtMapKey("phone_number"), knownvalue.StringExact("919876500119")),
				},
				// Pages of 100: 100, then the last 20.
				Check: env.expectCounts(map[string]int{"POST /campaign/{id}/status": 2}),
			},
			{
				PreConfig: env.resetCounts,
				Config:    env.config(resultsConfig("  limit = 7")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, results, knownvalue.ListSizeExact(7)),
					statecheck.ExpectKnownValue(addr, results.AtSliceIndex(6).AtMapKey("attempts"), knownvalue.Int64Exact(1)),
				},
				// One page of 7.
				Check: env.expectCounts(map[string]int{"POST /campaign/{id}/status": 1}),
			},
		},
	})
}

// A limit out of range fails at plan time, before any call.
func TestAccCampaignResultsBadLimit(t *testing.T) {
	skipLive(t, liveNeedsCounts)
	env := newTestEnv(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config:      env.config(resultsConfig("  limit = 0")),
			ExpectError: wrapped(`limit value must be between 1 and 10000, got: 0`),
		}},
	})
	env.expectNoRequests(t)
}
