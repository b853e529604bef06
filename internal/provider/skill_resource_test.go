package provider

import (
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
)

const portugueseAddr = "smartassist_skill.portuguese"

// Counter keys of the skill routes.
const (
	postSkill   = "POST /skill-groups/{skillGroupId}/skills"
	listSkills  = "GET /skill-groups/{skillGroupId}/skills"
	getSkill    = "GET /skill-groups/{skillGroupId}/skills/{id}"
	putSkill    = "PUT /skill-groups/{skillGroupId}/skills/{id}"
	deleteSkill = "DELETE /skill-groups/{skillGroupId}/skills/{id}"
)

// skillConfig is the portuguese skill in a group given by id; an empty
// description leaves the attribute out.
func skillConfig(groupID, name, description string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\nresource \"smartassist_skill\" \"portuguese\" {\n  skill_group_id = %q\n  name           = %q\n", groupID, name)
	if description != "" {
		fmt.Fprintf(&b, "  description    = %q\n", description)
	}
	b.WriteString("}\n")
	return b.String()
}

// skillImportID is a skill's import id, <skill_group_id>/<skill_id>, from
// state.
func skillImportID(addr string) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return "", fmt.Errorf("%s is not in state", addr)
		}
		return rs.Primary.Attributes["skill_group_id"] + "/" + rs.Primary.ID, nil
	}
}

func TestSkillResourceLifecycle(t *testing.T) {
	env := newTestEnv(t)
	var skillID string
	// 150 characters, 300 bytes: the limit counts characters.
	accented := strings.Repeat("é", 150)
	final := env.config(skillConfig(seedLanguagesSkillGroup, tfName("Portuguese (Brazil)"), "Brazilian Portuguese"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if sk := env.skillRecord(seedLanguagesSkillGroup, skillID); sk != nil {
				return fmt.Errorf("skill %s still exists after destroy: %v", skillID, sk)
			}
			return nil
		},
		Steps: []resource.TestStep{
			// 1. Create in a seeded group: one POST.
			{
				PreConfig: env.resetCounts,
				Config:    env.config(skillConfig(seedLanguagesSkillGroup, tfName("Portuguese"), "Native-level Portuguese")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(portugueseAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regex(`^[0-9a-f]{24}$`))),
					statecheck.ExpectKnownValue(portugueseAddr, tfjsonpath.New("skill_group_id"), knownvalue.StringExact(seedLanguagesSkillGroup)),
					statecheck.ExpectKnownValue(portugueseAddr, tfjsonpath.New("name"), knownvalue.StringExact(tfName("Portuguese"))),
					statecheck.ExpectKnownValue(portugueseAddr, tfjsonpath.New("description"), knownvalue.StringExact("Native-level Portuguese")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectCounts(map[string]int{postSkill: 1}),
					func(s *terraform.State) error {
						var err error
						if skillID, err = stateIDOf(s, portugueseAddr); err != nil {
							return err
						}
						return expectRecord(env.skillRecord(seedLanguagesSkillGroup, skillID), map[string]any{
							"name": tfName("Portuguese"), "description": "Native-level Portuguese", "skillGroupId": seedLanguagesSkillGroup,
						})
					},
				),
			},
			// 2. Import as <skill_group_id>/<skill_id>: one GET.
			{
				PreConfig:         env.resetCounts,
				ResourceName:      portugueseAddr,
				ImportState:       true,
				ImportStateIdFunc: skillImportID(portugueseAddr),
				ImportStateVerify: true,
				ImportStateCheck:  importCounts(env, map[string]int{getSkill: 1}),
			},
			// 3. Update in place: the refresh reads the skill, the update
			// reads it again (its agents go back in the PUT) and PUTs it.
			{
				PreConfig: env.resetCounts,
				Config:    env.config(skillConfig(seedLanguagesSkillGroup, tfName("Portuguese (Brazil)"), accented)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(portugueseAddr, plancheck.ResourceActionUpdate),
					expectChangedAttributes(portugueseAddr, "description", "name"),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectCounts(map[string]int{getSkill: 2, putSkill: 1}),
					func(*terraform.State) error {
						return expectRecord(env.skillRecord(seedLanguagesSkillGroup, skillID), map[string]any{"name": tfName("Portuguese (Brazil)"), "description": accented})
					},
				),
			},
			// 4. Removing the description clears it.
			{
				PreConfig: env.resetCounts,
				Config:    env.config(skillConfig(seedLanguagesSkillGroup, tfName("Portuguese (Brazil)"), "")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(portugueseAddr, tfjsonpath.New("description"), knownvalue.Null()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectCounts(map[string]int{getSkill: 2, putSkill: 1}),
					func(*terraform.State) error {
						return expectRecord(env.skillRecord(seedLanguagesSkillGroup, skillID), map[string]any{"description": ""})
					},
				),
			},
			{Config: final},
			// 5. Drift: a rename in the UI shows up as exactly that change;
			// the apply puts the name back.
			{
				PreConfig: env.onEmulator(func() {
					env.emu.UpdateSkill(skillID, func(doc map[string]any) { doc["name"] = "Portugues" })
				}),
				SkipFunc:           env.emulatorOnly,
				Config:             final,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(portugueseAddr, plancheck.ResourceActionUpdate),
					expectChangedAttributes(portugueseAddr, "name"),
				}},
			},
			{
				Config: final,
				Check: func(*terraform.State) error {
					return expectRecord(env.skillRecord(seedLanguagesSkillGroup, skillID), map[string]any{"name": tfName("Portuguese (Brazil)")})
				},
			},
			// 6. Another skill group replaces the skill: the API cannot move it.
			{
				Config:             env.config(skillConfig(seedDefaultSkillGroup, tfName("Portuguese (Brazil)"), "Brazilian Portuguese")),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(portugueseAddr, plancheck.ResourceActionReplace),
				}},
			},
			// 7. Deleted out of band: the plan creates it again.
			{
				PreConfig:          func() { env.deleteOutOfBand("skill", seedLanguagesSkillGroup+"/"+skillID) },
				Config:             final,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(portugueseAddr, plancheck.ResourceActionCreate),
				}},
			},
			// 8. Create it again, then destroy: the refresh and one DELETE.
			{
				Config: final,
				Check: func(s *terraform.State) (err error) {
					skillID, err = stateIDOf(s, portugueseAddr)
					return err
				},
			},
			{
				PreConfig: env.resetCounts,
				Config:    env.config(""),
				Check:     env.expectCounts(map[string]int{getSkill: 1, deleteSkill: 1}),
			},
		},
	})
}

