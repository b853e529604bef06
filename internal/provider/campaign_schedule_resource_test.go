package provider

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// scheduleConfig is a schedule of the seeded voice campaign.
func scheduleConfig(body string) string {
	return fmt.Sprintf(`
resource "smartassist_campaign_schedule" "spring" {
  campaign_id = %q
%s
}
`, runVoiceCampaign, body)
}

// scheduleOn checks whether the emulator has the campaign's schedule on.
func (e *testEnv) scheduleOn(id string, want bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		doc := e.emu.Campaign(id)
		if doc == nil {
			return fmt.Errorf("campaign %s is not stored", id)
		}
		sched, _ := doc["schedule"].(map[string]any)
		if got, _ := sched["isSchedulingEnabled"].(bool); got != want {
			return fmt.Errorf("campaign %s: schedule.isSchedulingEnabled is %v, want %v (schedule %v)", id, sched["isSchedulingEnabled"], want, sched)
		}
		return nil
	}
}

// scheduleSent checks the schedule the emulator stored: its recurrence as
// JSON, and its start and end.
func (e *testEnv) scheduleSent(id, recurrence, start, end string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		sched, _ := e.emu.Campaign(id)["schedule"].(map[string]any)
		got, _ := json.Marshal(sched["recurrenceObject"])
		if string(got) != recurrence || sched["startDateTime"] != start || sched["endDateTime"] != end {
			return fmt.Errorf("stored schedule %v, want recurrence %s from %s to %s", sched, recurrence, start, end)
		}
		return nil
	}
}

const (
	dailySchedule = `  recurrence = "daily"
  every      = 2
  start      = "2035-03-01 09:00:00"
  end        = "2035-06-30 18:00:00"`
	weeklySchedule = `  recurrence = "weekly"
  days       = ["MO", "WE", "FR"]
  start      = "2035-03-01 09:00:00"
  end        = "2035-06-30 18:00:00"`
)

// Create turns the schedule on (one read of the campaign, the lists of
// both kinds for its name, the enable), a change sends it again, import
// takes the campaign id, a schedule turned off out of band is planned
// again, and destroy turns it off.
func TestAccCampaignScheduleLifecycle(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	env := newTestEnv(t, emulator.Config{Seed: runCampaignSeed("Ready")})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		CheckDestroy:             env.scheduleOn(runVoiceCampaign, false),
		Steps: []resource.TestStep{
			{
				PreConfig: env.resetCounts,
				Config:    env.config(scheduleConfig(dailySchedule)),
				Check: resource.ComposeTestCheckFunc(
					env.scheduleOn(runVoiceCampaign, true),
					env.scheduleSent(runVoiceCampaign, `{"dailyDetails":{"onceEveryNdays":2},"recurType":"Daily"}`,
						"2035-03-01 09:00:00", "2035-06-30 18:00:00"),
					env.expectCounts(map[string]int{
						"GET /campaign/{id}":                   1,
						"POST /campaign/getAllCampaignDetails": 2, // SMS and voice, for the name
						"POST /campaign/schedule":              1,
					}),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("smartassist_campaign_schedule.spring", tfjsonpath.New("id"), knownvalue.StringExact(runVoiceCampaign)),
					statecheck.ExpectKnownValue("smartassist_campaign_schedule.spring", tfjsonpath.New("campaign_name"), knownvalue.StringExact("Spring renewals")),
					statecheck.ExpectKnownValue("smartassist_campaign_schedule.spring", tfjsonpath.New("campaign_type"), knownvalue.StringExact("voice")),
					statecheck.ExpectKnownValue("smartassist_campaign_schedule.spring", tfjsonpath.New("every"), knownvalue.Int64Exact(2)),
				},
			},
			{
				Config: env.config(scheduleConfig(weeklySchedule)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("smartassist_campaign_schedule.spring", plancheck.ResourceActionUpdate),
				}},
				Check: env.scheduleSent(runVoiceCampaign, `{"recurType":"Weekly","weeklyDetails":{"onceEveryNweeks":1,"whichDays":["Mon","Wed","Fri"]}}`,
					"2035-03-01 09:00:00", "2035-06-30 18:00:00"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("smartassist_campaign_schedule.spring", tfjsonpath.New("every"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue("smartassist_campaign_schedule.spring", tfjsonpath.New("days"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("MO"), knownvalue.StringExact("WE"), knownvalue.StringExact("FR")})),
				},
			},
			{
				ResourceName:      "smartassist_campaign_schedule.spring",
				ImportState:       true,
				ImportStateId:     runVoiceCampaign,
				ImportStateVerify: true,
				// No read gives the schedule's details.
				ImportStateVerifyIgnore: []string{"recurrence", "every", "days", "start", "end"},
			},
			{
				// Turned off out of band: gone, so planned again.
				PreConfig: func() {
					env.emu.UpdateCampaign(runVoiceCampaign, func(doc map[string]any) {
						doc["schedule"] = map[string]any{"isSchedulingEnabled": false, "isRecurrenceEnabled": false}
					})
				},
				Config: env.config(scheduleConfig(weeklySchedule)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("smartassist_campaign_schedule.spring", plancheck.ResourceActionCreate),
				}},
				Check: env.scheduleOn(runVoiceCampaign, true),
			},
		},
	})
}

