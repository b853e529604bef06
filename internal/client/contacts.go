package client

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// ContactsService manages contacts: create-a-contact-by-giving-details (an
// array), get-all-contacts, update-a-contact, update-bulk-contacts,
// delete-a-contact and bulk-delete-contacts (each at
// https://docs.kore.ai/ai-for-service/apis/contact-center/<page>). There is no get-one
// endpoint: read through the list.
type ContactsService service

// ContactSalutations is the documented set ("The salutation (Mr. or Mrs.)
// of the contact"; the samples send mr and mrs).
var ContactSalutations = []string{"mr", "mrs"}

// Contact is a contact as the API returns it. Create, list and update-one
// answers name the id "id"; the contact inside a bulk-update answer names it
// "_id" (update-bulk-contacts sample). Both are read.
type Contact struct {
	IDField    FlexString            `json:"id"`
	MongoID    FlexString            `json:"_id"`
	FirstName  FlexString            `json:"firstName"`
	LastName   FlexString            `json:"lastName"`
	FullName   LooseString           `json:"fullName"`
	Salutation FlexString            `json:"salutation"`
	CellPhone  FlexObject[CellPhone] `json:"cellPhone"`
	Status     FlexString            `json:"status"`
	CreatedAt  LooseString           `json:"createdAt"`
	UpdatedAt  LooseString           `json:"updatedAt"`
}

// missing names the fields every answer that describes a contact carries,
// when they are absent: its id and its number.
func (c *Contact) missing() []string {
	return absent("id", c.ID(), "cellPhone.phoneNumber", string(c.CellPhone.Value.PhoneNumber))
}

// ID is the contact's id, whichever key carried it.
func (c *Contact) ID() string {
	if c.IDField != "" {
		return string(c.IDField)
	}
	return string(c.MongoID)
}

// Active reports whether the contact exists for its users. The API deletes
// softly: a deleted contact stays, with status INACTIVE.
func (c *Contact) Active() bool { return !strings.EqualFold(string(c.Status), "INACTIVE") }

// CellPhone is a contact's mobile number. The API stores phoneNumber with
// the country code prefixed: "2445600000" sent with "+91" reads back as
// "+912445600000".
type CellPhone struct {
	PhoneNumber FlexString `json:"phoneNumber"`
	CountryCode FlexString `json:"countryCode"`
	Extension   FlexString `json:"extension"`
}

// LocalNumber is the number without the country code the API prefixes.
func (p CellPhone) LocalNumber() string {
	n, cc := string(p.PhoneNumber), string(p.CountryCode)
	if cc != "" && strings.HasPrefix(n, cc) {
		return n[len(cc):]
	}
	return n
}

// ContactRequest is one contact to create or update. Every field is
// required by the pages.
type ContactRequest struct {
	FirstName  string           `json:"firstName"`
	LastName   string           `json:"lastName"`
	Salutation string           `json:"salutation"`
	CellPhone  CellPhoneRequest `json:"cellPhone"`
}

// CellPhoneRequest is the number as sent: phoneNumber without the country
// code.
type CellPhoneRequest struct {
	PhoneNumber string `json:"phoneNumber"`
	CountryCode string `json:"countryCode"`
	Extension   string `json:"extension"`
}

// FullNumber is the number as the API stores it.
func (p CellPhoneRequest) FullNumber() string {
	if strings.HasPrefix(p.PhoneNumber, p.CountryCode) && strings.HasPrefix(p.PhoneNumber, "+") {
		return p.PhoneNumber
	}
	return p.CountryCode + p.PhoneNumber
}

// ContactUpdate is one record of a bulk update.
type ContactUpdate struct {
	ID string `json:"id"`
	ContactRequest
}

// BulkResult is the answer of bulk-update and bulk-delete: each record's
// fate.
type BulkResult struct {
	TotalRequested    FlexInt               `json:"totalRequested"`
	Successful        FlexInt               `json:"successful"`
	Failed            FlexInt               `json:"failed"`
	SuccessfulRecords FlexList[BulkSuccess] `json:"successfulRecords"`
	FailedRecords     FlexList[BulkFailure] `json:"failedRecords"`
}

// BulkSuccess is one record that was applied.
type BulkSuccess struct {
	ID      FlexString          `json:"id"`
	Contact FlexObject[Contact] `json:"contact"`
}

