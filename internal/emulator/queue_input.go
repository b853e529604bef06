package emulator

import "fmt"

// queueMember is one checked entry of a queue's agents.
type queueMember struct {
	agent     map[string]any
	preferred bool
}

// queueInput is a checked create or update body (the page "Create a
// Queue", https://docs.kore.ai/ai-for-service/apis/contact-center/create-a-queue):
// the stored fields it sets and the queue's members.
type queueInput struct {
	fields  map[string]any
	members []queueMember
}

// defaultAdvancedSettings are a queue's advancedSettings when none are sent.
func defaultAdvancedSettings() map[string]any {
	return map[string]any{
		"preferredAgentTimeout":  map[string]any{"min": 0.0, "sec": 0.0},
		"isSkillMatchEnabled":    false,
		"isAffinityMatchEnabled": false,
	}
}

// parseQueueLocked checks a create or update body. Names the body sends
// for the hours of operation, skills and agents are ignored: the stored
// queue keeps ids, and the views show the names those objects have. The
// body's isActive and isDefault are ignored too.
func (s *Server) parseQueueLocked(body map[string]any) (queueInput, *apiError) {
	name, e := requiredText(body, "name", 0)
	if e != nil {
		return queueInput{}, e
	}
	description, e := optionalText(body, "description", 0)
	if e != nil {
		return queueInput{}, e
	}
	routing, e := optionalBool(body, "isAdvancedRoutingEnabled", "isAdvancedRoutingEnabled", false)
	if e != nil {
		return queueInput{}, e
	}
	hours, e := s.parseQueueHours(body)
	if e != nil {
		return queueInput{}, e
	}
	members, e := s.parseQueueAgentsLocked(body)
	if e != nil {
		return queueInput{}, e
	}
	skills, e := s.parseQueueSkillsLocked(body)
	if e != nil {
		return queueInput{}, e
	}
	groups, e := s.parseQueueAgentGroupsLocked(body)
	if e != nil {
		return queueInput{}, e
	}
	settings, e := parseAdvancedSettings(body)
	if e != nil {
		return queueInput{}, e
	}
	return queueInput{
		fields: map[string]any{
			"name":                     name,
			"description":              description,
			"isAdvancedRoutingEnabled": routing,
			"hoursOfOperation":         hours,
			"skills":                   skills,
			"agentGroups":              groups,
			"advancedSettings":         settings,
		},
		members: members,
	}, nil
}

// parseQueueHours checks hoursOfOperation: an object whose id, required,
// names seeded hours of operation.
func (s *Server) parseQueueHours(body map[string]any) (map[string]any, *apiError) {
	v, present := body["hoursOfOperation"]
	if !present || v == nil {
		return nil, badRequest("hoursOfOperation.id is required")
	}
	h, ok := v.(map[string]any)
	if !ok {
		return nil, badRequest("hoursOfOperation must be an object")
	}
	if e := requireStrings(h, "id"); e != nil {
		return nil, badRequest("hoursOfOperation.%s", e.msg)
	}
	id := str(h, "id")
	if _, known := s.ref.hours[id]; !known {
		return nil, badRequest("hoursOfOperation.id %s does not exist", id)
	}
	return map[string]any{"id": id}, nil
}

// parseQueueAgentsLocked checks agents: each names an agent by userId or
// aId, at most once; isPreferredAgent is an optional boolean.
func (s *Server) parseQueueAgentsLocked(body map[string]any) ([]queueMember, *apiError) {
	list, _, e := optionalObjects(body, "agents")
	if e != nil {
		return nil, e
	}
	var members []queueMember
	seen := map[string]bool{}
	for i, m := range list {
		agent, e := s.agentRefLocked(m, "agents", i)
		if e != nil {
			return nil, e
		}
		id := str(agent, "id")
		if seen[id] {
			return nil, badRequest("agent %s is listed more than once", id)
		}
		seen[id] = true
		preferred, e := optionalBool(m, "isPreferredAgent", fmt.Sprintf("agents[%d].isPreferredAgent", i), false)
		if e != nil {
			return nil, e
		}
		members = append(members, queueMember{agent: agent, preferred: preferred})
	}
	return members, nil
}

