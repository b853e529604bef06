package emulator

import (
	"encoding/json"
	"strings"
)

// createResponseFields are the members of the create-agent sample response.
// The sample request sends customId, yet the sample response has none, and it
// has no id: the create answer is not the stored record.
var createResponseFields = []string{
	"emailId", "firstName", "lastName", "nickName", "phoneNumber", "profImage",
	"canSupportChat", "maxChatSupport", "canSupportVoice", "attachmentsEnabled",
	"emojisEnabled", "roleId", "chatLanguageSupport", "voiceLanguageSupport",
	"skills", "desktopLayouts", "queues", "orgId", "userId", "callRegion",
	"maxDigitalChatSupport", "maxEmailChatSupport", "maxMessagingChatSupport",
}

// createView builds the create-agent answer in the shape of the page's sample:
// no id (unless withID), agentGroupId present, createDefaultLayoutAndAssign
// echoed when sent, phoneNumber as a JSON number when it is all digits, and
// the sample's short skill, queue and layout entries.
func createView(doc map[string]any, groupID string, layoutFlag any, hasLayoutFlag, withID bool) map[string]any {
	out := map[string]any{}
	for _, k := range createResponseFields {
		if v, ok := doc[k]; ok {
			out[k] = deepCopy(v)
		}
	}
	if withID {
		out["id"] = doc["id"]
	}
	out["agentGroupId"] = groupID
	if hasLayoutFlag {
		out["createDefaultLayoutAndAssign"] = layoutFlag
	}
	if p, ok := out["phoneNumber"].(string); ok {
		out["phoneNumber"] = phoneNumberQuirk(p)
	}
	for k, keys := range map[string][]string{
		"skills":         {"skillId", "proficiencyLevel", "userId", "name", "skillGroupName", "skillGroupColor"},
		"queues":         {"id", "isPreferredAgent"},
		"desktopLayouts": {"id", "isDefault"},
	} {
		if v, ok := out[k]; ok {
			out[k] = project(v, keys...)
		}
	}
	return out
}

// phoneNumberQuirk returns an all-digit phone number as a JSON number, as in
// the create sample ("13456782345" comes back as 13456782345). Leading zeros
// are lost, as they would be by a server that parsed the number. Anything
// else stays a string.
func phoneNumberQuirk(p string) any {
	if p == "" || strings.Trim(p, "0123456789") != "" {
		return p
	}
	digits := strings.TrimLeft(p, "0")
	if digits == "" {
		digits = "0"
	}
	return json.Number(digits)
}

// project keeps only keys in each object of a list; other values pass through.
func project(v any, keys ...string) any {
	arr, ok := v.([]any)
	if !ok {
		return v
	}
	out := make([]any, len(arr))
	for i, e := range arr {
		m, ok := e.(map[string]any)
		if !ok {
			out[i] = e
			continue
		}
		p := map[string]any{}
		for _, k := range keys {
			if x, ok := m[k]; ok {
				p[k] = x
			}
		}
		out[i] = p
	}
	return out
}

// listOnlyOmits are the get-only fields the list page's agents lack.
var listOnlyOmits = []string{"customId", "fullName", "lFullName", "iId"}

// listView builds an agents-list item (the page "List All Agents",
// https://docs.kore.ai/ai-for-service/apis/contact-center/list-all-agents): the
// record without the get-only fields; agentGroups entries carry groupName;
// queues only when includeQueues, each as {id, name, description, agents}
// where agents holds this agent's own membership, so isPreferredAgent can
// still be read.
func (s *Server) listView(doc map[string]any, includeQueues bool) map[string]any {
	out := s.agentViewLocked(doc)
	for _, k := range listOnlyOmits {
		delete(out, k)
	}
	if groups, ok := out["agentGroups"].([]any); ok {
		for _, g := range groups {
			if m, ok := g.(map[string]any); ok {
				if group, known := s.agentGroups.get(str(m, "groupId")); known {
					m["groupName"] = group["name"]
				}
			}
		}
	}
	if !includeQueues {
		delete(out, "queues")
		return out
	}
	queues, _ := out["queues"].([]any)
	listed := make([]any, 0, len(queues))
	for _, q := range queues {
		m, ok := q.(map[string]any)
		if !ok {
			continue
		}
		preferred, _ := m["isPreferredAgent"].(bool)
		listed = append(listed, map[string]any{
			"id":          m["id"],
			"name":        m["name"],
			"description": m["description"],
			"agents": []any{map[string]any{
				"userId":           doc["userId"],
				"aId":              doc["id"],
				"isPreferredAgent": preferred,
			}},
		})
	}
	out["queues"] = listed
	return out
}

// agentViewLocked is a stored agent as the API answers it: a copy whose
// queue and skill entries carry the names those objects have now, so that
// renaming a queue or a skill, or recolouring a skill group, out of band
// shows up in the agent views.
func (s *Server) agentViewLocked(doc map[string]any) map[string]any {
	out := copyDoc(doc)
	s.refreshAgentRefsLocked(out)
	return out
}

// refreshAgentRefsLocked rewrites, in place, the copies of queue and skill
// names an agent record holds. Only members the entry already has are
// rewritten, so a record of an odd shape keeps its shape; an entry whose
// queue or skill is gone is left alone.
func (s *Server) refreshAgentRefsLocked(doc map[string]any) {
	set := func(m map[string]any, key string, v any) {
		if _, has := m[key]; has {
			m[key] = v
		}
	}
	for _, m := range entries(doc["queues"]) {
		if q, ok := s.queues.get(str(m, "id")); ok {
			set(m, "name", q["name"])
			set(m, "description", q["description"])
		}
	}
	for _, m := range entries(doc["skills"]) {
		skill, ok := s.skills.get(str(m, "skillId"))
		if !ok {
			continue
		}
		group, _ := s.skillGroups.get(str(skill, "skillGroupId"))
		set(m, "name", skill["name"])
		set(m, "skillGroupId", skill["skillGroupId"])
		set(m, "skillGroupName", group["name"])
		set(m, "skillGroupColor", group["color"])
	}
}

// refreshAllAgentsLocked refreshes every stored agent record, after a queue,
// skill or skill group has been renamed, so that the stored records agree
// with the views.
func (s *Server) refreshAllAgentsLocked() {
	for _, id := range s.agentOrder {
		s.refreshAgentRefsLocked(s.agents[id])
	}
}
