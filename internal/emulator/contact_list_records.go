package emulator

// The accessors below let tests assert on stored contact lists and change
// them out of band. Every document going out is a deep copy in the get
// shape (id as "_id"), decoded as JSON would be; numbers are {_id, createdAt, updatedAt, phoneNumber}.

// ContactList returns a contact list, or nil when there is none with id.
func (s *Server) ContactList(id string) map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.contactLists.get(id)
	if !ok {
		return nil
	}
	return must(normalizeDoc(s.contactListViewLocked(doc)))
}

// ContactListByName returns the contact list with name (ignoring case), or
// nil.
func (s *Server) ContactListByName(name string) map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc := s.contactLists.byName(name, "")
	if doc == nil {
		return nil
	}
	return must(normalizeDoc(s.contactListViewLocked(doc)))
}

// ContactLists returns every contact list in creation order (seeded first).
func (s *Server) ContactLists() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]map[string]any, 0, s.contactLists.len())
	for _, doc := range s.contactLists.all() {
		out = append(out, must(normalizeDoc(s.contactListViewLocked(doc))))
	}
	return out
}

// ContactListNumbers returns the phone numbers on a list, in the order
// they were added; nil when there is no such list.
func (s *Server) ContactListNumbers(id string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.contactLists.get(id); !ok {
		return nil
	}
	out := []string{}
	for _, c := range s.listNumbers[id] {
		out = append(out, str(c, "phoneNumber"))
	}
	return out
}

// UpdateContactList changes a stored list out of band, as another admin
// would in the UI. mutate gets a copy of the stored record (id as "id",
// without totalRecordCount or campaignInUse, which are computed). It
// reports whether the list existed.
func (s *Server) UpdateContactList(id string, mutate func(doc map[string]any)) bool {
	return s.updateRecord(s.contactLists.docs, id, mutate)
}

// DeleteContactList deletes a list and its numbers out of band, without
// the API's in-use check. It reports whether the list existed.
func (s *Server) DeleteContactList(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.listNumbers, id)
	_, ok := s.contactLists.remove(id)
	return ok
}
