package emulator

import "strings"

// The accessors below let tests assert on stored contacts and change them
// out of band. Every document going in or out is a deep copy. Stored
// contacts carry their id as "id".

// Contact returns the stored record of a contact, ACTIVE or INACTIVE.
func (s *Server) Contact(id string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.contacts[id]
	return copyDoc(doc), ok
}

// Contacts returns every stored contact in creation order (seeded contacts
// first), INACTIVE ones included.
func (s *Server) Contacts() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]map[string]any, 0, len(s.contactOrder))
	for _, id := range s.contactOrder {
		out = append(out, copyDoc(s.contacts[id]))
	}
	return out
}

// UpdateContact changes a stored record out of band, as another admin
// would. mutate gets a copy of the record, outside the server's lock (so it
// may call the server); the result replaces the record unless the contact
// has gone meanwhile. It reports whether the contact existed. The record
// keeps its id; updatedAt is left to mutate.
func (s *Server) UpdateContact(id string, mutate func(doc map[string]any)) bool {
	return s.updateRecord(s.contacts, id, mutate)
}

// SoftDeleteContact marks an ACTIVE contact INACTIVE out of band, as the
// API's delete does (updatedAt is set now). It reports false when there is
// no such contact or it is already INACTIVE.
func (s *Server) SoftDeleteContact(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.softDeleteContactLocked(id) != nil
}

// PutContactRecord inserts or replaces a raw record, as is, keyed by its
// "id"; a record without a string id gets a new one. Replacing keeps the
// record's place in the list. Tests use it to seed odd shapes. It panics if
// doc cannot be encoded as JSON.
func (s *Server) PutContactRecord(doc map[string]any) {
	doc = must(normalizeDoc(doc))
	if id, _ := doc["id"].(string); strings.TrimSpace(id) == "" {
		doc["id"] = newContactID()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.insertContactLocked(doc)
}
