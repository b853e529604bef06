package emulator

// The accessors below let tests assert on stored skills and change them out
// of band. Every document going out is a deep copy in the GET shape, its
// agents built from the agent records that hold the skill.

// Skill returns a skill, found by its id alone, or nil when there is none.
func (s *Server) Skill(id string) map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.skills.get(id)
	if !ok {
		return nil
	}
	return s.skillViewLocked(doc)
}

// Skills returns every skill, of every group, in creation order (seeded
// ones first).
func (s *Server) Skills() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]map[string]any, 0, s.skills.len())
	for _, doc := range s.skills.all() {
		out = append(out, s.skillViewLocked(doc))
	}
	return out
}

// UpdateSkill changes a stored skill out of band, as another admin would
// in the UI, the way UpdateAgent does. mutate gets the stored record, which
// has no agents: membership lives on the agents (change it with
// UpdateAgent). The agents' copies of the skill's name follow. It reports
// whether the skill existed.
func (s *Server) UpdateSkill(id string, mutate func(doc map[string]any)) bool {
	return s.updateRoutingRecord(s.skills, id, mutate)
}

// DeleteSkill deletes a skill out of band; like the API's delete, it leaves
// every agent and queue. It reports whether the skill existed.
func (s *Server) DeleteSkill(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.removeSkillLocked(id)
}