// BulkFailure is one record that was not. The pages show failedRecords only
// empty; the reason is read from whichever of the usual keys holds it.
type BulkFailure struct {
	ID      FlexString `json:"id"`
	Reason  FlexString `json:"reason"`
	Message FlexString `json:"message"`
	Msg     FlexString `json:"msg"`
	Error   FlexString `json:"error"`
}

// Why is the API's reason for the failure.
func (f BulkFailure) Why() string {
	for _, s := range []FlexString{f.Reason, f.Message, f.Msg, f.Error} {
		if s != "" {
			return string(s)
		}
	}
	return "the API gave no reason"
}

// ContactPage is one page of contacts. (ContactList is a campaign's
// contact list: contact_lists.go.)
type ContactPage = ListPage[Contact]

// Create adds contacts in one call. The answer is the created contacts.
func (s *ContactsService) Create(ctx context.Context, contacts []ContactRequest) ([]Contact, error) {
	var out FlexList[Contact]
	if err := s.client.do(ctx, http.MethodPost, "contacts", nil, contacts, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// ContactPageSize is how many contacts one list call asks for. Paging
// parameters of get-all-contacts are not documented; skip and limit are
// sent, and the walk goes by what each answer says (see paging.go).
const ContactPageSize = ListPageSize

// List reads one page.
func (s *ContactsService) List(ctx context.Context, skip, limit int) (*ContactPage, error) {
	return s.list(ctx, url.Values{"skip": {strconv.Itoa(skip)}, "limit": {strconv.Itoa(limit)}})
}

func (s *ContactsService) list(ctx context.Context, q url.Values) (*ContactPage, error) {
	var l ContactPage
	if err := s.client.do(ctx, http.MethodGet, "contacts", q, nil, &l); err != nil {
		return nil, err
	}
	return &l, nil
}

// ListAll reads every contact, INACTIVE ones included. A list that cannot
// be read completely (see walkList) is an *IncompleteListError: a contact
// missing from it is not known to be gone.
func (s *ContactsService) ListAll(ctx context.Context) ([]Contact, error) {
	var out []Contact
	err := s.Walk(ctx, func(c *Contact) bool {
		out = append(out, *c)
		return true
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Walk hands visit each contact, INACTIVE ones included, page by page as
// the list is read, and stops reading when visit returns false.
func (s *ContactsService) Walk(ctx context.Context, visit func(*Contact) bool) error {
	fetch := func(ctx context.Context, o ListOptions) (*ContactPage, error) { return s.list(ctx, o.query()) }
	start := pageCursor{bySkip: true, opts: ListOptions{Limit: ContactPageSize, bySkip: true}}
	return walkList(ctx, start, fetch, func(c *Contact) string { return c.ID() }, "/contacts", func(page []Contact) bool {
		for i := range page {
			if !visit(&page[i]) {
				return false
			}
		}
		return true
	})
}

// Update changes one contact.
func (s *ContactsService) Update(ctx context.Context, id string, c ContactRequest) (*Contact, error) {
	seg, err := segment("contact", id)
	if err != nil {
		return nil, err
	}
	var out Contact
	if err := s.client.do(ctx, http.MethodPut, "contacts/"+seg, nil, c, &out); err != nil {
		return nil, err
	}
	if out.ID() == "" {
		out.IDField = FlexString(id)
	}
	if err := checkComplete(http.MethodPut, "/contacts/"+seg, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// BulkUpdate changes many contacts in one call; each record succeeds or
// fails on its own.
func (s *ContactsService) BulkUpdate(ctx context.Context, updates []ContactUpdate) (*BulkResult, error) {
	var out BulkResult
	if err := s.client.do(ctx, http.MethodPut, "contacts/bulk-update", nil, updates, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Delete deletes one contact (softly: it remains, INACTIVE).
func (s *ContactsService) Delete(ctx context.Context, id string) error {
	seg, err := segment("contact", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, http.MethodDelete, "contacts/"+seg, nil, nil, nil)
}

// BulkDelete deletes many contacts in one call; each succeeds or fails on
// its own.
func (s *ContactsService) BulkDelete(ctx context.Context, ids []string) (*BulkResult, error) {
	var out BulkResult
	body := struct {
		IDs []string `json:"ids"`
	}{ids}
	if err := s.client.do(ctx, http.MethodDelete, "contacts/bulk-delete", nil, body, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
