package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// cappedWithoutTotals is issue 25's server: every list serves 5 a page,
// states the limit it was asked for (100) and gives hasMore alone, true
// while more follow.
var cappedWithoutTotals = emulator.Readings{ListLimit: emulator.ListLimitCapped, ListLimitCap: 5,
	ListLimitEcho: true, ListFigures: emulator.ListFiguresHasMore}

// Issue 25's scenario: 30 contacts apply under a list that serves 5 a
// page, echoes the asked limit and gives no totals. The refresh reads the
// whole list, 34 contacts with the seeded ones, in exactly 7 calls: 7 pages
// of 5 or fewer, the 7th (4 contacts) saying hasMore: false, so no empty
// page is asked for. The plan is empty (the walk used to stop at the first
// short page: Read dropped the contacts beyond it and the plan proposed to
// create them again), and destroy leaves none of them in the account.
func TestAccContactsUnderACappedListWithoutTotals(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	const lastName, n = "Capped", 30
	env := newTestEnv(t, emulator.Config{Readings: cappedWithoutTotals})
	cfg := env.config(manyContacts(n, lastName))
	refresh := budget{env, "refresh", func(c map[string]int, total int) error {
		if held := len(env.emu.Contacts()); held != n+4 {
			return fmt.Errorf("the emulator holds %d contacts, want %d (the test's and the 4 seeded)", held, n+4)
		}
		if c["GET /contacts"] != 7 || total != 7 {
			return fmt.Errorf("the refresh took %d calls, %d of them GET /contacts; want 7 pages of the list and nothing else", total, c["GET /contacts"])
		}
		return nil
	}}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, Check: func(*terraform.State) error {
				if got := activeContacts(env, lastName); got != n {
					return fmt.Errorf("%d contacts in the account after apply, want %d", got, n)
				}
				return nil
			}},
			{
				PreConfig: env.resetCounts,
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(), refresh,
				}},
			},
		},
		CheckDestroy: func(*terraform.State) error {
			if got := activeContacts(env, lastName); got != 0 {
				return fmt.Errorf("%d contacts left in the account after destroy", got)
			}
			return nil
		},
	})
}

// The list resources under issue 25's server, on accounts of 29 queues,
// 27 agents and 29 contacts (28 ACTIVE): a limit of 12 stops each list
// after its third page of 5; without a limit each reads its 6 pages, the
// 6th saying hasMore: false, and lists every object.
func TestQuery_UnderACappedListWithoutTotals(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	env := newTestEnv(t, emulator.Config{Seed: manyObjects(), Readings: cappedWithoutTotals})
	limited := listBlock("smartassist_queue", "some", "  limit = 12") + listBlock("smartassist_agent", "some", "  limit = 12") +
		listBlock("smartassist_contact", "some", "  limit = 12")
	queryTest(t, env,
		env.queryStep(limited,
			querycheck.ExpectLength("smartassist_queue.some", 12),
			querycheck.ExpectLength("smartassist_agent.some", 12),
			querycheck.ExpectLength("smartassist_contact.some", 12),
			apiCalls{env, map[string]int{"GET /queues": 3, "GET /agents": 3, "GET /contacts": 3}},
		),
		env.queryStep(listBlock("smartassist_queue", "every", "")+listBlock("smartassist_agent", "every", "")+
			listBlock("smartassist_contact", "every", ""),
			querycheck.ExpectLength("smartassist_queue.every", 29),
			querycheck.ExpectLength("smartassist_agent.every", 27),
			querycheck.ExpectLength("smartassist_contact.every", 28),
			apiCalls{env, map[string]int{"GET /queues": 6, "GET /agents": 6, "GET /contacts": 6}},
		),
	)
}
