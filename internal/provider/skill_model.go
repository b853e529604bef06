package provider

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// skillDescriptionMax is the documented limit on the description of a
// skill group (create-a-skill-group) and of a skill (create-a-skill), in
// characters.
const skillDescriptionMax = 200

// skillGroupColorPattern is a CSS hex colour as the create-a-skill-group
// sample sends it: "#0f0f0f".
var skillGroupColorPattern = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// skillImportSeparator joins the skill group id and the skill id in a
// skill's import id: the API reaches a skill only through its group.
const skillImportSeparator = "/"

// skillGroupModel is the Terraform side of a skill group, shared by the
// resource and the data source.
type skillGroupModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	Color       types.String `tfsdk:"color"`
}

// skillGroupModelFrom maps a skill group as the API returns it. The API
// answers "" for a group without a description or colour; that is null
// here, as it is in a configuration that leaves them out.
func skillGroupModelFrom(g *client.SkillGroup) skillGroupModel {
	return skillGroupModel{
		ID:          stringOrNull(g.ID),
		Name:        stringOrNull(g.Name),
		Description: stringOrNull(g.Description),
		Color:       stringOrNull(g.Color),
	}
}

// request builds the body of a create or of an update. The update's body is
// the whole group, so a description left out is sent as "" and the API
// clears it. A colour that is null (none was configured and the API has
// none) or unknown (none configured at create) is left out.
func (m *skillGroupModel) request(update bool) client.SkillGroupRequest {
	req := client.SkillGroupRequest{Name: m.Name.ValueString(), Description: textOrClear(m.Description, update)}
	if !m.Color.IsNull() && !m.Color.IsUnknown() {
		req.Color = client.String(m.Color.ValueString())
	}
	return req
}

// keepEquivalent keeps the prior spelling of a colour the API returns in
// another case: #0F0F0F and #0f0f0f are the same colour.
func (m *skillGroupModel) keepEquivalent(prior skillGroupModel) {
	if !prior.Color.IsNull() && !prior.Color.IsUnknown() && strings.EqualFold(prior.Color.ValueString(), m.Color.ValueString()) {
		m.Color = prior.Color
	}
}

// fillComputed sets what a plan left unknown (the id, and the colour when
// none was configured) from the API's answer. Known planned values stay:
// they are what was applied.
func (m *skillGroupModel) fillComputed(from skillGroupModel) {
	if m.ID.IsUnknown() {
		m.ID = from.ID
	}
	if m.Color.IsUnknown() {
		m.Color = from.Color
	}
}

// skillModel is the Terraform side of a skill, shared by the resource
// and the data source. (agentSkillModel is an agent's skill block.) The agents
// that have the skill are not part of it: they are managed on the agents.
type skillModel struct {
	ID           types.String `tfsdk:"id"`
	SkillGroupID types.String `tfsdk:"skill_group_id"`
	Name         types.String `tfsdk:"name"`
	Description  types.String `tfsdk:"description"`
}

// skillModelFrom maps a skill as the API returns it. A description of ""
// is null, as for skill groups. The agents listed on the skill are not
// mapped: membership is the agents' business.
func skillModelFrom(sk *client.Skill) skillModel {
	return skillModel{
		ID:           stringOrNull(sk.ID),
		SkillGroupID: stringOrNull(sk.SkillGroupID),
		Name:         stringOrNull(sk.Name),
		Description:  stringOrNull(sk.Description),
	}
}

// request builds the body of a create or the managed part of an update. An
// update sends a description left out as "", which clears it (the client
// keeps the current description when it is nil).
func (m *skillModel) request(update bool) client.SkillRequest {
	return client.SkillRequest{
		Name:         m.Name.ValueString(),
		Description:  textOrClear(m.Description, update),
		SkillGroupID: m.SkillGroupID.ValueString(),
	}
}

// fillComputed sets the id from the API's answer when the plan left it
// unknown.
func (m *skillModel) fillComputed(from skillModel) {
	if m.ID.IsUnknown() {
		m.ID = from.ID
	}
}

// parseSkillImportID splits <skill_group_id>/<skill_id>; ok is false for
// any other shape.
func parseSkillImportID(id string) (groupID, skillID string, ok bool) {
	parts := strings.Split(strings.TrimSpace(id), skillImportSeparator)
	if len(parts) != 2 {
		return "", "", false
	}
	groupID, skillID = strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
	return groupID, skillID, groupID != "" && skillID != ""
}

// skillObjectLabel names an object in an error: its id, and its name when known
// (a read right after an import does not know it yet).
func skillObjectLabel(id string, name types.String) string {
	if name.IsNull() || name.IsUnknown() || name.ValueString() == "" {
		return id
	}
	return fmt.Sprintf("%s (%s)", id, name.ValueString())
}

// skillDescription checks a skill or skill group description: at most
// skillDescriptionMax characters (characters, not bytes: "é" is one), and
// not empty, since the API stores no description as "" and the attribute
// is then left out.
func skillDescription() stringCheck {
	return stringCheck{fmt.Sprintf("must be 1 to %d characters", skillDescriptionMax), func(s string) string {
		if s == "" {
			return "must not be empty; leave the attribute out for no description."
		}
		if n := utf8.RuneCountInString(s); n > skillDescriptionMax {
			return fmt.Sprintf("is %d characters long; the API allows at most %d.", n, skillDescriptionMax)
		}
		return ""
	}}
}

// skillGroupColor checks a colour: # and six hexadecimal digits.
func skillGroupColor() stringCheck {
	return stringCheck{"must be # followed by six hexadecimal digits, such as #0f0f0f", func(s string) string {
		if !skillGroupColorPattern.MatchString(s) {
			return fmt.Sprintf("%q is not a colour of # and six hexadecimal digits, such as #0f0f0f.", s)
		}
		return ""
	}}
}
