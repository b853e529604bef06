package emulator

import "net/http"

// A skill belongs to one skill group and is reached through it (the page
// "Create a Skill",
// https://docs.kore.ai/ai-for-service/apis/contact-center/create-a-skill).
// Which agents hold a skill, and at which proficiency, is stored on
// the agent records (their skills entries, as an agent create or update
// writes them); the skill endpoints read and write those entries.

func newSkillID() string { return randomHex(24) }

func skillNotFound(id, groupID string) *apiError {
	return missing("Skill %s not found in skill group %s", id, groupID)
}

// skillMember is one checked entry of a skill's agents: the agent record
// and the proficiency level sent ("" when none was).
type skillMember struct {
	agent map[string]any
	level string
}

// parseSkillLocked checks the fields a skill create and update share: name,
// description and the agents list. An agent is named by userId or aId and
// must exist; a proficiencyLevel, when sent, is any non-empty string (the
// pages' enum is expert/novice/average/good, their own samples say "high").
func (s *Server) parseSkillLocked(body map[string]any) (name, description string, members []skillMember, e *apiError) {
	if name, e = requiredText(body, "name", 0); e != nil {
		return "", "", nil, e
	}
	if description, e = optionalText(body, "description", skillGroupDescriptionMax); e != nil {
		return "", "", nil, e
	}
	list, _, e := optionalObjects(body, "agents")
	if e != nil {
		return "", "", nil, e
	}
	seen := map[string]bool{}
	for i, m := range list {
		agent, e := s.agentRefLocked(m, "agents", i)
		if e != nil {
			return "", "", nil, e
		}
		if id := str(agent, "id"); seen[id] {
			return "", "", nil, badRequest("agent %s is listed more than once", id)
		}
		seen[str(agent, "id")] = true
		level := ""
		if v, present := m["proficiencyLevel"]; present && v != nil {
			if level, _ = v.(string); level == "" {
				return "", "", nil, badRequest("agents[%d].proficiencyLevel must be a non-empty string", i)
			}
		}
		members = append(members, skillMember{agent: agent, level: level})
	}
	return name, description, members, nil
}

// skillInGroupLocked finds a skill through its group: an unknown group, an
// unknown skill and a skill of another group are all 404s.
func (s *Server) skillInGroupLocked(groupID, id string) (map[string]any, *apiError) {
	if _, ok := s.skillGroups.get(groupID); !ok {
		return nil, skillGroupNotFound(groupID)
	}
	skill, ok := s.skills.get(id)
	if !ok || str(skill, "skillGroupId") != groupID {
		return nil, skillNotFound(id, groupID)
	}
	return skill, nil
}

