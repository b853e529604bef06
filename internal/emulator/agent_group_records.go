package emulator

// The accessors below let tests assert on stored agent groups and change
// them out of band. Every document going out is a deep copy in the GET
// shape {id, name, description, isDefault, status, managers, createdAt,
// updatedAt}, managers built from the agent records.

// AgentGroup returns an agent group, or nil when there is none with id.
func (s *Server) AgentGroup(id string) map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.agentGroups.get(id)
	if !ok {
		return nil
	}
	return s.agentGroupViewLocked(doc)
}

// AgentGroupByName returns the agent group with this name, ignoring case,
// or nil. Names are unique, ignoring case. It is how a client that got no
// id from the create answer finds the new group.
func (s *Server) AgentGroupByName(name string) map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc := s.agentGroups.byName(name, "")
	if doc == nil {
		return nil
	}
	return s.agentGroupViewLocked(doc)
}

// AgentGroups returns every agent group in creation order (seeded ones
// first).
func (s *Server) AgentGroups() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]map[string]any, 0, s.agentGroups.len())
	for _, doc := range s.agentGroups.all() {
		out = append(out, s.agentGroupViewLocked(doc))
	}
	return out
}

// UpdateAgentGroup changes a stored agent group out of band, as another
// admin would in the UI, the way UpdateAgent does. mutate gets the stored
// record, whose managers are [{userId, accessLevel}]; which agents are in
// the group is on the agent records (change it with UpdateAgent). It
// reports whether the group existed.
func (s *Server) UpdateAgentGroup(id string, mutate func(doc map[string]any)) bool {
	return s.updateRoutingRecord(s.agentGroups, id, mutate)
}

// DeleteAgentGroup deletes an agent group out of band, without the API's
// checks (the default group and a group with agents go too): agent records
// and queues stop naming it. It reports whether the group existed.
func (s *Server) DeleteAgentGroup(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.removeAgentGroupLocked(id)
}
