package provider

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// Seed skill groups of the emulator's default seed.
var (
	seedDefaultSkillGroup   = "633ffac608f3a07459939a10"
	seedLanguagesSkillGroup = "633ffac608f3a07459939a20"
	// seedLanguagesSkillGroupName is its name (tfacc-<run>-Languages live).
	seedLanguagesSkillGroupName = "Languages"
)

const productsAddr = "smartassist_skill_group.products"

// Counter keys of the skill-group routes.
const (
	postSkillGroup   = "POST /skill-groups"
	listSkillGroups  = "GET /skill-groups"
	getSkillGroup    = "GET /skill-groups/{id}"
	putSkillGroup    = "PUT /skill-groups/{id}"
	deleteSkillGroup = "DELETE /skill-groups/{id}"
)

// skillGroupConfig is the products skill group; an empty description or
// color leaves the attribute out.
func skillGroupConfig(name, description, color string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\nresource \"smartassist_skill_group\" \"products\" {\n  name = %q\n", name)
	if description != "" {
		fmt.Fprintf(&b, "  description = %q\n", description)
	}
	if color != "" {
		fmt.Fprintf(&b, "  color = %q\n", color)
	}
	b.WriteString("}\n")
	return b.String()
}

// skillGroupNamed finds an emulator skill group by name.
func skillGroupNamed(env *testEnv, name string) map[string]any {
	if env.emu == nil {
		c := env.liveClient()
		return liveRead(env, func() (*client.SkillGroup, error) { return c.SkillGroups.FindByName(env.t.Context(), name) },
			func(g *client.SkillGroup) map[string]json.RawMessage { return g.Raw })
	}
	for _, g := range env.emu.SkillGroups() {
		if g["name"] == name {
			return g
		}
	}
	return nil
}

func stateIDOf(s *terraform.State, addr string) (string, error) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok {
		return "", fmt.Errorf("%s is not in state", addr)
	}
	return rs.Primary.ID, nil
}