// What the pages call invalid fails at plan time, before any call.
func TestAccCampaignScheduleBadInput(t *testing.T) {
	skipLive(t, liveNeedsCounts)
	env := newTestEnv(t)
	for _, tc := range []struct{ body, want string }{
		{`  recurrence = "daily"
  start      = "2035-03-01T09:00:00Z"
  end        = "2035-06-30 18:00:00"`, `"2035-03-01T09:00:00Z" is not a date and time written YYYY-MM-DD HH:mm:ss`},
		{`  recurrence = "daily"
  start      = "2035-06-30 18:00:00"
  end        = "2035-03-01 09:00:00"`, `end \(2035-03-01 09:00:00\) must be after start \(2035-06-30 18:00:00\)`},
		{`  recurrence = "weekly"
  start      = "2035-03-01 09:00:00"
  end        = "2035-06-30 18:00:00"`, `A weekly schedule runs on the days it names`},
		{`  recurrence = "daily"
  days       = ["MO"]
  start      = "2035-03-01 09:00:00"
  end        = "2035-06-30 18:00:00"`, `days is for a weekly schedule`},
		{`  recurrence = "weekly"
  days       = ["Monday"]
  start      = "2035-03-01 09:00:00"
  end        = "2035-06-30 18:00:00"`, `value must be one of`},
		{`  recurrence = "daily"
  every      = 0
  start      = "2035-03-01 09:00:00"
  end        = "2035-06-30 18:00:00"`, `every value must be at least 1`},
	} {
		resource.UnitTest(t, resource.TestCase{
			ProtoV6ProviderFactories: testProviderFactories,
			Steps:                    []resource.TestStep{{Config: env.config(scheduleConfig(tc.body)), PlanOnly: true, ExpectError: wrapped(tc.want)}},
		})
	}
	env.expectNoRequests(t)
}

// A campaign deleted out of band takes its schedule with it: the refresh
// drops the schedule from the state once the list of its kind proves the
// campaign gone (a fresh provider process has no other answer to go by),
// and nothing is sent to turn it off.
func TestAccCampaignScheduleOfADeletedCampaign(t *testing.T) {
	skipLive(t, liveNeedsEdits)
	env := newTestEnv(t, emulator.Config{Seed: runCampaignSeed("Ready")})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{Config: env.config(scheduleConfig(dailySchedule))},
			{
				PreConfig: func() {
					env.emu.DeleteCampaign(runVoiceCampaign)
					env.resetCounts()
				},
				Config: env.config(""),
				Check:  env.expectCounts(map[string]int{"GET /campaign/{id}": 1, "POST /campaign/getAllCampaignDetails": 1}),
			},
		},
	})
}
