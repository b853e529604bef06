package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// manyContacts is n contacts with distinct numbers 77788000NN.
func manyContacts(n int, lastName string) string {
	return fmt.Sprintf(`
resource "smartassist_contact" "many" {
  count      = %d
  first_name = "Person${count.index}"
  last_name  = %q
  salutation = count.index %% 2 == 0 ? "mr" : "mrs"
  cell_phone = {
    country_code = "+91"
    phone_number = format("77788%%05d", count.index)
    extension    = "+"
  }
}
`, n, lastName)
}

// runContacts is manyContacts as a live run makes them: first names with
// the run's prefix, numbers from its range (tfLocalPhone(50) on).
func runContacts(n int, lastName string) string {
	return fmt.Sprintf(`
resource "smartassist_contact" "many" {
  count      = %d
  first_name = "%sPerson${count.index}"
  last_name  = %q
  salutation = count.index %% 2 == 0 ? "mr" : "mrs"
  cell_phone = {
    country_code = "+1"
    phone_number = format("%s%%02d", 50 + count.index)
    extension    = "+"
  }
}
`, n, runPrefix(), lastName, strings.TrimSuffix(tfLocalPhone(0), "00"))
}

// activeContacts counts the ACTIVE contacts with a last name.
func activeContacts(env *testEnv, lastName string) int {
	n := 0
	for _, c := range env.contactRecords() {
		if c["lastName"] == lastName && c["status"] == "ACTIVE" {
			n++
		}
	}
	return n
}

// TestContactResourceBatching: 25 contacts are created, updated and
// destroyed in three bulk calls each (Terraform sends ten at a time, and
// the batchers run on a waveClock, so a loaded machine cannot split a
// batch), and the plan after apply is empty although the API prefixes every
// stored number with its country code.
func TestContactResourceBatching(t *testing.T) {
	env := newTestEnv(t)
	clock := newWaveClock(t)
	// Live: the run's names and numbers; the call counts stay the emulator's.
	many, batch, batched, person7, phone7, stored7 := manyContacts, "Batch", "Batched", "Person7", "7778800007", "+917778800007"
	if live {
		many, batch, batched, person7, phone7, stored7 = runContacts, tfName("Batch"), tfName("Batched"), runPrefix()+"Person7", tfLocalPhone(57), tfPhone(57)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: waveProviderFactories(clock),
		CheckDestroy: func(*terraform.State) error {
			if n := activeContacts(env, batched); n != 0 {
				return fmt.Errorf("%d contacts are still ACTIVE after destroy", n)
			}
			if env.emu == nil {
				return nil
			}
			if n := env.emu.Count("DELETE /contacts/bulk-delete"); n != waves(25) {
				return fmt.Errorf("destroying 25 contacts took %d bulk deletes, want %d (all calls: %v)", n, waves(25), env.emu.Counts())
			}
			if n := env.emu.Count("DELETE /contacts/{id}"); n != 0 {
				return fmt.Errorf("%d single deletes; deletes must be batched", n)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				PreConfig: func() { env.resetCounts(); clock.expect(25) },
				Config:    env.config(many(25, batch)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("smartassist_contact.many[7]", tfjsonpath.New("cell_phone").AtMapKey("phone_number"), knownvalue.StringExact(phone7)),
					statecheck.ExpectKnownValue("smartassist_contact.many[7]", tfjsonpath.New("status"), knownvalue.StringExact("ACTIVE")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectCountsSubset(map[string]int{"POST /contacts": waves(25)}),
					func(*terraform.State) error {
						if n := activeContacts(env, batch); n != 25 {
							return fmt.Errorf("%d contacts in the emulator, want 25", n)
						}
						for _, c := range env.contactRecords() {
							if c["lastName"] == batch && c["firstName"] == person7 {
								if p := c["cellPhone"].(map[string]any)["phoneNumber"]; p != stored7 {
									return fmt.Errorf("the emulator stored %v; the test relies on the country-code prefix", p)
								}
							}
						}
						return nil
					},
				),
			},
			{
				PreConfig: func() { env.resetCounts(); clock.expect(25) },
				Config:    env.config(many(25, batched)),
				Check: resource.ComposeAggregateTestCheckFunc(
					// One list refreshes all 25 for the plan.
					env.expectCountsSubset(map[string]int{"PUT /contacts/bulk-update": waves(25), "GET /contacts": 1, "PUT /contacts/{id}": 0}),
					func(*terraform.State) error {
						if n := activeContacts(env, batched); n != 25 {
							return fmt.Errorf("%d contacts renamed, want 25", n)
						}
						env.resetCounts() // for CheckDestroy
						clock.expect(25)
						return nil
					},
				),
			},
		},
	})
}

// contactConfig is the contact jdoe with a +1 number.
func contactConfig(name, phone string) string {
	return fmt.Sprintf(`
resource "smartassist_contact" "jdoe" {
  first_name = %q
  last_name  = "Doe"
  salutation = "mr"
  cell_phone = {
    country_code = "+1"
    phone_number = %q
    extension    = "+"
  }
}
`, name, phone)
}

