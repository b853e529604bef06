package emulator

import (
	"net/http"
	"strings"
)

// Contact lists of the Campaign Management API, as the v2 pages describe
// them: "Create Contact List (v2)"
// (https://docs.kore.ai/ai-for-service/apis/contact-center/create-contact-list-v2),
// "Get Contact List Details (v2)" (…/get-contact-list-details-v2), "Update
// Contact List (v2)" (…/update-contact-list-v2), "Delete Contact List
// Details (v2)" (…/delete-contact-list-details-v2), "Get All Contact List
// Details (v2)" (…/get-all-contact-lists-v2), "Add Contacts to a Contact
// List" (…/add-contacts-to-contact-list) and "Get Contacts of Contact List
// (v2)" (…/get-all-contacts-of-a-contactlist-v2).
//
// A stored list carries its id as "id"; the views answer it as "_id". The
// numbers on a list are kept apart, in s.listNumbers, and counted into
// totalRecordCount. Campaigns name lists by name, so list names are
// unique (ignoring case); a campaign keeps the lists it names by id, so
// it follows a renamed list, and a list a campaign names cannot be
// deleted.

// Limits the pages give for contact list (and campaign) text.
const (
	maxCampaignNameLen        = 48
	maxCampaignDescriptionLen = 256
)

// contactListSource is the only source the create page allows.
const contactListSource = "passiveApi"

func newContactListID() string { return "cl-" + newUUIDish(7) }
func newListContactID() string { return "cc-" + newUUIDish(8) }
func contactListNotFound(id string) *apiError {
	return missing("Contact list not found: %s", id)
}

// contactListMapping is the field mapping of a list made through the API,
// as every passiveApi sample shows it.
func contactListMapping() map[string]any {
	return map[string]any{
		"firstName": "firstName", "lastName": "lastName", "phoneNumber": "phoneNumber",
		"timeZone": "timeZone", "uniqueId": "uniqueId", "contactPriority": "contactPriority",
	}
}

// dataSyncMode is apiConfigurations.dataSyncMode for allowDuplicates: the
// samples show "allowDuplicates" for true; "dontAllowDuplicates" is the
// value a Kore sample shows for a list that refuses them.
func dataSyncMode(allow bool) string {
	if allow {
		return "allowDuplicates"
	}
	return "dontAllowDuplicates"
}

func (s *Server) uniqueContactListNameLocked(name, except string) *apiError {
	if s.contactLists.byName(name, except) != nil {
		return duplicateKey("Contact list with name %s already exists", name)
	}
	return nil
}

// createContactList serves POST /campaign/contactList/createContactList:
// name (at most 48 characters), description (at most 256), source (must
// be "passiveApi") are required; allowDuplicates is an optional boolean,
// false by default. The answer is the new list in the get shape.
func (s *Server) createContactList(r *http.Request, _ map[string]string) (any, *apiError) {
	body, e := decodeObject(r)
	if e != nil {
		return nil, e
	}
	name, e := requiredText(body, "name", maxCampaignNameLen)
	if e != nil {
		return nil, e
	}
	desc, e := requiredText(body, "description", maxCampaignDescriptionLen)
	if e != nil {
		return nil, e
	}
	source, e := requiredText(body, "source", 0)
	if e != nil {
		return nil, e
	}
	if source != contactListSource {
		return nil, badRequest("source must be %q, got %q", contactListSource, source)
	}
	allow, e := optionalBool(body, "allowDuplicates", "allowDuplicates", false)
	if e != nil {
		return nil, e
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.uniqueContactListNameLocked(name, ""); e != nil {
		return nil, e
	}
	now := s.timestamp()
	doc := map[string]any{
		"id":                newContactListID(),
		"isActive":          true,
		"name":              name,
		"description":       desc,
		"status":            "Ready",
		"createdBy":         s.ref.createdBy,
		"updatedBy":         s.ref.createdBy,
		"mapping":           contactListMapping(),
		"listType":          "call",
		"isGlobalDNC":       false,
		"isDefault":         false,
		"source":            contactListSource,
		"apiConfigurations": map[string]any{"dataSyncMode": dataSyncMode(allow)},
		"columns":           []any{},
		"files":             []any{},
		"createdAt":         now,
		"updatedAt":         now,
		"allowDuplicates":   allow,
	}
	s.contactLists.put(doc)
	return campaignOK("Contact list "+name+" created successfully", s.contactListViewLocked(doc)), nil
}

// getContactList serves GET /campaign/contactList/{id}.
func (s *Server) getContactList(_ *http.Request, params map[string]string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.contactLists.get(params["id"])
	if !ok {
		return nil, contactListNotFound(params["id"])
	}
	return campaignOK("", s.contactListViewLocked(doc)), nil
}

// listContactLists serves POST /campaign/contactList/getAllListDetails
// ?type=call: every list, in creation order, in the list shape (no
// isActive, createdBy, updatedBy, isGlobalDNC, isDefault, createdAt or
// allowDuplicates), unpaged, as the sample answers. type may be left out;
// any type but "call" is refused, as the page allows only "call".
func (s *Server) listContactLists(r *http.Request, _ map[string]string) (any, *apiError) {
	if t := r.URL.Query().Get("type"); t != "" && t != "call" {
		return nil, badRequest(`type must be "call", got %q`, t)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]any, 0, s.contactLists.len())
	for _, doc := range s.contactLists.all() {
		v := s.contactListViewLocked(doc)
		for _, k := range []string{"isActive", "createdBy", "updatedBy", "isGlobalDNC", "isDefault", "createdAt", "allowDuplicates"} {
			delete(v, k)
		}
		out = append(out, v)
	}
	return campaignOK("", out), nil
}

