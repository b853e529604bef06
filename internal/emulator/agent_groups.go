package emulator

// defaultAgentGroupLocked returns the stored default agent group (the first
// marked isDefault), or nil when there is none.
func (s *Server) defaultAgentGroupLocked() map[string]any {
	for _, g := range s.agentGroups.all() {
		if b, _ := g["isDefault"].(bool); b {
			return g
		}
	}
	return nil
}
