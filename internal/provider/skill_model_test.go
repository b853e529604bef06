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
	runPlanTimeFailures(t, []badInput{
		// smartassist_skill_group.
		{name: "skill group: empty name", body: skillGroupBody(`name = ""`),
			want: `\d+: name = "".*string length must be at least 1`},
		{name: "skill group: no name", body: skillGroupBody(`color = "#0f0f0f"`),
			want: `Missing required argument.*The argument "name" is required`},
		{name: "skill group: description too long", body: skillGroupBody(`name = "G"`, tooLong),
			want: `Invalid description.*\d+: description = "x+".*Attribute description: is 201 characters long; the API allows at most 200`},
		{name: "skill group: empty description", body: skillGroupBody(`name = "G"`, `description = ""`),
			want: `Invalid description.*Attribute description: must not be empty; leave the attribute out for no description`},
		{name: "skill group: color without #", body: skillGroupBody(`name = "G"`, `color = "0f0f0f"`),
			want: `Invalid color.*\d+: color = "0f0f0f".*Attribute color: "0f0f0f" is not a colour of # and six hexadecimal digits`},
		{name: "skill group: color not hex", body: skillGroupBody(`name = "G"`, `color = "#0f0f0g"`),
			want: `Attribute color: "#0f0f0g" is not a colour of # and six hexadecimal digits`},
		{name: "skill group: short color", body: skillGroupBody(`name = "G"`, `color = "#fff"`),
			want: `Attribute color: "#fff" is not a colour`},
		{name: "skill group: color name", body: skillGroupBody(`name = "G"`, `color = "red"`),
			want: `Attribute color: "red" is not a colour`},

		// smartassist_skill.
		{name: "skill: empty name", body: skillBody(group, `name = ""`),
			want: `\d+: name = "".*string length must be at least 1`},
		{name: "skill: empty group", body: skillBody(`skill_group_id = ""`, `name = "S"`),
			want: `\d+: skill_group_id = "".*string length must be at least 1`},
		{name: "skill: no group", body: skillBody(`name = "S"`),
			want: `Missing required argument.*The argument "skill_group_id" is required`},
		{name: "skill: description too long", body: skillBody(group, `name = "S"`, tooLongAccented),
			want: `Invalid description.*Attribute description: is 201 characters long; the API allows at most 200`},
		{name: "skill: empty description", body: skillBody(group, `name = "S"`, `description = ""`),
			want: `Attribute description: must not be empty`},
		{name: "skill: agents are not managed here", body: skillBody(group, `name = "S"`, `agents = []`),
			want: `Unsupported argument.*An argument named "agents" is not expected here`},

		// Data sources.
		{name: "skill group data source: no lookup key", body: `data "smartassist_skill_group" "x" {}`,
			want: `Missing Attribute Configuration.*Exactly one of these attributes must be configured: \[id,name\]`},
		{name: "skill group data source: both lookup keys", body: "data \"smartassist_skill_group\" \"x\" {\n  id   = \"" + seedLanguagesSkillGroup + "\"\n  name = \"Languages\"\n}",
			want: `Invalid Attribute Combination.*Exactly one of these attributes must be configured: \[id,name\]`},
		{name: "skill group data source: empty name", body: "data \"smartassist_skill_group\" \"x\" {\n  name = \"\"\n}",
			want: `\d+: name = "".*string length must be at least 1`},
		{name: "skill data source: no lookup key", body: "data \"smartassist_skill\" \"x\" {\n  " + group + "\n}",
			want: `Missing Attribute Configuration.*Exactly one of these attributes must be configured: \[id,name\]`},
		{name: "skill data source: both lookup keys", body: "data \"smartassist_skill\" \"x\" {\n  " + group + "\n  id   = \"" + seedFrenchSkill + "\"\n  name = \"French\"\n}",
			want: `Invalid Attribute Combination.*Exactly one of these attributes must be configured: \[id,name\]`},
		{name: "skill data source: no group", body: "data \"smartassist_skill\" \"x\" {\n  name = \"French\"\n}",
			want: `Missing required argument.*The argument "skill_group_id" is required`},
		{name: "skill data source: empty id", body: "data \"smartassist_skill\" \"x\" {\n  " + group + "\n  id = \"\"\n}",
			want: `\d+: id = "".*string length must be at least 1`},
	})
}

// TestSkillBadImportID: a skill's import id must be
// <skill_group_id>/<skill_id>; anything else fails before any call, naming
// the expected form.
func TestSkillBadImportID(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	env := newTestEnv(t)
	config := env.config(skillConfig(seedLanguagesSkillGroup, "French", "Serves customers in French"))
	var steps []resource.TestStep
	for _, id := range []string{
		seedFrenchSkill, // the skill id alone
		seedLanguagesSkillGroup + "/" + seedFrenchSkill + "/extra",
		"/" + seedFrenchSkill,
		seedLanguagesSkillGroup + "/",
		seedLanguagesSkillGroup + ":" + seedFrenchSkill,
	} {
		steps = append(steps, resource.TestStep{
			Config:        config,
			ResourceName:  portugueseAddr,
			ImportState:   true,
			ImportStateId: id,
			ExpectError: wrapped(`Unable to import skill.*The import id "` + regexp.QuoteMeta(id) + `" is not of the form ` +
				`<skill_group_id>/<skill_id>, such as 633ffac608f3a07459939a20/633ffac608f3a07459939a2a`),
		})
	}
	env.emu.ResetCounts()
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testProviderFactories, Steps: steps})
	env.expectNoRequests(t)
}