// parseQueueSkillsLocked checks skills and returns their stored form
// {id, isExpireEnabled, expireTime}: id names a stored skill, at most once;
// isExpireEnabled is a required boolean; expireTime is {min, sec}.
func (s *Server) parseQueueSkillsLocked(body map[string]any) ([]any, *apiError) {
	list, _, e := optionalObjects(body, "skills")
	if e != nil {
		return nil, e
	}
	out := make([]any, 0, len(list))
	seen := map[string]bool{}
	for i, m := range list {
		id, e := entryString(m, "skills", i, "id")
		if e != nil {
			return nil, e
		}
		if _, known := s.skills.get(id); !known {
			return nil, badRequest("skill %s does not exist", id)
		}
		if seen[id] {
			return nil, badRequest("skill %s is listed more than once", id)
		}
		seen[id] = true
		expire, ok := m["isExpireEnabled"].(bool)
		switch {
		case m["isExpireEnabled"] == nil:
			return nil, badRequest("skills[%d].isExpireEnabled is required", i)
		case !ok:
			return nil, badRequest("skills[%d].isExpireEnabled must be a boolean", i)
		}
		expireTime := map[string]any{"min": 0.0, "sec": 0.0}
		if v := m["expireTime"]; v != nil {
			if expireTime, e = minSec(v, fmt.Sprintf("skills[%d].expireTime", i)); e != nil {
				return nil, e
			}
		}
		out = append(out, map[string]any{"id": id, "isExpireEnabled": expire, "expireTime": expireTime})
	}
	return out, nil
}

// parseQueueAgentGroupsLocked checks agentGroups, whose entries are an
// agent group's id or an object {id}, and returns the stored form [{id}].
func (s *Server) parseQueueAgentGroupsLocked(body map[string]any) ([]any, *apiError) {
	v, present := body["agentGroups"]
	if !present || v == nil {
		return []any{}, nil
	}
	arr, ok := v.([]any)
	if !ok {
		return nil, badRequest("agentGroups must be an array")
	}
	out := make([]any, 0, len(arr))
	seen := map[string]bool{}
	for i, g := range arr {
		var id string
		switch t := g.(type) {
		case string:
			if id = t; id == "" {
				return nil, badRequest("agentGroups[%d].id is required", i)
			}
		case map[string]any:
			var e *apiError
			if id, e = entryString(t, "agentGroups", i, "id"); e != nil {
				return nil, e
			}
		default:
			return nil, badRequest("agentGroups[%d] must be an agent group id or an object with id", i)
		}
		if _, known := s.agentGroups.get(id); !known {
			return nil, badRequest("agent group %s does not exist", id)
		}
		if seen[id] {
			return nil, badRequest("agent group %s is listed more than once", id)
		}
		seen[id] = true
		out = append(out, map[string]any{"id": id})
	}
	return out, nil
}

// parseAdvancedSettings checks advancedSettings; a member left out takes
// its default.
func parseAdvancedSettings(body map[string]any) (map[string]any, *apiError) {
	out := defaultAdvancedSettings()
	v, present := body["advancedSettings"]
	if !present || v == nil {
		return out, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, badRequest("advancedSettings must be an object")
	}
	if t := m["preferredAgentTimeout"]; t != nil {
		d, e := minSec(t, "advancedSettings.preferredAgentTimeout")
		if e != nil {
			return nil, e
		}
		out["preferredAgentTimeout"] = d
	}
	for _, k := range []string{"isSkillMatchEnabled", "isAffinityMatchEnabled"} {
		b, e := optionalBool(m, k, "advancedSettings."+k, false)
		if e != nil {
			return nil, e
		}
		out[k] = b
	}
	return out, nil
}
