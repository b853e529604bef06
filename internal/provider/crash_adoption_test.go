package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// TestCreateOfAnObjectLeftByACrashSaysHowToImportIt: a CI runner killed
// mid-apply leaves objects the state does not hold. The next apply's
// create is refused (here with 400, as the vendor answers a duplicate
// agent); the error names the object found by its natural key and gives
// the exact import block, and applying with that block adopts it with no
// change after.
func TestCreateOfAnObjectLeftByACrashSaysHowToImportIt(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	const contactNumber = "4155550199"
	for _, tc := range []struct {
		name, addr, body string
		refusal          string
		// existing finds the object's id in the emulator, and importID is
		// what the import block must say.
		existing func(env *testEnv) string
		importID func(id string) string
	}{
		{"agent", "smartassist_agent.crash", `resource "smartassist_agent" "crash" {
  email      = "crash9@example.com"
  first_name = "Crash"
  last_name  = "Nine"
  role_id    = "67654be356840f366e79aaaa"
}`, `POST /agents: HTTP 400 Bad Request: Agent with emailId crash9@example.com already exists`,
			func(env *testEnv) string {
				a, _ := env.emu.AgentByEmail("crash9@example.com")
				return fmt.Sprint(a["id"])
			},
			func(string) string { return "crash9@example.com" }},
		{"queue", "smartassist_queue.crash", `resource "smartassist_queue" "crash" {
  name                  = "Overnight"
  hours_of_operation_id = "6346a1b2c3d4e5f601234568"
}`, `POST /queues: HTTP 400 Bad Request: Queue with name Overnight already exists`,
			func(env *testEnv) string { return idNamed(env.emu.Queues(), "Overnight") },
			func(id string) string { return id }},
		{"contact", "smartassist_contact.crash", `resource "smartassist_contact" "crash" {
  first_name = "Crash"
  last_name  = "Contact"
  salutation = "mr"
  cell_phone = {
    country_code = "+1"
    phone_number = "` + contactNumber + `"
    extension    = "+"
  }
}`, `POST /contacts: HTTP 400 Bad Request: contacts\[0\]: phone number \S+ is already attached to contact \S+`,
			func(env *testEnv) string {
				for _, c := range env.emu.Contacts() {
					if fmt.Sprint(c["firstName"]) == "Crash" {
						return fmt.Sprint(c["id"])
					}
				}
				return ""
			},
			func(id string) string { return id }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := newTestEnv(t, emulator.Config{Readings: emulator.Readings{DuplicateStatus: 400}})
			forget := fmt.Sprintf("\nremoved {\n  from = %s\n  lifecycle {\n    destroy = false\n  }\n}\n", tc.addr)
			// The run that crashed: it made the object, and its state is lost.
			resource.Test(t, resource.TestCase{
				TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_7_0)},
				ProtoV6ProviderFactories: testProviderFactories,
				Steps: []resource.TestStep{
					{Config: env.config(tc.body)},
					{Config: env.config(forget)},
				},
			})
			id := tc.existing(env)
			if id == "" {
				t.Fatalf("the object of the first run is not in the emulator")
			}
			importID := tc.importID(id)
			importBlock := fmt.Sprintf("\nimport {\n  to = %s\n  id = %q\n}\n", tc.addr, importID)
			resource.Test(t, resource.TestCase{
				TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_7_0)},
				ProtoV6ProviderFactories: testProviderFactories,
				Steps: []resource.TestStep{
					{
						Config: env.config(tc.body),
						ExpectError: wrapped(`Unable to create.*` + tc.refusal + `.*exists already, with the id ` + regexp.QuoteMeta(id) +
							`.*import \{ to = <this resource's address, shown above> id = "` + regexp.QuoteMeta(importID) + `" \}`),
					},
					{
						Config: env.config(tc.body + importBlock),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(tc.addr, plancheck.ResourceActionNoop),
						}},
						Check: resource.TestCheckResourceAttr(tc.addr, "id", id),
					},
				},
			})
		})
	}
}

// idNamed is the id of the record named name.
func idNamed(records []map[string]any, name string) string {
	for _, r := range records {
		if r["name"] == name {
			return fmt.Sprint(r["id"])
		}
	}
	return ""
}
