package emulator

import "net/http"

// skillGroupDescriptionMax is the documented limit on a skill group's (and
// a skill's) description.
const skillGroupDescriptionMax = 200

func newSkillGroupID() string { return randomHex(24) }

func skillGroupNotFound(id string) *apiError {
	return missing("Skill group not found: %s", id)
}

// parseSkillGroup checks a create or update body (the pages "Create a Skill
// Group", https://docs.kore.ai/ai-for-service/apis/contact-center/create-a-skill-group,
// and "Update a Skill Group",
// https://docs.kore.ai/ai-for-service/apis/contact-center/update-a-skill-group) and
// returns the stored fields: name, and description and color, "" when
// absent.
func parseSkillGroup(body map[string]any) (map[string]any, *apiError) {
	name, e := requiredText(body, "name", 0)
	if e != nil {
		return nil, e
	}
	description, e := optionalText(body, "description", skillGroupDescriptionMax)
	if e != nil {
		return nil, e
	}
	color, e := optionalText(body, "color", 0)
	if e != nil {
		return nil, e
	}
	return map[string]any{"name": name, "description": description, "color": color}, nil
}

// createSkillGroup serves POST /skill-groups (create-a-skill-group page).
// A name another skill group has, in any case, is a 409.
func (s *Server) createSkillGroup(r *http.Request, _ map[string]string) (any, *apiError) {
	body, e := decodeObject(r)
	if e != nil {
		return nil, e
	}
	doc, e := parseSkillGroup(body)
	if e != nil {
		return nil, e
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.uniqueSkillGroupNameLocked(str(doc, "name"), ""); e != nil {
		return nil, e
	}
	doc["id"] = newSkillGroupID()
	s.skillGroups.put(doc)
	return copyDoc(doc), nil
}

func (s *Server) uniqueSkillGroupNameLocked(name, except string) *apiError {
	if s.skillGroups.byName(name, except) != nil {
		return duplicateKey("Skill group with name %s already exists", name)
	}
	return nil
}

// listSkillGroups serves GET /skill-groups?page=&limit=, in creation order.
func (s *Server) listSkillGroups(r *http.Request, _ map[string]string) (any, *apiError) {
	page, limit, e := s.pageLimit(r.URL.Query())
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pagedList(r.URL.Query(), s.skillGroups.len(), page, limit, func(i int) any { return copyDoc(s.skillGroups.at(i)) }), nil
}

// getSkillGroup serves GET /skill-groups/{id}: {id, name, description, color}.
func (s *Server) getSkillGroup(_ *http.Request, params map[string]string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.skillGroups.get(params["id"])
	if !ok {
		return nil, skillGroupNotFound(params["id"])
	}
	return copyDoc(doc), nil
}

// updateSkillGroup serves PUT /skill-groups/{id}. The body is the whole
// skill group: a description or color left out is cleared. The agents'
// copies of the group's name and color follow.
func (s *Server) updateSkillGroup(r *http.Request, params map[string]string) (any, *apiError) {
	id := params["id"]
	body, e := decodeObject(r)
	if e != nil {
		return nil, e
	}
	if e := checkBodyID(body, id, "skill group"); e != nil {
		return nil, e
	}
	fields, e := parseSkillGroup(body)
	if e != nil {
		return nil, e
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.skillGroups.get(id)
	if !ok {
		return nil, skillGroupNotFound(id)
	}
	if e := s.uniqueSkillGroupNameLocked(str(fields, "name"), id); e != nil {
		return nil, e
	}
	for k, v := range fields {
		doc[k] = v
	}
	s.refreshAllAgentsLocked()
	return copyDoc(doc), nil
}

// deleteSkillGroup serves DELETE /skill-groups/{id} and answers the group
// as it was. A group that still has skills cannot be deleted (400): the
// pages do not say what happens to them, and refusing loses nothing.
func (s *Server) deleteSkillGroup(_ *http.Request, params map[string]string) (any, *apiError) {
	id := params["id"]
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.skillGroups.get(id)
	if !ok {
		return nil, skillGroupNotFound(id)
	}
	if n := len(s.skillsInGroupLocked(id)); n > 0 {
		return nil, badRequest("Skill group %q still has %s; delete them first", str(doc, "name"), plural(n, "skill"))
	}
	s.skillGroups.remove(id)
	return copyDoc(doc), nil
}

// skillsInGroupLocked returns the stored skills of a group, in creation
// order.
func (s *Server) skillsInGroupLocked(groupID string) []map[string]any {
	var out []map[string]any
	for _, sk := range s.skills.all() {
		if str(sk, "skillGroupId") == groupID {
			out = append(out, sk)
		}
	}
	return out
}

// removeSkillGroupLocked deletes a group and its skills, with everything a
// skill's delete does. It is the out-of-band delete; the API refuses a
// group that has skills.
func (s *Server) removeSkillGroupLocked(id string) bool {
	if _, ok := s.skillGroups.remove(id); !ok {
		return false
	}
	for _, sk := range s.skillsInGroupLocked(id) {
		s.removeSkillLocked(str(sk, "id"))
	}
	return true
}
