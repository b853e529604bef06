package emulator

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// Contact statuses. Deleting a contact only marks it INACTIVE.
const (
	contactActive   = "ACTIVE"
	contactInactive = "INACTIVE"
)

// contactNotFoundReason is the failedRecords reason of the bulk routes.
const contactNotFoundReason = "Contact not found"

// countryCodePattern is a country code as in the samples: "+91".
var countryCodePattern = regexp.MustCompile(`^\+[0-9]{1,4}$`)

// validSalutation reports whether s is one of the documented salutations,
// "(Mr. or Mrs.)", spelled as in the samples ("mr", "mrs"), in any case.
func validSalutation(s string) bool {
	return strings.EqualFold(s, "mr") || strings.EqualFold(s, "mrs")
}

func newContactID() string { return randomHex(24) }

// contactInput is a checked create or update body.
type contactInput struct {
	firstName, lastName, salutation string
	extension, countryCode          string
	phoneNumber                     string // stored form: country code, then digits
}

// parseContactInput checks one contact of a create or update body. It
// returns the problem, naming the field, when the contact is not valid.
// Unknown fields (fullName, id) are ignored.
func parseContactInput(doc map[string]any) (contactInput, string) {
	if e := requireStrings(doc, "firstName", "lastName", "salutation"); e != nil {
		return contactInput{}, e.msg
	}
	if sal := str(doc, "salutation"); !validSalutation(sal) {
		return contactInput{}, "salutation must be mr or mrs, got " + strconv.Quote(sal)
	}
	raw, present := doc["cellPhone"]
	if !present || raw == nil {
		return contactInput{}, "cellPhone is required"
	}
	cell, ok := raw.(map[string]any)
	if !ok {
		return contactInput{}, "cellPhone must be an object"
	}
	if e := requireStrings(cell, "phoneNumber", "countryCode", "extension"); e != nil {
		return contactInput{}, "cellPhone." + e.msg
	}
	cc := str(cell, "countryCode")
	if !countryCodePattern.MatchString(cc) {
		return contactInput{}, "cellPhone.countryCode must be + and 1 to 4 digits, e.g. +91, got " + strconv.Quote(cc)
	}
	// A number already holding its country code (the stored form) is taken
	// as is: the prefix is not doubled.
	digits := strings.TrimPrefix(str(cell, "phoneNumber"), cc)
	if !allDigits(digits) {
		return contactInput{}, "cellPhone.phoneNumber must contain digits only"
	}
	return contactInput{
		firstName:   str(doc, "firstName"),
		lastName:    str(doc, "lastName"),
		salutation:  str(doc, "salutation"),
		extension:   str(cell, "extension"),
		countryCode: cc,
		phoneNumber: cc + digits,
	}, ""
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// decodeArray reads a request body that must be a non-empty JSON array.
func decodeArray(r *http.Request, what string) ([]any, *apiError) {
	data, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, badRequest("request body is larger than %d bytes", maxBodyBytes)
		}
		return nil, badRequest("reading request body: %v", err)
	}
	var arr []any
	if err := json.Unmarshal(data, &arr); err != nil || arr == nil {
		return nil, badRequest("request body must be a JSON array of %s", what)
	}
	if len(arr) == 0 {
		return nil, badRequest("request body must hold at least one %s", strings.TrimSuffix(what, "s"))
	}
	return arr, nil
}