func TestContactResourceLifecycle(t *testing.T) {
	env := newTestEnv(t)
	var id string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: env.config(contactConfig(tfName("John"), tfLocalPhone(10))),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("smartassist_contact.jdoe", tfjsonpath.New("full_name"), knownvalue.StringExact(tfName("John")+" Doe")),
				},
				Check: func(s *terraform.State) error {
					id = s.RootModule().Resources["smartassist_contact.jdoe"].Primary.ID
					return nil
				},
			},
			{
				ResourceName:      "smartassist_contact.jdoe",
				ImportState:       true,
				ImportStateVerify: true,
			},
			// Soft-deleted in the UI: INACTIVE reads as gone, and the plan
			// creates it again.
			{
				PreConfig:          func() { env.deleteOutOfBand("contact", id) },
				Config:             env.config(contactConfig(tfName("John"), tfLocalPhone(10))),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("smartassist_contact.jdoe", plancheck.ResourceActionCreate),
				}},
			},
			{
				Config: env.config(contactConfig(tfName("Johnny"), tfLocalPhone(10))) + `
data "smartassist_contacts" "does" {
  name       = "` + strings.ToLower(tfName("johnny")) + `"
  depends_on = [smartassist_contact.jdoe]
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.smartassist_contacts.does", tfjsonpath.New("contacts"), knownvalue.ListSizeExact(1)),
					statecheck.ExpectKnownValue("data.smartassist_contacts.does", tfjsonpath.New("contacts").AtSliceIndex(0).AtMapKey("cell_phone").AtMapKey("phone_number"),
						knownvalue.StringExact(tfLocalPhone(10))),
				},
			},
		},
	})
}

// TestContactResourcePartialFailure: one bad contact fails alone, with the
// API's reason; the others are applied and in state.
func TestContactResourcePartialFailure(t *testing.T) {
	env := newTestEnv(t)
	// The numbers: two good ones, a third, and one a contact outside the
	// configuration has (the emulator seed's Priya). Live, they are the
	// run's own, and that contact is one the test makes through the client.
	first, last, one, two, three3, taken := "", "Failure", "3000000001", "3000000002", "3000000003", "4155550142"
	if live {
		first, last = runPrefix(), tfName("Failure")
		one, two, three3, taken = tfLocalPhone(61), tfLocalPhone(62), tfLocalPhone(63), tfLocalPhone(64)
		c := env.liveClient()
		made, err := c.Contacts.Create(t.Context(), []client.ContactRequest{{FirstName: tfName("Priya"), LastName: "Taken", Salutation: "mrs",
			CellPhone: client.CellPhoneRequest{PhoneNumber: taken, CountryCode: "+1", Extension: "+"}}})
		if err != nil || len(made) != 1 {
			t.Fatalf("making the contact whose number is taken: %v", err)
		}
		t.Cleanup(func() {
			// Not t.Context(): it is cancelled before cleanups run, and
			// this contact must go whatever the test's outcome.
			if err := c.Contacts.Delete(context.Background(), made[0].ID()); err != nil {
				t.Errorf("deleting the contact %s: %v", made[0].ID(), err)
			}
		})
	}
	three := func(third string) string {
		var b strings.Builder
		for i, phone := range []string{one, two, third} {
			fmt.Fprintf(&b, `
resource "smartassist_contact" "c%d" {
  first_name = "%sPart%d"
  last_name  = %q
  salutation = "mrs"
  cell_phone = {
    country_code = "+1"
    phone_number = %q
    extension    = "+"
  }
}
`, i, first, i, last, phone)
		}
		return b.String()
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			// Create: the third number belongs to a seeded contact. The API
			// refuses the whole array; the provider then sends each alone.
			{
				Config: env.config(three(taken)),
				ExpectError: wrapped(`Unable to create contact.*smartassist_contact.c2.*The API refused to create the contact with the phone ` +
					`number \+1` + taken + `: .*already attached.*A contact with the phone number \+1` + taken + ` exists already`),
			},
			// The two good ones are in state: fixing the third creates only it.
			{
				PreConfig: func() {
					if n := activeContacts(env, last); n != 2 {
						t.Fatalf("%d contacts exist after the partial failure, want 2", n)
					}
				},
				Config: env.config(three(three3)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("smartassist_contact.c0", plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction("smartassist_contact.c1", plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction("smartassist_contact.c2", plancheck.ResourceActionCreate),
				}},
			},
			// Update: c1 takes c2's number, c0 changes its name. The bulk
			// update fails c1 alone, with the API's reason.
			{
				Config:      env.config(strings.NewReplacer(`"`+first+`Part0"`, `"`+first+`Renamed0"`, `"`+two+`"`, `"`+three3+`"`).Replace(three(three3))),
				ExpectError: wrapped(`Unable to update contact.*the API refused the update of contact [0-9a-f]+: Phone number \+1` + three3 + ` is already attached to another contact`),
			},
			{
				PreConfig: func() {
					renamed := 0
					for _, c := range env.contactRecords() {
						if c["firstName"] == first+"Renamed0" {
							renamed++
						}
					}
					if renamed != 1 {
						t.Fatalf("the good update was not applied (%d renamed)", renamed)
					}
				},
				Config: env.config(strings.NewReplacer(`"`+first+`Part0"`, `"`+first+`Renamed0"`).Replace(three(three3))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("smartassist_contact.c0", plancheck.ResourceActionNoop),
				}},
			},
		},
	})
}
