package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const (
	seedOrgID  = "o-5b4e3c2a-9d8f-5e7a-b6c1-2f3e4d5a6b7c"
	hoursRoute = "GET /organizations/{orgId}/operationshours/{queueId}"
)

func hoursDay(day, start, end string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"day": knownvalue.StringExact(day), "start": knownvalue.StringExact(start), "end": knownvalue.StringExact(end),
	})
}

func TestHoursOfOperationDataSource(t *testing.T) {
	env := newTestEnv(t)
	const h = "data.smartassist_hours_of_operation.x"
	weekdays := []knownvalue.Check{
		hoursDay("MO", "9:00 AM", "6:00 PM"), hoursDay("TU", "9:00 AM", "6:00 PM"), hoursDay("WE", "9:00 AM", "6:00 PM"),
		hoursDay("TH", "9:00 AM", "6:00 PM"), hoursDay("FR", "9:00 AM", "5:00 PM"),
	}
	// Live: the hours of the run's Support queue (liveSeed), which are the
	// account's own: only their id and organization are known.
	onLive := func(steps []resource.TestStep) {
		org := fmt.Sprint(env.queueRecord(seedSupportQueue)["orgId"])
		steps[0].Config = env.config(fmt.Sprintf(`
data "smartassist_hours_of_operation" "x" {
  queue_id = %q
  org_id   = %q
}
`, seedSupportQueue, org))
		steps[0].ConfigStateChecks = []statecheck.StateCheck{
			statecheck.ExpectKnownValue(h, tfjsonpath.New("id"), knownvalue.StringExact(seed24x7Hours)),
			statecheck.ExpectKnownValue(h, tfjsonpath.New("name"), knownvalue.NotNull()),
			statecheck.ExpectKnownValue(h, tfjsonpath.New("org_id"), knownvalue.StringExact(org)),
		}
		steps[1].ConfigStateChecks = []statecheck.StateCheck{
			statecheck.ExpectKnownValue(h, tfjsonpath.New("id"), knownvalue.StringExact(seed24x7Hours)),
			statecheck.ExpectKnownValue(h, tfjsonpath.New("org_id"), knownvalue.StringExact(org)),
			statecheck.ExpectKnownValue("smartassist_queue.q", tfjsonpath.New("hours_of_operation_id"), knownvalue.StringExact(seed24x7Hours)),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: liveSteps(onLive, []resource.TestStep{
			// With org_id: one call, on the hours route.
			{
				PreConfig: env.resetCounts,
				Config: env.config(fmt.Sprintf(`
data "smartassist_hours_of_operation" "x" {
  queue_id = %q
  org_id   = %q
}
`, seedBillingQueue, seedOrgID)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(h, tfjsonpath.New("id"), knownvalue.StringExact(seedDefaultHours)),
					statecheck.ExpectKnownValue(h, tfjsonpath.New("name"), knownvalue.StringExact("Default Hours of Operation")),
					statecheck.ExpectKnownValue(h, tfjsonpath.New("timezone"), knownvalue.StringExact("Asia/Kolkata")),
					statecheck.ExpectKnownValue(h, tfjsonpath.New("status"), knownvalue.StringExact("active")),
					statecheck.ExpectKnownValue(h, tfjsonpath.New("is_default"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(h, tfjsonpath.New("standard_days_frequency"), knownvalue.StringExact("WEEKLY")),
					statecheck.ExpectKnownValue(h, tfjsonpath.New("standard_days"), knownvalue.ListExact(weekdays)),
					statecheck.ExpectKnownValue(h, tfjsonpath.New("special_days_frequency"), knownvalue.StringExact("YEARLY")),
					statecheck.ExpectKnownValue(h, tfjsonpath.New("special_days"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue(h, tfjsonpath.New("org_id"), knownvalue.StringExact(seedOrgID)),
				},
				Check: env.expectCounts(map[string]int{hoursRoute: 1}),
			},
			// Without org_id: the queue is read first for its orgId. The id
			// feeds a queue's hours_of_operation_id, whose plan it must
			// know: the queue is created with the Support queue's hours.
			{
				PreConfig: env.resetCounts,
				Config: env.config(fmt.Sprintf(`
data "smartassist_hours_of_operation" "x" {
  queue_id = %q
}

resource "smartassist_queue" "q" {
  name                  = %q
  hours_of_operation_id = data.smartassist_hours_of_operation.x.id
}
`, seedSupportQueue, tfName("Hours from a data source"))),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(h, tfjsonpath.New("id"), knownvalue.StringExact(seed24x7Hours)),
					statecheck.ExpectKnownValue(h, tfjsonpath.New("name"), knownvalue.StringExact("24x7")),
					statecheck.ExpectKnownValue(h, tfjsonpath.New("timezone"), knownvalue.StringExact("UTC")),
					statecheck.ExpectKnownValue(h, tfjsonpath.New("is_default"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(h, tfjsonpath.New("standard_days"), knownvalue.ListSizeExact(7)),
					statecheck.ExpectKnownValue(h, tfjsonpath.New("standard_days").AtSliceIndex(0),
						knownvalue.ObjectExact(map[string]knownvalue.Check{
							"day": knownvalue.StringExact("SU"), "start": knownvalue.StringExact("12:00 AM"), "end": knownvalue.StringExact("11:59 PM"),
						})),
					statecheck.ExpectKnownValue(h, tfjsonpath.New("org_id"), knownvalue.StringExact(seedOrgID)),
					statecheck.ExpectKnownValue("smartassist_queue.q", tfjsonpath.New("hours_of_operation_id"), knownvalue.StringExact(seed24x7Hours)),
				},
				// One queue read for the orgId, one hours read, the queue's create.
				Check: env.expectCounts(map[string]int{"GET /queues/{id}": 1, hoursRoute: 1, "POST /queues": 1}),
			},
			{
				Config:      env.config(`data "smartassist_hours_of_operation" "x" { queue_id = "qu-missing" }`),
				ExpectError: wrapped(`Unable to read hours of operation.*No queue has the id qu-missing`),
			},
			{
				Config: env.config(fmt.Sprintf(`data "smartassist_hours_of_operation" "x" {
  queue_id = %q
  org_id   = "o-elsewhere"
}`, seedSupportQueue)),
				ExpectError: wrapped(`Unable to read hours of operation.*No hours of operation were found for the queue ` +
					seedSupportQueue + ` in the organization o-elsewhere`),
			},
		}),
	})
}