func TestSkillGroupResourceLifecycle(t *testing.T) {
	env := newTestEnv(t)
	var groupID string
	final := env.config(skillGroupConfig(tfName("Product lines"), "What we sell", "#00aa11"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if g := env.skillGroupRecord(groupID); g != nil {
				return fmt.Errorf("skill group %s still exists after destroy: %v", groupID, g)
			}
			return nil
		},
		Steps: []resource.TestStep{
			// 1. Create: one POST. The colour keeps its configured spelling.
			{
				PreConfig: env.resetCounts,
				Config:    env.config(skillGroupConfig(tfName("Products"), "Product knowledge", "#0F0F0F")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(productsAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regex(`^[0-9a-f]{24}$`))),
					statecheck.ExpectKnownValue(productsAddr, tfjsonpath.New("name"), knownvalue.StringExact(tfName("Products"))),
					statecheck.ExpectKnownValue(productsAddr, tfjsonpath.New("description"), knownvalue.StringExact("Product knowledge")),
					statecheck.ExpectKnownValue(productsAddr, tfjsonpath.New("color"), knownvalue.StringExact("#0F0F0F")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectCounts(map[string]int{postSkillGroup: 1}),
					func(s *terraform.State) error {
						var err error
						if groupID, err = stateIDOf(s, productsAddr); err != nil {
							return err
						}
						return expectRecord(env.skillGroupRecord(groupID), map[string]any{
							"name": tfName("Products"), "description": "Product knowledge", "color": "#0F0F0F",
						})
					},
				),
			},
			// 2. Import by id: one GET, and the same state.
			{
				PreConfig:         env.resetCounts,
				ResourceName:      productsAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateCheck:  importCounts(env, map[string]int{getSkillGroup: 1}),
			},
			// 3. Update in place: the refresh reads the group, the update is
			// one PUT with no read before it.
			{
				PreConfig: env.resetCounts,
				Config:    env.config(skillGroupConfig(tfName("Product lines"), "What we sell", "#00aa11")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(productsAddr, plancheck.ResourceActionUpdate),
					expectChangedAttributes(productsAddr, "color", "description", "name"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(productsAddr, tfjsonpath.New("name"), knownvalue.StringExact(tfName("Product lines"))),
					statecheck.ExpectKnownValue(productsAddr, tfjsonpath.New("color"), knownvalue.StringExact("#00aa11")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectCounts(map[string]int{getSkillGroup: 1, putSkillGroup: 1}),
					func(*terraform.State) error {
						return expectRecord(env.skillGroupRecord(groupID), map[string]any{
							"id": groupID, "name": tfName("Product lines"), "description": "What we sell", "color": "#00aa11",
						})
					},
				),
			},
			// 4. Removing the description clears it in the API (the PUT is
			// the whole group); removing the colour keeps it.
			{
				PreConfig: env.resetCounts,
				Config:    env.config(skillGroupConfig(tfName("Product lines"), "", "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					expectChangedAttributes(productsAddr, "description"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(productsAddr, tfjsonpath.New("description"), knownvalue.Null()),
					statecheck.ExpectKnownValue(productsAddr, tfjsonpath.New("color"), knownvalue.StringExact("#00aa11")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectCounts(map[string]int{getSkillGroup: 1, putSkillGroup: 1}),
					func(*terraform.State) error {
						return expectRecord(env.skillGroupRecord(groupID), map[string]any{"description": "", "color": "#00aa11"})
					},
				),
			},
			// 5. A colour changed out of band only in case is no change.
			{
				PreConfig: env.onEmulator(func() {
					env.emu.UpdateSkillGroup(groupID, func(doc map[string]any) { doc["color"] = "#00AA11" })
				}),
				SkipFunc: env.emulatorOnly,
				Config:   env.config(skillGroupConfig(tfName("Product lines"), "", "#00aa11")),
				PlanOnly: true,
			},
			{
				Config: final,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(productsAddr, tfjsonpath.New("color"), knownvalue.StringExact("#00aa11")),
					statecheck.ExpectKnownValue(productsAddr, tfjsonpath.New("description"), knownvalue.StringExact("What we sell")),
				},
			},
			// 6. Drift: another colour and a name changed in the UI show up as
			// exactly those changes; the apply puts them back.
			{
				PreConfig: env.onEmulator(func() {
					env.emu.UpdateSkillGroup(groupID, func(doc map[string]any) {
						doc["color"] = "#123456"
						doc["name"] = "Renamed in the UI"
					})
				}),
				SkipFunc:           env.emulatorOnly,
				Config:             final,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(productsAddr, plancheck.ResourceActionUpdate),
					expectChangedAttributes(productsAddr, "color", "name"),
				}},
			},
			{
				Config: final,
				Check: func(*terraform.State) error {
					return expectRecord(env.skillGroupRecord(groupID), map[string]any{"name": tfName("Product lines"), "color": "#00aa11"})
				},
			},
			// 7. Deleted out of band: the plan creates it again.
			{
				PreConfig:          func() { env.deleteOutOfBand("skill group", groupID) },
				Config:             final,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(productsAddr, plancheck.ResourceActionCreate),
				}},
			},
			// 8. Create it again, then destroy: one DELETE.
			{
				Config: final,
				Check: func(s *terraform.State) error {
					var err error
					groupID, err = stateIDOf(s, productsAddr)
					return err
				},
			},
			{
				PreConfig: env.resetCounts,
				Config:    env.config(""),
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectCounts(map[string]int{getSkillGroup: 1, deleteSkillGroup: 1}),
				),
			},
		},
	})
}

// A group created without a colour or description: the API gives "", which
// is null in state, and the plan after the apply is empty. An update keeps
// the colour null rather than unknown, so it plans only what changed.
func TestSkillGroupResourceMinimal(t *testing.T) {
	env := newTestEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: env.resetCounts,
				Config:    env.config(skillGroupConfig(tfName("Minimal"), "", "")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(productsAddr, tfjsonpath.New("description"), knownvalue.Null()),
					statecheck.ExpectKnownValue(productsAddr, tfjsonpath.New("color"), knownvalue.Null()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectCounts(map[string]int{postSkillGroup: 1}),
					func(*terraform.State) error {
						g := skillGroupNamed(env, tfName("Minimal"))
						if g == nil {
							return fmt.Errorf("the API has no skill group %s", tfName("Minimal"))
						}
						return expectRecord(g, map[string]any{"description": "", "color": ""})
					},
				),
			},
			{
				Config: env.config(skillGroupConfig(tfName("Minimal"), "Now described", "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					expectChangedAttributes(productsAddr, "description"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(productsAddr, tfjsonpath.New("color"), knownvalue.Null()),
				},
			},
		},
	})
}

