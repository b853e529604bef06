package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

const renewalsAddr = "smartassist_contact_list.renewals"

// Counter keys of the contact-list routes (the emulator counts them by
// their template relative to the stream).
const (
	postContactList      = "POST /campaign/contactList/createContactList"
	listContactLists     = "POST /campaign/contactList/getAllListDetails"
	getContactList       = "GET /campaign/contactList/{id}"
	putContactList       = "PUT /campaign/contactList/{id}"
	deleteContactList    = "DELETE /campaign/contactList/{id}"
	addContactListNumber = "POST /campaign/contactList/addContacts"
	getContactListNumber = "GET /campaign/contactList/{id}/getAllContacts"
)

// contactListConfig is the renewals list; allow is "" to leave
// allow_duplicates out.
func contactListConfig(name, description, allow string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\nresource \"smartassist_contact_list\" \"renewals\" {\n  name        = %q\n  description = %q\n", name, description)
	if allow != "" {
		fmt.Fprintf(&b, "  allow_duplicates = %s\n", allow)
	}
	b.WriteString("}\n")
	return b.String()
}

// contactListRecord is the emulator's record of the list id (nil when there
// is none, or in a live run, where the state checks stand for it).
func (e *testEnv) contactListRecord(id string) map[string]any {
	if e.emu == nil {
		return nil
	}
	return e.emu.ContactList(id)
}

func TestAccContactListLifecycle(t *testing.T) {
	env := newTestEnv(t)
	var firstID, listID string
	renamed := contactListConfig(tfName("Renewals July"), "Due in July", "")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			for _, id := range []string{firstID, listID} {
				if rec := env.contactListRecord(id); rec != nil {
					return fmt.Errorf("contact list %s still exists after destroy: %v", id, rec)
				}
			}
			return nil
		},
		Steps: []resource.TestStep{
			// 1. Create: one POST, allow_duplicates learnt from the answer.
			{
				PreConfig: env.resetCounts,
				Config:    env.config(contactListConfig(tfName("Renewals"), "Due soon", "")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(renewalsAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regex(`^cl-`))),
					statecheck.ExpectKnownValue(renewalsAddr, tfjsonpath.New("name"), knownvalue.StringExact(tfName("Renewals"))),
					statecheck.ExpectKnownValue(renewalsAddr, tfjsonpath.New("description"), knownvalue.StringExact("Due soon")),
					statecheck.ExpectKnownValue(renewalsAddr, tfjsonpath.New("allow_duplicates"), knownvalue.Bool(false)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectCounts(map[string]int{postContactList: 1}),
					func(s *terraform.State) error {
						var err error
						if firstID, err = stateIDOf(s, renewalsAddr); err != nil || env.emu == nil {
							return err
						}
						return expectRecord(env.contactListRecord(firstID), map[string]any{
							"name": tfName("Renewals"), "description": "Due soon", "source": "passiveApi", "allowDuplicates": false,
						})
					},
				),
			},
			// 2. Import by id: one GET, the same state.
			{
				PreConfig:         env.resetCounts,
				ResourceName:      renewalsAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateCheck:  importCounts(env, map[string]int{getContactList: 1}),
			},
			// 3. Import by name: the list of lists, then the GET.
			{
				PreConfig:         env.resetCounts,
				ResourceName:      renewalsAddr,
				ImportState:       true,
				ImportStateId:     tfName("Renewals"),
				ImportStateVerify: true,
				ImportStateCheck:  importCounts(env, map[string]int{listContactLists: 1, getContactList: 1}),
			},
			// 4. Name and description change in place: the refresh's GET and
			// one PUT, nothing read after it.
			{
				PreConfig: env.resetCounts,
				Config:    env.config(renamed),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(renewalsAddr, plancheck.ResourceActionUpdate),
					expectChangedAttributes(renewalsAddr, "description", "name"),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectCounts(map[string]int{getContactList: 1, putContactList: 1}),
					func(*terraform.State) error {
						if env.emu == nil {
							return nil
						}
						return expectRecord(env.contactListRecord(firstID), map[string]any{"name": tfName("Renewals July"), "description": "Due in July"})
					},
				),
			},
			// 5. A rename in the UI shows up as exactly that change.
			{
				PreConfig: env.onEmulator(func() {
					env.emu.UpdateContactList(firstID, func(doc map[string]any) { doc["name"] = "Renamed in the UI" })
				}),
				SkipFunc:           env.emulatorOnly,
				Config:             env.config(renamed),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(renewalsAddr, plancheck.ResourceActionUpdate),
					expectChangedAttributes(renewalsAddr, "name"),
				}},
			},
			// 6. allow_duplicates cannot be updated: a new list replaces the
			// old one (the apply also puts the name back).
			{
				PreConfig: env.resetCounts,
				Config:    env.config(contactListConfig(tfName("Renewals July"), "Due in July", "true")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(renewalsAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(renewalsAddr, tfjsonpath.New("allow_duplicates"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(renewalsAddr, tfjsonpath.New("name"), knownvalue.StringExact(tfName("Renewals July"))),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectCounts(map[string]int{getContactList: 1, deleteContactList: 1, postContactList: 1}),
					func(s *terraform.State) error {
						var err error
						if listID, err = stateIDOf(s, renewalsAddr); err != nil {
							return err
						}
						if listID == firstID {
							return fmt.Errorf("the list kept its id %s; a replacement makes a new one", listID)
						}
						if env.emu != nil && env.contactListRecord(firstID) != nil {
							return fmt.Errorf("the replaced list %s still exists", firstID)
						}
						return nil
					},
				),
			},
			// 7. Deleted in the UI: the refresh proves it gone, and the plan
			// makes it again.
			{
				PreConfig:          env.onEmulator(func() { env.emu.DeleteContactList(listID) }),
				SkipFunc:           env.emulatorOnly,
				Config:             env.config(contactListConfig(tfName("Renewals July"), "Due in July", "true")),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(renewalsAddr, plancheck.ResourceActionCreate),
				}},
			},
			{
				Config: env.config(contactListConfig(tfName("Renewals July"), "Due in July", "true")),
				Check: func(s *terraform.State) error {
					var err error
					listID, err = stateIDOf(s, renewalsAddr)
					return err
				},
			},
		},
	})
}