// An agent that has the skill (through its skill block) keeps it when the
// skill is updated: the skill's PUT sends its agents back. Neither resource
// then plans a change.
func TestSkillResourceUpdateKeepsAgents(t *testing.T) {
	env := newTestEnv(t)
	config := func(description string) string {
		return env.config(fmt.Sprintf(`
resource "smartassist_skill_group" "lang" {
  name        = %q
  description = "Languages agents speak"
  color       = "#0f0f0f"
}

resource "smartassist_skill" "spanish" {
  skill_group_id = smartassist_skill_group.lang.id
  name           = %q
  description    = %q
}

resource "smartassist_agent" "ana" {
  email      = %q
  first_name = "Ana"
  last_name  = "Silva"
  role_id    = %q

  skill {
    id                = smartassist_skill.spanish.id
    proficiency_level = "good"
  }
}
`, tfName("Spoken languages"), tfName("Spanish"), description, tfEmail("ana"), seedRoleAgent))
	}
	var skillID, groupID string
	agentHasSkill := func(*terraform.State) error {
		rec, ok := env.agentByEmail(tfEmail("ana"))
		if !ok {
			return fmt.Errorf("the API has no agent %s", tfEmail("ana"))
		}
		for _, e := range recordEntries(rec["skills"]) {
			if e["skillId"] == skillID {
				if e["proficiencyLevel"] != "good" {
					return fmt.Errorf("the agent's skill entry is %v, want proficiencyLevel good", e)
				}
				return nil
			}
		}
		return fmt.Errorf("the agent lost the skill %s: skills %v", skillID, rec["skills"])
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config("Native-level Spanish"),
				Check: resource.ComposeAggregateTestCheckFunc(
					func(s *terraform.State) (err error) {
						if skillID, err = stateIDOf(s, "smartassist_skill.spanish"); err != nil {
							return err
						}
						groupID, err = stateIDOf(s, "smartassist_skill_group.lang")
						return err
					},
					agentHasSkill,
				),
			},
			{
				PreConfig: env.resetCounts,
				Config:    config("Conversational Spanish"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("smartassist_skill.spanish", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("smartassist_agent.ana", plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction("smartassist_skill_group.lang", plancheck.ResourceActionNoop),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					agentHasSkill,
					// The agent is only refreshed: never written.
					env.expectCountsSubset(map[string]int{putSkill: 1, "PUT /agents/{id}": 0, putSkillGroup: 0}),
					func(*terraform.State) error {
						sk := env.skillRecord(groupID, skillID)
						if n := len(recordEntries(sk["agents"])); n != 1 {
							return fmt.Errorf("the skill lists %d agents after the update, want 1: %v", n, sk["agents"])
						}
						return expectRecord(sk, map[string]any{"description": "Conversational Spanish"})
					},
				),
				// The plan after the apply is empty for all three resources:
				// the agent's skill block still matches.
			},
		},
	})
}

// recordEntries reads a JSON array of objects from an emulator record.
func recordEntries(v any) []map[string]any {
	list, _ := v.([]any)
	out := make([]map[string]any, 0, len(list))
	for _, e := range list {
		if m, ok := e.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// A skill in a skill group that does not exist: the API's 404, with what to
// check.
func TestSkillResourceUnknownSkillGroup(t *testing.T) {
	env := newTestEnv(t)
	const missing = "ffffffffffffffffffffffff"
	want := `Unable to create skill.*Creating the skill "` + regexp.QuoteMeta(tfName("Portuguese")) + `" in the skill group ` + missing + ` failed: POST .*HTTP 404 Not Found: `
	if env.emu != nil { // the emulator's own message
		want += `Skill group not found: ` + missing
	}
	want += `.*Check skill_group_id: no skill group ` + missing + ` exists`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config:      env.config(skillConfig(missing, tfName("Portuguese"), "")),
			ExpectError: wrapped(want),
		}},
	})
	if env.emu == nil {
		return
	}
	if n := len(env.emu.Skills()); n != 4 {
		t.Fatalf("the emulator holds %d skills, want the 4 seeded ones", n)
	}
}
