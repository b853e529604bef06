package emulator

import "strings"

// The accessors below let tests assert on stored agents and change them out
// of band. Every document going in or out is a deep copy.

// Agent returns the stored record of an agent.
func (s *Server) Agent(id string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.agents[id]
	return copyDoc(doc), ok
}

// AgentByEmail returns the stored record of the agent with this email,
// ignoring case.
func (s *Server) AgentByEmail(email string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc := s.agentByEmailLocked(email, "")
	return copyDoc(doc), doc != nil
}

// Agents returns every stored agent in creation order (seeded agents first).
func (s *Server) Agents() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]map[string]any, 0, len(s.agentOrder))
	for _, id := range s.agentOrder {
		out = append(out, copyDoc(s.agents[id]))
	}
	return out
}

// UpdateAgent changes a stored record out of band, as another admin would.
// mutate gets a copy of the record, outside the server's lock (so it may call
// the server); the result replaces the record unless the agent has gone
// meanwhile. It reports whether the agent existed. The record keeps its id;
// updatedAt is left to mutate.
func (s *Server) UpdateAgent(id string, mutate func(doc map[string]any)) bool {
	return s.updateRecord(s.agents, id, mutate)
}

// updateRecord is UpdateAgent, UpdateContact and, through
// updateRoutingRecord, the routing objects' Update methods: it runs mutate
// on a copy of records[id], outside the lock, and stores the result,
// keeping the id, unless the record has gone meanwhile.
func (s *Server) updateRecord(records map[string]map[string]any, id string, mutate func(doc map[string]any)) bool {
	s.mu.Lock()
	doc, ok := records[id]
	doc = copyDoc(doc)
	s.mu.Unlock()
	if !ok {
		return false
	}
	mutate(doc)
	doc = must(normalizeDoc(doc))
	doc["id"] = id
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, still := records[id]; !still {
		return false
	}
	records[id] = doc
	return true
}

// DeleteAgent removes an agent out of band. It reports whether it existed.
func (s *Server) DeleteAgent(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.removeAgentLocked(id)
	return ok
}

// PutAgentRecord inserts or replaces a raw record, as is, keyed by its "id";
// a record without a string id gets a new one. Tests use it to seed odd
// shapes. It panics if doc cannot be encoded as JSON.
func (s *Server) PutAgentRecord(doc map[string]any) {
	doc = must(normalizeDoc(doc))
	if id, _ := doc["id"].(string); strings.TrimSpace(id) == "" {
		doc["id"] = newAgentID()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.insertAgentLocked(doc)
}