// createSkill serves POST /skill-groups/{skillGroupId}/skills. Listed
// agents get the skill. The answer is the page's sample shape, in which
// agents is the number of agents given the skill, not a list.
func (s *Server) createSkill(r *http.Request, params map[string]string) (any, *apiError) {
	groupID := params["skillGroupId"]
	body, e := decodeObject(r)
	if e != nil {
		return nil, e
	}
	if v, present := body["skillGroupId"]; present && v != nil && v != any(groupID) {
		return nil, badRequest("skillGroupId in the body (%v) does not match the skill group in the path (%s)", v, groupID)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.skillGroups.get(groupID); !ok {
		return nil, skillGroupNotFound(groupID)
	}
	name, description, members, e := s.parseSkillLocked(body)
	if e != nil {
		return nil, e
	}
	now := s.timestamp()
	skill := map[string]any{
		"id":           newSkillID(),
		"name":         name,
		"description":  description,
		"skillGroupId": groupID,
		"status":       "ACTIVE",
		"createdBy":    s.ref.createdBy,
		"createdAt":    now,
		"updatedAt":    now,
	}
	s.skills.put(skill)
	s.setSkillMembersLocked(skill, members)
	return map[string]any{
		"id":           skill["id"],
		"name":         name,
		"description":  description,
		"agents":       len(members),
		"skillGroupId": groupID,
	}, nil
}

// listSkills serves GET /skill-groups/{skillGroupId}/skills?page=&limit=:
// the group's skills in creation order, each in the GET shape.
func (s *Server) listSkills(r *http.Request, params map[string]string) (any, *apiError) {
	page, limit, e := s.pageLimit(r.URL.Query())
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.skillGroups.get(params["skillGroupId"]); !ok {
		return nil, skillGroupNotFound(params["skillGroupId"])
	}
	skills := s.skillsInGroupLocked(params["skillGroupId"])
	return s.pagedList(r.URL.Query(), len(skills), page, limit, func(i int) any { return s.skillViewLocked(skills[i]) }), nil
}

// getSkill serves GET /skill-groups/{skillGroupId}/skills/{id}.
func (s *Server) getSkill(_ *http.Request, params map[string]string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	skill, e := s.skillInGroupLocked(params["skillGroupId"], params["id"])
	if e != nil {
		return nil, e
	}
	return s.skillViewLocked(skill), nil
}

// updateSkill serves PUT /skill-groups/{skillGroupId}/skills/{id}. The body
// is the whole skill. skillGroupId must name the group in the path: moving
// a skill to another group is not supported. agents replaces the skill's
// membership: a listed agent gets or keeps the skill, at the level sent or
// else the one it had, and every other agent loses it. So a PUT without
// agents takes the skill from every agent: that is our reading of the
// update page's full-document body, and a client must send the members
// back to keep them.
func (s *Server) updateSkill(r *http.Request, params map[string]string) (any, *apiError) {
	groupID, id := params["skillGroupId"], params["id"]
	body, e := decodeObject(r)
	if e != nil {
		return nil, e
	}
	if e := requireStrings(body, "skillGroupId"); e != nil {
		return nil, e
	}
	if sent := str(body, "skillGroupId"); sent != groupID {
		return nil, badRequest("skillGroupId %s does not match the skill group in the path (%s): moving a skill to another skill group is not supported", sent, groupID)
	}
	if e := checkBodyID(body, id, "skill"); e != nil {
		return nil, e
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	skill, e := s.skillInGroupLocked(groupID, id)
	if e != nil {
		return nil, e
	}
	name, description, members, e := s.parseSkillLocked(body)
	if e != nil {
		return nil, e
	}
	skill["name"] = name
	skill["description"] = description
	skill["updatedAt"] = s.timestamp()
	s.setSkillMembersLocked(skill, members)
	s.refreshAllAgentsLocked()
	return s.skillViewLocked(skill), nil
}

// deleteSkill serves DELETE /skill-groups/{skillGroupId}/skills/{id}: the
// skill leaves every agent and every queue, and the answer is the skill as
// it was, in the GET shape.
func (s *Server) deleteSkill(_ *http.Request, params map[string]string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	skill, e := s.skillInGroupLocked(params["skillGroupId"], params["id"])
	if e != nil {
		return nil, e
	}
	view := s.skillViewLocked(skill)
	s.removeSkillLocked(params["id"])
	return view, nil
}

// removeSkillLocked deletes a skill and takes it from every agent record
// and every queue.
func (s *Server) removeSkillLocked(id string) bool {
	skill, ok := s.skills.remove(id)
	if !ok {
		return false
	}
	s.setSkillMembersLocked(skill, nil)
	for _, q := range s.queues.all() {
		removeEntries(q, "skills", func(m map[string]any) bool { return str(m, "id") == id })
	}
	return true
}

// setSkillMembersLocked makes members exactly the agents holding skill. A
// member that already holds it keeps its entry (and the entry's id), with
// the level sent, or the old level when none was; a new member gets a new
// entry; every other agent loses the skill.
func (s *Server) setSkillMembersLocked(skill map[string]any, members []skillMember) {
	id := str(skill, "id")
	levels := map[string]skillMember{}
	for _, m := range members {
		levels[str(m.agent, "id")] = m
	}
	isSkill := func(m map[string]any) bool { return str(m, "skillId") == id }
	for _, agentID := range s.agentOrder {
		doc := s.agents[agentID]
		member, listed := levels[agentID]
		if !listed {
			removeEntries(doc, "skills", isSkill)
			continue
		}
		var entry map[string]any
		for _, m := range entries(doc["skills"]) {
			if isSkill(m) {
				entry = m
				break
			}
		}
		if entry == nil {
			entry = s.skillEntryLocked(skill, str(doc, "userId"), newMappingID())
			held, _ := doc["skills"].([]any)
			doc["skills"] = append(held, entry)
		}
		if member.level != "" {
			entry["proficiencyLevel"] = member.level
		}
	}
}

// skillViewLocked is a skill as GET answers it: the stored skill with
// agents, built from the agent records that hold it.
func (s *Server) skillViewLocked(skill map[string]any) map[string]any {
	out := copyDoc(skill)
	id := str(skill, "id")
	agents := []any{}
	for _, agentID := range s.agentOrder {
		doc := s.agents[agentID]
		for _, m := range entries(doc["skills"]) {
			if str(m, "skillId") != id {
				continue
			}
			a := map[string]any{
				"userId":    doc["userId"],
				"aId":       doc["id"],
				"skillId":   id,
				"firstName": doc["firstName"],
				"lastName":  doc["lastName"],
				"emailId":   doc["emailId"],
			}
			if level, ok := m["proficiencyLevel"]; ok {
				a["proficiencyLevel"] = level
			}
			agents = append(agents, a)
			break
		}
	}
	out["agents"] = agents
	return out
}
