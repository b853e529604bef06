package emulator

import (
	"net/http"
	"strings"
)

// The numbers on a contact list: "Add Contacts to a Contact List"
// (https://docs.kore.ai/ai-for-service/apis/contact-center/add-contacts-to-contact-list)
// and "Get Contacts of Contact List (v2)"
// (https://docs.kore.ai/ai-for-service/apis/contact-center/get-all-contacts-of-a-contactlist-v2).

// contactListContactsPageLimit is the page size of the sample, used when
// no limit is asked for; maxPageLimit bounds an asked limit.
const contactListContactsPageLimit = 50

// addContactsInProgress is the documented answer of add-contacts: the work
// is queued. The emulator does it before answering, so the numbers are on
// the list when the answer arrives.
const addContactsInProgress = "Adding contacts to public list is in progress"

// addContactsToList serves POST /campaign/contactList/addContacts. The
// body names the list by contact_list_name (it must exist: a 400 "Contact
// list not found: <name>" otherwise, the name being in the body, not the
// path) and holds data, a non-empty array of {phoneNumber}, each a string
// of 5 to 15 digits with an optional leading "+", stored as sent. A list
// without allowDuplicates skips a number it already holds, and one sent
// twice. The answer is {"message": "…in progress"}, as documented: no
// status, no data.
func (s *Server) addContactsToList(r *http.Request, _ map[string]string) (any, *apiError) {
	body, e := decodeObject(r)
	if e != nil {
		return nil, e
	}
	name, e := requiredText(body, "contact_list_name", 0)
	if e != nil {
		return nil, e
	}
	raw, ok := body["data"].([]any)
	if !ok {
		return nil, badRequest("data is required and must be an array")
	}
	if len(raw) == 0 {
		return nil, badRequest("data must hold at least one contact")
	}
	phones := make([]string, len(raw))
	for i, v := range raw {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, badRequest("data[%d] must be an object", i)
		}
		p, isStr := m["phoneNumber"].(string)
		if !isStr || strings.TrimSpace(p) == "" {
			return nil, badRequest("data[%d].phoneNumber is required and must be a string", i)
		}
		digits := strings.TrimPrefix(p, "+")
		if !allDigits(digits) || len(digits) < 5 || len(digits) > 15 {
			return nil, badRequest("data[%d].phoneNumber %q is not a valid phone number", i, p)
		}
		phones[i] = p
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	list := s.contactLists.byName(name, "")
	if list == nil {
		return nil, badRequest("Contact list not found: %s", name)
	}
	id := str(list, "id")
	allow, _ := list["allowDuplicates"].(bool)
	held := map[string]bool{}
	for _, c := range s.listNumbers[id] {
		held[str(c, "phoneNumber")] = true
	}
	now := s.timestamp()
	for _, p := range phones {
		if held[p] && !allow {
			continue
		}
		held[p] = true
		s.listNumbers[id] = append(s.listNumbers[id], map[string]any{
			"_id": newListContactID(), "createdAt": now, "updatedAt": now, "phoneNumber": p,
		})
	}
	list["updatedAt"] = now
	return map[string]any{"message": addContactsInProgress}, nil
}

// listContactListContacts serves GET
// /campaign/contactList/{id}/getAllContacts?skip=&limit=: the list's
// numbers in the order they were added, in the envelope's data as
// {results:[{_id, createdAt, updatedAt, phoneNumber}], skip, limit,
// hasMore, totalPages, totalResults}. The page documents no query
// parameters; its sample's page size, 50, is used when no limit is sent,
// and an asked limit is capped at 100. The skip and figure readings apply.
func (s *Server) listContactListContacts(r *http.Request, params map[string]string) (any, *apiError) {
	q := r.URL.Query()
	skip, e := queryCount(q.Get("skip"), "skip", 0)
	if e != nil {
		return nil, e
	}
	limit, e := queryCount(q.Get("limit"), "limit", contactListContactsPageLimit)
	if e != nil {
		return nil, e
	}
	if limit == 0 {
		limit = contactListContactsPageLimit
	}
	limit = min(limit, maxPageLimit)

	s.mu.Lock()
	defer s.mu.Unlock()
	id := params["id"]
	if _, ok := s.contactLists.get(id); !ok {
		return nil, contactListNotFound(id)
	}
	contacts := s.listNumbers[id]
	start, size := s.readPaging(q, true, skip, limit)
	page := s.listPage(q, len(contacts), start, size, func(i int) any { return copyDoc(contacts[i]) })
	return campaignOK("Contacts retrieved successfully", page), nil
}
