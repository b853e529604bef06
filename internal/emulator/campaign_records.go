package emulator

// The accessors below let tests assert on stored campaigns and change them
// out of band. A stored record holds its id as "id", its kind as
// "campaignType" and the internal members campaign_views.go lists; every
// document going out is a deep copy.

// Campaign returns the stored record of a campaign, or nil. It is not a
// read: it moves no campaign on.
func (s *Server) Campaign(id string) map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.campaigns.get(id)
	if !ok {
		return nil
	}
	return must(normalizeDoc(doc))
}

// CampaignByName returns the stored record of the campaign with name
// (ignoring case), or nil.
func (s *Server) CampaignByName(name string) map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc := s.campaigns.byName(name, "")
	if doc == nil {
		return nil
	}
	return must(normalizeDoc(doc))
}

// Campaigns returns every stored campaign record in creation order.
func (s *Server) Campaigns() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]map[string]any, 0, s.campaigns.len())
	for _, doc := range s.campaigns.all() {
		out = append(out, must(normalizeDoc(doc)))
	}
	return out
}

// UpdateCampaign changes a stored campaign out of band, as another admin
// would in the UI (mutate gets a copy of the record); setting "status" is
// how a test moves it. What the next reads were to see (a Preparing still
// to come, a start or stop not yet visible) is dropped. It reports whether
// the campaign existed.
func (s *Server) UpdateCampaign(id string, mutate func(doc map[string]any)) bool {
	ok := s.updateRecord(s.campaigns.docs, id, mutate)
	if ok {
		s.mu.Lock()
		delete(s.campaignProgress, id)
		s.mu.Unlock()
	}
	return ok
}

// DeleteCampaign deletes a campaign out of band. It reports whether it
// existed.
func (s *Server) DeleteCampaign(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.campaignProgress, id)
	delete(s.dialResults, id)
	_, ok := s.campaigns.remove(id)
	return ok
}
