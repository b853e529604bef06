package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// 120 contacts (124 with the seeded ones), more than one page of the 100
// the provider asks for, read back under readings of the undocumented paging of get-all-contacts: a
// list that ignores skip but honours page is read whole (the plan is
// empty); one that ignores skip entirely, or every paging parameter, makes
// the plan fail with an error that names the list and says nothing was
// removed. The plan never proposes to add a contact that exists.
func TestAccContactsUnderListsThatIgnoreSkip(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	const lastName = "Paging"
	cases := []struct {
		name     string
		readings emulator.Readings
		wantErr  *regexp.Regexp // nil: the plan is empty
	}{
		{"skip ignored, page honoured", emulator.Readings{ListSkip: emulator.ListSkipPage}, nil},
		{"skip ignored", emulator.Readings{ListSkip: emulator.ListSkipIgnored},
			wrapped(`Unable to read contact.*GET /contacts: the list was read incompletely: 100 distinct entries in 3 pages, while its answers say it holds 124 .*Nothing was removed from the state`)},
		{"every paging parameter ignored", emulator.Readings{ListPagingIgnored: true},
			wrapped(`Unable to read contact.*GET /contacts: the list was read incompletely: 10 distinct entries in 3 pages, while its answers say it holds 124 .*Nothing was removed from the state`)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := newTestEnv(t)
			cfg := env.config(manyContacts(120, lastName))
			setReadings := func(r emulator.Readings) func() {
				return func() {
					if err := env.emu.SetReadings(r); err != nil {
						t.Fatal(err)
					}
				}
			}
			emptyPlan := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
			underReading := resource.TestStep{PreConfig: setReadings(tc.readings), Config: cfg, ConfigPlanChecks: emptyPlan}
			if tc.wantErr != nil {
				underReading = resource.TestStep{PreConfig: setReadings(tc.readings), Config: cfg, PlanOnly: true, ExpectError: tc.wantErr}
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviderFactories,
				Steps: []resource.TestStep{
					{Config: cfg},
					underReading,
					// Under the default reading again, the state still
					// holds every contact: nothing to add.
					{PreConfig: setReadings(emulator.Readings{}), Config: cfg, ConfigPlanChecks: emptyPlan},
				},
			})
			if n := activeContacts(env, lastName); n != 0 {
				t.Errorf("%d contacts left after destroy", n)
			}
		})
	}
}
