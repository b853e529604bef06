package provider

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// A bulk delete answered {} proves nothing: the contacts it did not delete
// stay in the state, each with an error that names it; once an answer of
// {} comes after the contacts were in fact deleted, the list shows them
// gone and the destroy succeeds.
func TestAccContactBulkDeleteAnswerProvesEachID(t *testing.T) {
	skipLive(t, liveNeedsFaults)
	env := newTestEnv(t)
	const lastName = "Unproven"
	bulkDelete := func(f emulator.Fault) func() {
		return func() {
			f.Method, f.Route, f.Count = http.MethodDelete, "/contacts/bulk-delete", 10
			env.emu.ClearFaults()
			env.emu.InjectFault(f)
		}
	}
	destroyBoth := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction("smartassist_contact.many[0]", plancheck.ResourceActionDestroy),
		plancheck.ExpectResourceAction("smartassist_contact.many[1]", plancheck.ResourceActionDestroy),
	}}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{Config: env.config(manyContacts(2, lastName))},
			{
				PreConfig:        bulkDelete(emulator.Fault{Body: "{}"}),
				Config:           env.config(""),
				ConfigPlanChecks: destroyBoth,
				ExpectError:      wrapped(`Unable to delete contact .*the bulk delete's answer does not report contact [0-9a-f]+ as deleted, and it still exists. It stays in the state`),
			},
			{
				// Both are still in the state: the plan destroys them again.
				PreConfig:        bulkDelete(emulator.Fault{Body: "{}", BodyAfterHandling: true}),
				Config:           env.config(""),
				ConfigPlanChecks: destroyBoth,
				Check: func(*terraform.State) error {
					if n := activeContacts(env, lastName); n != 0 {
						return fmt.Errorf("%d contacts still ACTIVE", n)
					}
					return nil
				},
			},
		},
	})
}

// A create answer that names the contacts in another order, one without
// its phone number, never pairs a resource with another's contact: each
// is paired by number, or found through the list.
func TestAccContactCreateAnswerPairsByPhone(t *testing.T) {
	skipLive(t, liveNeedsFaults)
	env := newTestEnv(t)
	clock := newWaveClock(t) // the two creates go together however loaded the machine
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: waveProviderFactories(clock),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.resetCounts()
					clock.expect(2)
					env.emu.InjectFault(emulator.Fault{Method: http.MethodPost, Route: "/contacts", ReverseRecords: true, OmitPhone: true})
				},
				Config: env.config(manyContacts(2, "Paired")),
				Check: func(s *terraform.State) error {
					if n := env.emu.Count("POST /contacts"); n != 1 {
						return fmt.Errorf("%d creates, want the two contacts in one (all calls: %v)", n, env.emu.Counts())
					}
					for i := range 2 {
						want := fmt.Sprintf("+9177788%05d", i)
						got := s.RootModule().Resources[fmt.Sprintf("smartassist_contact.many.%d", i)].Primary.ID
						found := false
						for _, c := range env.emu.Contacts() {
							if c["id"] == got {
								found = true
								if c["cellPhone"].(map[string]any)["phoneNumber"] != want {
									return fmt.Errorf("contact %d (%s) holds the id %s of the contact with the number %v", i, want, got, c["cellPhone"])
								}
							}
						}
						if !found {
							return fmt.Errorf("contact %d: the id %q is no contact's", i, got)
						}
					}
					return nil
				},
			},
		},
	})
}

// A bulk update answered {} proves nothing either: when nothing was
// updated it is an error for each contact; when the contacts were updated,
// the list shows it and the update succeeds.
func TestAccContactBulkUpdateAnswerCheckedAgainstTheList(t *testing.T) {
	skipLive(t, liveNeedsFaults)
	env := newTestEnv(t)
	bulkUpdate := func(f emulator.Fault) func() {
		return func() {
			f.Method, f.Route, f.Count = http.MethodPut, "/contacts/bulk-update", 10
			env.emu.ClearFaults()
			env.emu.InjectFault(f)
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{Config: env.config(manyContacts(2, "Before"))},
			{
				PreConfig:   bulkUpdate(emulator.Fault{Body: "{}"}),
				Config:      env.config(manyContacts(2, "After")),
				ExpectError: wrapped(`Unable to update contact .*the bulk update's answer reports contact [0-9a-f]+ neither updated nor failed, and the contacts list does not show it updated`),
			},
			{
				PreConfig: bulkUpdate(emulator.Fault{Body: "{}", BodyAfterHandling: true}),
				Config:    env.config(manyContacts(2, "After")),
				Check: func(*terraform.State) error {
					if n := activeContacts(env, "After"); n != 2 {
						return fmt.Errorf("%d contacts updated, want 2", n)
					}
					return nil
				},
			},
		},
	})
}