// A name another group has is refused by the API; the error says what to
// do.
func TestSkillGroupResourceDuplicateName(t *testing.T) {
	env := newTestEnv(t)
	name := regexp.QuoteMeta(seedLanguagesSkillGroupName)
	want := `Unable to create skill group.*The API refused to create the skill group with the name ` + name + `: .*`
	if env.emu != nil { // the emulator's own refusal
		want += `Skill group with name ` + name + ` already exists.*`
	}
	want += `A skill group with the name ` + name + ` exists already, with the id ` + seedLanguagesSkillGroup +
		`.*import \{ to = <this resource's address, shown above> id = "` + seedLanguagesSkillGroup + `" \}`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config:      env.config(skillGroupConfig(seedLanguagesSkillGroupName, "", "")),
			ExpectError: wrapped(want),
		}},
	})
}

// The API does not delete a group that still has skills. The skill here is
// one Terraform stopped managing (a removed block with destroy = false), as
// happens when a skill is handed to another configuration.
func TestSkillGroupResourceDeleteWithSkills(t *testing.T) {
	env := newTestEnv(t)
	var groupID, skillID string
	products := regexp.QuoteMeta(tfName("Products"))
	refusal := `Unable to delete skill group.*Deleting the skill group ` + groupIDPattern + ` \(` + products + `\) failed: DELETE .*`
	if env.emu != nil { // the emulator's own refusal
		refusal += `HTTP 400 Bad Request: Skill group "` + products + `" still has 1 skill; delete them first.*`
	}
	refusal += `The skill group still has 1 skill: "` + regexp.QuoteMeta(tfName("Widgets")) + `" \([0-9a-f]{24}\).*Delete those skills first`
	both := env.config(skillGroupConfig(tfName("Products"), "", "") + `
resource "smartassist_skill" "widgets" {
  skill_group_id = smartassist_skill_group.products.id
  name           = "` + tfName("Widgets") + `"
}
`)
	resource.Test(t, resource.TestCase{
		// removed blocks need Terraform or OpenTofu 1.7; older CLIs skip this test.
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_7_0)},
		ProtoV6ProviderFactories: testProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if g := env.skillGroupRecord(groupID); g != nil {
				return fmt.Errorf("skill group %s still exists after destroy", groupID)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: both,
				Check: func(s *terraform.State) error {
					var err error
					if groupID, err = stateIDOf(s, productsAddr); err != nil {
						return err
					}
					skillID, err = stateIDOf(s, "smartassist_skill.widgets")
					return err
				},
			},
			// Terraform forgets the skill; it stays in the group.
			{
				Config: env.config(skillGroupConfig(tfName("Products"), "", "") + `
removed {
  from = smartassist_skill.widgets
  lifecycle {
    destroy = false
  }
}
`),
				Check: func(*terraform.State) error {
					if env.skillRecord(groupID, skillID) == nil {
						return fmt.Errorf("the skill %s was deleted; it should have been left in the group", skillID)
					}
					return nil
				},
			},
			// Destroying the group fails with the API's reason, names the
			// skill that is left, and says what to do.
			{
				Config:      env.config(""),
				ExpectError: wrapped(refusal),
			},
			// Once the skill is gone, the destroy succeeds.
			{
				PreConfig: func() { env.deleteOutOfBand("skill", groupID+"/"+skillID) },
				Config:    env.config(""),
			},
		},
	})
}

const groupIDPattern = `[0-9a-f]{24}`

// Deleting a group out of band takes its skills with it: the plan creates
// both again.
func TestSkillGroupResourceGroupDeletedWithItsSkills(t *testing.T) {
	env := newTestEnv(t)
	var groupID, skillID string
	config := env.config(skillGroupConfig(tfName("Products"), "", "") + fmt.Sprintf(`
resource "smartassist_skill" "widgets" {
  skill_group_id = smartassist_skill_group.products.id
  name           = %q
}
`, tfName("Widgets")))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) (err error) {
					if groupID, err = stateIDOf(s, productsAddr); err != nil {
						return err
					}
					skillID, err = stateIDOf(s, "smartassist_skill.widgets")
					return err
				},
			},
			{
				PreConfig: func() {
					if env.emu != nil {
						env.emu.DeleteSkillGroup(groupID)
						return
					}
					// Live: the API refuses to delete a group that has skills,
					// so the user deletes the skill first.
					env.deleteOutOfBand("skill", groupID+"/"+skillID)
					env.deleteOutOfBand("skill group", groupID)
				},
				Config:             config,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(productsAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction("smartassist_skill.widgets", plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}
