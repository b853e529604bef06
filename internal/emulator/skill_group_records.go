package emulator

// The accessors below let tests assert on stored skill groups and change
// them out of band. Every document going in or out is a deep copy, in the
// GET shape {id, name, description, color}.

// SkillGroup returns a skill group, or nil when there is none with id.
func (s *Server) SkillGroup(id string) map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, _ := s.skillGroups.get(id)
	return copyDoc(doc)
}

// SkillGroups returns every skill group in creation order (seeded ones
// first).
func (s *Server) SkillGroups() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]map[string]any, 0, s.skillGroups.len())
	for _, doc := range s.skillGroups.all() {
		out = append(out, copyDoc(doc))
	}
	return out
}

// UpdateSkillGroup changes a stored skill group out of band, as another
// admin would in the UI, the way UpdateAgent does. The agents' copies of
// the group's name and color follow. It reports whether the group existed.
func (s *Server) UpdateSkillGroup(id string, mutate func(doc map[string]any)) bool {
	return s.updateRoutingRecord(s.skillGroups, id, mutate)
}

// DeleteSkillGroup deletes a skill group out of band, without the API's
// check: its skills go with it, and leave every agent and queue. It
// reports whether the group existed.
func (s *Server) DeleteSkillGroup(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.removeSkillGroupLocked(id)
}

// updateRoutingRecord is updateRecord for a routing object; afterwards the
// agents' copies of queue, skill and skill group names are refreshed.
func (s *Server) updateRoutingRecord(st *store, id string, mutate func(doc map[string]any)) bool {
	if !s.updateRecord(st.docs, id, mutate) {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refreshAllAgentsLocked()
	return true
}
