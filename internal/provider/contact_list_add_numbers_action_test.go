package provider

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// contactListWithNumbers is the renewals list with the add-numbers action
// run after it is created.
func contactListWithNumbers(name string, numbers string) string {
	return fmt.Sprintf(`
resource "smartassist_contact_list" "renewals" {
  name        = %q
  description = "Due soon"

  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.smartassist_contact_list_add_numbers.x]
    }
  }
}

action "smartassist_contact_list_add_numbers" "x" {
  config {
    contact_list_id = smartassist_contact_list.renewals.id
    phone_numbers   = %s
  }
}
`, name, numbers)
}

// The action runs after the create: it finds the list's name in the list
// of lists (the add names the list by it), adds the numbers with their
// spaces left out, and reads the list's numbers once (the emulator adds at
// once). The next plan is empty: the numbers are not the resource's.
func TestAccContactListAddNumbersAction(t *testing.T) {
	env := newTestEnv(t)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: env.resetCounts,
			Config:    env.config(contactListWithNumbers(tfName("Renewals"), `["+1 415 555 0100", "+14155550101"]`)),
			Check: resource.ComposeAggregateTestCheckFunc(
				env.expectCounts(map[string]int{postContactList: 1, listContactLists: 1, addContactListNumber: 1, getContactListNumber: 1}),
				func(s *terraform.State) error {
					id, err := stateIDOf(s, renewalsAddr)
					if err != nil || env.emu == nil {
						return err
					}
					if got, want := env.emu.ContactListNumbers(id), []string{"+14155550100", "+14155550101"}; !reflect.DeepEqual(sorted(got...), want) {
						return fmt.Errorf("the list holds %v, want %v", got, want)
					}
					return nil
				},
			),
		}},
	})
}

// A number that is not one fails at plan time, with no request.
func TestAccContactListAddNumbersActionBadNumberSendsNothing(t *testing.T) {
	env := newTestEnv(t)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig:   env.resetCounts,
			Config:      env.config(contactListWithNumbers(tfName("Renewals"), `["+14155550100", "call me"]`)),
			PlanOnly:    true,
			ExpectError: wrapped(`must be a phone number of digits`),
		}},
	})
	env.expectNoRequests(t)
}