// updateContactList serves PUT /campaign/contactList/{id}: name and
// description, both optional with the create's limits, are all it
// changes (other members are ignored). The answer is the page's partial
// object, {contactListId, body:{name, description (when sent), scope,
// orgId, iId, listType, accountId, updatedBy}}, not the list.
func (s *Server) updateContactList(r *http.Request, params map[string]string) (any, *apiError) {
	id := params["id"]
	body, e := decodeObject(r)
	if e != nil {
		return nil, e
	}
	name, e := optionalText(body, "name", maxCampaignNameLen)
	if e != nil {
		return nil, e
	}
	_, nameSent := body["name"]
	if nameSent && strings.TrimSpace(name) == "" && body["name"] != nil {
		return nil, badRequest("name must not be empty")
	}
	desc, e := optionalText(body, "description", maxCampaignDescriptionLen)
	if e != nil {
		return nil, e
	}
	_, descSent := body["description"]
	descSent = descSent && body["description"] != nil
	nameSent = nameSent && body["name"] != nil

	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.contactLists.get(id)
	if !ok {
		return nil, contactListNotFound(id)
	}
	if nameSent {
		if e := s.uniqueContactListNameLocked(name, id); e != nil {
			return nil, e
		}
		doc["name"] = name
	}
	if descSent {
		doc["description"] = desc
	}
	doc["updatedAt"] = s.timestamp()
	doc["updatedBy"] = s.ref.createdBy
	echo := map[string]any{
		"name":      doc["name"],
		"scope":     []any{"campaign_management"},
		"orgId":     s.ref.orgID,
		"iId":       s.cfg.StreamID,
		"listType":  "call",
		"accountId": s.cfg.AccountID,
		"updatedBy": s.ref.createdBy,
	}
	if descSent {
		echo["description"] = desc
	}
	return campaignOK("Contact list "+str(doc, "name")+" updated successfully",
		map[string]any{"contactListId": id, "body": echo}), nil
}

// deleteContactList serves DELETE /campaign/contactList/{id}; the answer is
// the list as it was, in the get shape. A list that a campaign names (as a
// contact list or its DNC list) is refused with a 400 naming the
// campaigns: the pages are silent, and a campaign would otherwise name a
// list that is gone.
func (s *Server) deleteContactList(_ *http.Request, params map[string]string) (any, *apiError) {
	id := params["id"]
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.contactLists.get(id)
	if !ok {
		return nil, contactListNotFound(id)
	}
	if users := s.campaignsUsingListLocked(str(doc, "id")); len(users) > 0 {
		names := make([]string, len(users))
		for i, u := range users {
			names[i] = str(u.(map[string]any), "name")
		}
		return nil, badRequest("Contact list %s is in use by campaigns: %s", str(doc, "name"), strings.Join(names, ", "))
	}
	out := s.contactListViewLocked(doc)
	s.contactLists.remove(id)
	delete(s.listNumbers, id)
	return campaignOK("Contact list "+str(doc, "name")+" deleted successfully", out), nil
}

// contactListViewLocked is a list in the get shape: the stored record with
// "_id" for "id", its number count and the campaigns that name it.
func (s *Server) contactListViewLocked(doc map[string]any) map[string]any {
	out := copyDoc(doc)
	out["_id"] = out["id"]
	delete(out, "id")
	out["totalRecordCount"] = len(s.listNumbers[str(doc, "id")])
	users := s.campaignsUsingListLocked(str(doc, "id"))
	out["campaignInUse"] = users
	out["isListInUse"] = len(users) > 0
	return out
}
