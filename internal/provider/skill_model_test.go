package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// skillGroupBody is a skill group with the given attribute lines.
func skillGroupBody(lines ...string) string {
	return "resource \"smartassist_skill_group\" \"bad\" {\n  " + strings.Join(lines, "\n  ") + "\n}\n"
}

// skillBody is a skill with the given attribute lines.
func skillBody(lines ...string) string {
	return "resource \"smartassist_skill\" \"bad\" {\n  " + strings.Join(lines, "\n  ") + "\n}\n"
}

// TestSkillBadInput: every invalid skill group or skill configuration stops
// at plan time, before any API call, with an error that names the
// attribute and says what is wrong.
func TestSkillBadInput(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	group := fmt.Sprintf("skill_group_id = %q", seedLanguagesSkillGroup)
	tooLong := fmt.Sprintf("description = %q", strings.Repeat("x", skillDescriptionMax+1))
	// 201 characters of two bytes each: characters are counted, not bytes.
	tooLongAccented := fmt.Sprintf("description = %q", strings.Repeat("é", skillDescriptionMax+1))
	cases := []struct{ name, body, want string }{
		// smartassist_skill_group.
		{"skill group: empty name", skillGroupBody(`name = ""`),
			`\d+: name = "".*string length must be at least 1`},
		{"skill group: no name", skillGroupBody(`color = "#0f0f0f"`),
			`Missing required argument.*The argument "name" is required`},
		{"skill group: description too long", skillGroupBody(`name = "G"`, tooLong),
			`Invalid description.*\d+: description = "x+".*Attribute description: is 201 characters long; the API allows at most 200`},
		{"skill group: empty description", skillGroupBody(`name = "G"`, `description = ""`),
			`Invalid description.*Attribute description: must not be empty; leave the attribute out for no description`},
		{"skill group: color without #", skillGroupBody(`name = "G"`, `color = "0f0f0f"`),
			`Invalid color.*\d+: color = "0f0f0f".*Attribute color: "0f0f0f" is not a colour of # and six hexadecimal digits`},
		{"skill group: color not hex", skillGroupBody(`name = "G"`, `color = "#0f0f0g"`),
			`Attribute color: "#0f0f0g" is not a colour of # and six hexadecimal digits`},
		{"skill group: short color", skillGroupBody(`name = "G"`, `color = "#fff"`),
			`Attribute color: "#fff" is not a colour`},
		{"skill group: color name", skillGroupBody(`name = "G"`, `color = "red"`),
			`Attribute color: "red" is not a colour`},

		// smartassist_skill.
		{"skill: empty name", skillBody(group, `name = ""`),
			`\d+: name = "".*string length must be at least 1`},
		{"skill: empty group", skillBody(`skill_group_id = ""`, `name = "S"`),
			`\d+: skill_group_id = "".*string length must be at least 1`},
		{"skill: no group", skillBody(`name = "S"`),
			`Missing required argument.*The argument "skill_group_id" is required`},
		{"skill: description too long", skillBody(group, `name = "S"`, tooLongAccented),
			`Invalid description.*Attribute description: is 201 characters long; the API allows at most 200`},
		{"skill: empty description", skillBody(group, `name = "S"`, `description = ""`),
			`Attribute description: must not be empty`},
		{"skill: agents are not managed here", skillBody(group, `name = "S"`, `agents = []`),
			`Unsupported argument.*An argument named "agents" is not expected here`},

		// Data sources.
		{"skill group data source: no lookup key", `data "smartassist_skill_group" "x" {}`,
			`Missing Attribute Configuration.*Exactly one of these attributes must be configured: \[id,name\]`},
		{"skill group data source: both lookup keys", "data \"smartassist_skill_group\" \"x\" {\n  id   = \"" + seedLanguagesSkillGroup + "\"\n  name = \"Languages\"\n}",
			`Invalid Attribute Combination.*Exactly one of these attributes must be configured: \[id,name\]`},
		{"skill group data source: empty name", "data \"smartassist_skill_group\" \"x\" {\n  name = \"\"\n}",
			`\d+: name = "".*string length must be at least 1`},
		{"skill data source: no lookup key", "data \"smartassist_skill\" \"x\" {\n  " + group + "\n}",
			`Missing Attribute Configuration.*Exactly one of these attributes must be configured: \[id,name\]`},
		{"skill data source: both lookup keys", "data \"smartassist_skill\" \"x\" {\n  " + group + "\n  id   = \"" + seedFrenchSkill + "\"\n  name = \"French\"\n}",
			`Invalid Attribute Combination.*Exactly one of these attributes must be configured: \[id,name\]`},
		{"skill data source: no group", "data \"smartassist_skill\" \"x\" {\n  name = \"French\"\n}",
			`Missing required argument.*The argument "skill_group_id" is required`},
		{"skill data source: empty id", "data \"smartassist_skill\" \"x\" {\n  " + group + "\n  id = \"\"\n}",
			`\d+: id = "".*string length must be at least 1`},
	}
	env := newTestEnv(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env.emu.ResetCounts()
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviderFactories,
				Steps: []resource.TestStep{{
					Config:      env.config(tc.body),
					PlanOnly:    true,
					ExpectError: wrapped(tc.want),
				}},
			})
			env.expectNoRequests(t)
		})
	}
}

// TestSkillBadImportID: a skill's import id must be
// <skill_group_id>/<skill_id>; anything else fails before any call, naming
// the expected form.
func TestSkillBadImportID(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	env := newTestEnv(t)
	config := env.config(skillConfig(seedLanguagesSkillGroup, "French", "Serves customers in French"))
	for _, id := range []string{
		seedFrenchSkill, // the skill id alone
		seedLanguagesSkillGroup + "/" + seedFrenchSkill + "/extra",
		"/" + seedFrenchSkill,
		seedLanguagesSkillGroup + "/",
		seedLanguagesSkillGroup + ":" + seedFrenchSkill,
	} {
		t.Run(id, func(t *testing.T) {
			env.emu.ResetCounts()
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviderFactories,
				Steps: []resource.TestStep{{
					Config:        config,
					ResourceName:  portugueseAddr,
					ImportState:   true,
					ImportStateId: id,
					ExpectError: wrapped(`Unable to import skill.*The import id "` + regexp.QuoteMeta(id) + `" is not of the form ` +
						`<skill_group_id>/<skill_id>, such as 633ffac608f3a07459939a20/633ffac608f3a07459939a2a`),
				}},
			})
			env.expectNoRequests(t)
		})
	}
}