// createContacts serves POST /contacts (create-a-contact page): the body is
// an array of contacts, all created or none. The answer is the created
// contacts, in request order.
func (s *Server) createContacts(r *http.Request, _ map[string]string) (any, *apiError) {
	recs, e := decodeArray(r, "contacts")
	if e != nil {
		return nil, e
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	inputs := make([]contactInput, len(recs))
	phones := map[string]int{} // phone number -> index of the record holding it
	for i, rec := range recs {
		m, ok := rec.(map[string]any)
		if !ok {
			return nil, badRequest("contacts[%d] must be an object", i)
		}
		in, problem := parseContactInput(m)
		if problem != "" {
			return nil, badRequest("contacts[%d]: %s", i, problem)
		}
		if j, dup := phones[in.phoneNumber]; dup {
			return nil, badRequest("contacts[%d]: phone number %s is already attached to contacts[%d] of this request", i, in.phoneNumber, j)
		}
		if other := s.activeContactByPhoneLocked(in.phoneNumber, ""); other != nil {
			return nil, badRequest("contacts[%d]: phone number %s is already attached to contact %s", i, in.phoneNumber, str(other, "id"))
		}
		phones[in.phoneNumber] = i
		inputs[i] = in
	}

	now := s.timestamp()
	out := make([]any, 0, len(inputs))
	for _, in := range inputs {
		doc := map[string]any{
			"id":             newContactID(),
			"status":         contactActive,
			"instanceBotId":  s.cfg.StreamID,
			"orgId":          s.ref.orgID,
			"accountId":      s.cfg.AccountID,
			"createdBy":      s.ref.createdBy,
			"createdByAId":   s.ref.createdByAID,
			"address":        []any{},
			"twitterDetails": []any{},
			"createdAt":      now,
		}
		s.applyContactLocked(doc, in, now)
		s.insertContactLocked(doc)
		out = append(out, copyDoc(doc))
	}
	return out, nil
}

// applyContactLocked writes a checked body onto a stored contact.
func (s *Server) applyContactLocked(doc map[string]any, in contactInput, now string) {
	doc["firstName"] = in.firstName
	doc["lastName"] = in.lastName
	doc["fullName"] = in.firstName + " " + in.lastName
	doc["salutation"] = in.salutation
	doc["cellPhone"] = map[string]any{
		"extension":   in.extension,
		"phoneNumber": in.phoneNumber,
		"countryCode": in.countryCode,
	}
	doc["updatedAt"] = now
	doc["updatedBy"] = s.ref.createdBy
	doc["updatedByAId"] = s.ref.createdByAID
}

// listContacts serves GET /contacts?skip=&limit= (get-all-contacts page), in
// creation order. INACTIVE (deleted) contacts are listed too.
func (s *Server) listContacts(r *http.Request, _ map[string]string) (any, *apiError) {
	q := r.URL.Query()
	skip, limit, e := s.skipLimit(q)
	if e != nil {
		return nil, e
	}
	skip, limit = s.readPaging(q, true, skip, limit)

	s.mu.Lock()
	defer s.mu.Unlock()
	return s.listPage(q, len(s.contactOrder), skip, limit, func(i int) any { return copyDoc(s.contacts[s.contactOrder[i]]) }), nil
}

func contactNotFound(id string) *apiError {
	return missing("Contact not found: %s", id)
}

// updateContact serves PUT /contacts/{id} (update-a-contact page). A deleted
// (INACTIVE) contact is not found.
func (s *Server) updateContact(r *http.Request, params map[string]string) (any, *apiError) {
	id := params["id"]
	body, e := decodeObject(r)
	if e != nil {
		return nil, e
	}
	in, problem := parseContactInput(body)
	if problem != "" {
		return nil, badRequest("%s", problem)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	doc := s.activeContactLocked(id)
	if doc == nil {
		return nil, contactNotFound(id)
	}
	if other := s.activeContactByPhoneLocked(in.phoneNumber, id); other != nil {
		return nil, badRequest("phone number %s is already attached to contact %s", in.phoneNumber, str(other, "id"))
	}
	s.applyContactLocked(doc, in, s.timestamp())
	return copyDoc(doc), nil
}

// bulkUpdateContacts serves PUT /contacts/bulk-update (update-bulk-contacts
// page). Records are applied one by one, in order, each on its own: a
// record whose number an earlier record of the request took fails like any
// other duplicate. Inside successfulRecords the contact's id is "_id", as in
// the page's sample.
func (s *Server) bulkUpdateContacts(r *http.Request, _ map[string]string) (any, *apiError) {
	recs, e := decodeArray(r, "contacts")
	if e != nil {
		return nil, e
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.timestamp()
	succeeded, failed := []any{}, []any{}
	fail := func(id, reason string) {
		failed = append(failed, map[string]any{"id": id, "reason": reason})
	}
	for _, rec := range recs {
		m, ok := rec.(map[string]any)
		if !ok {
			fail("", "record must be an object")
			continue
		}
		if e := requireStrings(m, "id"); e != nil {
			fail("", e.msg)
			continue
		}
		id := str(m, "id")
		doc := s.activeContactLocked(id)
		if doc == nil {
			fail(id, contactNotFoundReason)
			continue
		}
		in, problem := parseContactInput(m)
		if problem != "" {
			fail(id, problem)
			continue
		}
		if other := s.activeContactByPhoneLocked(in.phoneNumber, id); other != nil {
			fail(id, "Phone number "+in.phoneNumber+" is already attached to another contact")
			continue
		}
		s.applyContactLocked(doc, in, now)
		succeeded = append(succeeded, map[string]any{"id": id, "contact": bulkContactView(doc)})
	}
	return bulkResult(len(recs), succeeded, failed), nil
}

// bulkContactView is a stored contact as bulk-update answers it: the id is
// "_id".
func bulkContactView(doc map[string]any) map[string]any {
	out := copyDoc(doc)
	out["_id"] = out["id"]
	delete(out, "id")
	return out
}

func bulkResult(requested int, succeeded, failed []any) map[string]any {
	return map[string]any{
		"totalRequested":    requested,
		"successful":        len(succeeded),
		"failed":            len(failed),
		"successfulRecords": succeeded,
		"failedRecords":     failed,
	}
}

// deleteContact serves DELETE /contacts/{id} (delete-a-contact page): the
// contact is marked INACTIVE and answered as it now is.
func (s *Server) deleteContact(_ *http.Request, params map[string]string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc := s.softDeleteContactLocked(params["id"])
	if doc == nil {
		return nil, contactNotFound(params["id"])
	}
	return copyDoc(doc), nil
}

// bulkDeleteContacts serves DELETE /contacts/bulk-delete (bulk-delete-contacts
// page): body {"ids":[…]}, each id marked INACTIVE on its own.
func (s *Server) bulkDeleteContacts(r *http.Request, _ map[string]string) (any, *apiError) {
	body, e := decodeObject(r)
	if e != nil {
		return nil, e
	}
	raw, present := body["ids"]
	if !present || raw == nil {
		return nil, badRequest("ids is required")
	}
	list, ok := raw.([]any)
	if !ok {
		return nil, badRequest("ids must be an array of contact ids")
	}
	if len(list) == 0 {
		return nil, badRequest("ids must hold at least one contact id")
	}
	ids := make([]string, len(list))
	for i, v := range list {
		id, ok := v.(string)
		if !ok {
			return nil, badRequest("ids[%d] must be a string", i)
		}
		ids[i] = id
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	succeeded, failed := []any{}, []any{}
	for _, id := range ids {
		if s.softDeleteContactLocked(id) == nil {
			failed = append(failed, map[string]any{"id": id, "reason": contactNotFoundReason})
			continue
		}
		succeeded = append(succeeded, map[string]any{"id": id})
	}
	return bulkResult(len(ids), succeeded, failed), nil
}

// activeContactLocked returns the stored ACTIVE contact with this id, or nil.
func (s *Server) activeContactLocked(id string) map[string]any {
	doc, ok := s.contacts[id]
	if !ok || str(doc, "status") != contactActive {
		return nil
	}
	return doc
}

// activeContactByPhoneLocked finds an ACTIVE contact with this stored phone
// number, skipping the contact with id except.
func (s *Server) activeContactByPhoneLocked(phone, except string) map[string]any {
	for _, id := range s.contactOrder {
		if id == except {
			continue
		}
		if doc := s.contacts[id]; str(doc, "status") == contactActive && contactPhone(doc) == phone {
			return doc
		}
	}
	return nil
}

// contactPhone is a stored contact's cellPhone.phoneNumber.
func contactPhone(doc map[string]any) string {
	cell, _ := doc["cellPhone"].(map[string]any)
	return str(cell, "phoneNumber")
}

// softDeleteContactLocked marks an ACTIVE contact INACTIVE, as the API's
// delete does, and returns it; nil when there is no ACTIVE contact with id.
func (s *Server) softDeleteContactLocked(id string) map[string]any {
	doc := s.activeContactLocked(id)
	if doc == nil {
		return nil
	}
	doc["status"] = contactInactive
	doc["updatedAt"] = s.timestamp()
	return doc
}

func (s *Server) insertContactLocked(doc map[string]any) {
	id := str(doc, "id")
	if _, exists := s.contacts[id]; !exists {
		s.contactOrder = append(s.contactOrder, id)
	}
	s.contacts[id] = doc
}