// The pages' limits are checked at plan time: a 49-character name and a
// 257-character description send nothing.
func TestAccContactListBadInputSendsNothing(t *testing.T) {
	env := newTestEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig:   env.resetCounts,
			Config:      env.config(contactListConfig(strings.Repeat("n", 49), strings.Repeat("d", 257), "")),
			PlanOnly:    true,
			ExpectError: wrapped(`Attribute name string length must be between 1 and 48, got: 49(?s:.*)Attribute description string length must be between 1 and 256, got: 257`),
		}, {
			Config:      env.config(contactListConfig("   ", "Due soon", "")),
			PlanOnly:    true,
			ExpectError: wrapped(`Invalid name .* is blank`),
		}},
	})
	env.expectNoRequests(t)
}

// A mistyped stream_id or account_id makes the list's read fail, and its
// list too: the plan is an error naming the settings, never a plan to
// create the list again, and the state keeps it.
func TestAccContactListWrongStreamOrAccountIsAnError(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	for _, tc := range []struct {
		name   string
		status int
		what   func(emulator.Config) string
	}{
		{"stream 404", 404, func(c emulator.Config) string { return c.StreamID }},
		{"stream 400", 400, func(c emulator.Config) string { return c.StreamID }},
		{"account 404", 404, func(c emulator.Config) string { return c.AccountID }},
	} {
		t.Run(strings.ReplaceAll(tc.name, " ", "_"), func(t *testing.T) {
			env := newTestEnv(t, emulator.Config{Readings: emulator.Readings{UnknownStreamStatus: tc.status, UnknownAccountStatus: tc.status}})
			good := env.config(contactListConfig("Typo test", "Kept", ""))
			value := tc.what(env.emu.Config())
			typo := strings.Replace(good, fmt.Sprintf("%q", value), fmt.Sprintf("%q", value+"x"), 1)
			want := wrapped(`Unable to read contact list.*(does not answer for the stream|its identity).*stream_id`)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviderFactories,
				Steps: []resource.TestStep{
					{Config: good},
					{Config: typo, PlanOnly: true, ExpectError: want},
					{Config: good, PlanOnly: true},
				},
			})
		})
	}
}
