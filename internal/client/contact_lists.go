package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/hashicorp/go-retryablehttp"
)

// ContactListsService manages the contact lists of outbound (passive voice)
// campaigns, through the Campaign Management API's v2 pages, each at
// https://docs.kore.ai/ai-for-service/apis/contact-center/<page>:
// create-contact-list-v2, get-contact-list-details-v2,
// update-contact-list-v2, delete-contact-list-details-v2,
// get-all-contact-lists-v2, get-all-contacts-of-a-contactlist-v2 and
// add-contacts-to-contact-list. A do-not-call list is a contact list that a
// campaign names among its DNC lists.
//
// The v2 pages put every endpoint below its own base path, not the
// stream's:
//
//	/campaign/api/v2/public/{streamId}/campaign/contactList/…?accountId={accountId}
//
// and answer an envelope {status, message, data}. The v1 pages
// (/agentassist/api/v1/public/{streamId}/campaign/contactList/…) document
// the same bodies; the client speaks v2.
type ContactListsService service

// contactListsCollection is what the gone rule (gone.go) records as having
// answered when a contact-list request succeeds.
const contactListsCollection = "contact-lists"

// ContactListSource is the source of every list the client creates:
// create-contact-list-v2 requires "passiveApi", a list filled through the
// API rather than from an uploaded file.
const ContactListSource = "passiveApi"

// Documented limits of create-contact-list-v2 and update-contact-list-v2.
const (
	ContactListNameMax        = 48
	ContactListDescriptionMax = 256
)

// ContactList is a contact list as the API returns it, decoded leniently:
// the fields it manages are Flex, those it only shows are Loose.
type ContactList struct {
	ID          FlexString `json:"_id"`
	Name        FlexString `json:"name"`
	Description FlexString `json:"description"`
	// AllowDuplicates is in the create, get and delete answers; the list
	// answer's entries leave it out (nil).
	AllowDuplicates *FlexBool `json:"allowDuplicates"`

	Source           LooseString                    `json:"source"`
	ListType         LooseString                    `json:"listType"`
	Status           LooseString                    `json:"status"`
	TotalRecordCount *FlexInt                       `json:"totalRecordCount"`
	IsListInUse      LooseBool                      `json:"isListInUse"`
	IsGlobalDNC      LooseBool                      `json:"isGlobalDNC"`
	CampaignInUse    LooseList[ContactListCampaign] `json:"campaignInUse"`
	// CreatedAt is in the create, get and delete answers; the list
	// answer's entries give only updatedAt.
	CreatedAt LooseString `json:"createdAt"`
	UpdatedAt LooseString `json:"updatedAt"`
}

// ContactListCampaign is a campaign that uses a list.
type ContactListCampaign struct {
	ID   FlexString `json:"id"`
	Name FlexString `json:"name"`
}

// missing names the fields every answer that describes a contact list
// carries, when they are absent.
func (l *ContactList) missing() []string {
	return absent("_id", string(l.ID), "name", string(l.Name))
}

// ContactListRequest is the body of create-contact-list-v2. Name is at most
// 48 characters and Description at most 256 (the page requires one, and
// it is always sent). Source is always
// ContactListSource. AllowDuplicates, when nil, is left out: the API then
// does not allow duplicates.
type ContactListRequest struct {
	Name            string
	Description     string
	AllowDuplicates *bool
}

type contactListBody struct {
	Name            string `json:"name"`
	Description     string `json:"description"`
	Source          string `json:"source"`
	AllowDuplicates *bool  `json:"allowDuplicates,omitempty"`
}

// ContactListUpdateRequest is the body of update-contact-list-v2: only the
// name and the description can be changed. A nil field is left out.
type ContactListUpdateRequest struct {
	Name        *string `json:"name,omitempty"`
	Description *string `json:"description,omitempty"`
}

// campaignAnswer is the envelope of every Campaign Management answer.
type campaignAnswer[T any] struct {
	Status  LooseString `json:"status"`
	Message LooseString `json:"message"`
	Data    T           `json:"data"`
}

// request builds a request for the contact-list endpoint below
// /campaign/api/v2/public/{streamId}/campaign/contactList/, with the
// accountId query parameter every v2 page prints. segments are escaped.
func (s *ContactListsService) request(ctx context.Context, method string, query url.Values, body any, segments ...string) (*retryablehttp.Request, error) {
	return s.client.campaignRequest(ctx, method, campaignRootPath, query, body, append([]string{"campaign", "contactList"}, segments...)...)
}

// campaignRequest builds a request for a path below root (a prefix
// relative to the host's root), the stream and segments (escaped), with
// query and the accountId query parameter. The headers are newRequest's,
// and the stream is in the iid header as the campaign pages send it.
func (c *Client) campaignRequest(ctx context.Context, method, root string, query url.Values, body any, segments ...string) (*retryablehttp.Request, error) {
	req, err := c.newRequest(ctx, method, "", nil, body)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	for k, v := range query {
		q[k] = v
	}
	q.Set("accountId", c.accountID)
	u := c.rootURL().JoinPath(append([]string{root, url.PathEscape(c.stream)}, segments...)...)
	u.RawQuery = q.Encode()
	req.URL = u
	req.Host = u.Host
	req.Header.Set("iId", c.stream)
	return req, nil
}

// send sends req, decodes the data of its envelope into out (when out is
// not nil), and records that the contact lists answered.
func (s *ContactListsService) send(req *retryablehttp.Request, out any) error {
	var env campaignAnswer[any]
	var target any
	if out != nil {
		env.Data = out
		target = &env
	}
	if err := s.client.send(req, target); err != nil {
		return err
	}
	s.client.answered.mark(contactListsCollection)
	return nil
}

// path is the escaped path of req, for errors.
func displayOf(req *retryablehttp.Request) string { return req.URL.EscapedPath() }

// Create makes a contact list. create-contact-list-v2 answers the list with
// its _id; an answer without it, a 5xx and a lost answer are decided by the
// one create decision (create.go). Names are not unique keys, so a list
// found by name is adopted only when it is provably the new one (created
// after the create began).
func (s *ContactListsService) Create(ctx context.Context, req ContactListRequest) (*ContactList, error) {
	body := contactListBody{Name: req.Name, Description: req.Description, Source: ContactListSource, AllowDuplicates: req.AllowDuplicates}
	k := creation[ContactList]{
		key: CreateKey{Kind: "contact list", By: "name", Value: req.Name},
		id:  func(l *ContactList) string { return string(l.ID) },
		get: s.Get,
		refused: func(ctx context.Context, postErr error) error {
			return refusedCreate(ctx, postErr, "contact list", "", "name", req.Name, func(ctx context.Context) (string, error) {
				l, err := s.FindByName(ctx, req.Name)
				if err != nil {
					return "", err
				}
				return string(l.ID), nil
			})
		},
		lookup: func(ctx context.Context, _ bool) ([]ContactList, error) { return s.createdNamed(ctx, req.Name) },
		post: func(ctx context.Context, out *ContactList) error {
			r, err := s.request(ctx, http.MethodPost, nil, body, "createContactList")
			if err != nil {
				return err
			}
			return s.send(r, out)
		},
	}
	return create(ctx, s.client, "", nil, k)
}

// maxCreatedAtReads bounds the reads the lookup after an uncertain create
// makes to learn when each same-named list was created.
const maxCreatedAtReads = 5

// createdNamed is the lookup after an uncertain create: every list named
// name. The list answer gives no createdAt (get-all-contact-lists-v2's
// entries carry only updatedAt), so each list found is read (up to
// maxCreatedAtReads of them) for its createdAt: the decision adopts a list
// only when it is provably the new one.
func (s *ContactListsService) createdNamed(ctx context.Context, name string) ([]ContactList, error) {
	found, err := s.named(ctx, name)
	if err != nil {
		return nil, err
	}
	if len(found) == 0 {
		return nil, &NotListedError{Kind: "contact list", By: "name", Value: name}
	}
	if len(found) > maxCreatedAtReads {
		return found, nil
	}
	for i := range found {
		if found[i].CreatedAt != "" {
			continue
		}
		full, err := s.Get(ctx, string(found[i].ID))
		if err != nil {
			return nil, fmt.Errorf("reading the contact list %s to learn when it was created: %w", found[i].ID, err)
		}
		found[i] = *full
	}
	return found, nil
}

// Get reads one contact list (get-contact-list-details-v2).
func (s *ContactListsService) Get(ctx context.Context, id string) (*ContactList, error) {
	seg, err := segment("contact list", id)
	if err != nil {
		return nil, err
	}
	req, err := s.request(ctx, http.MethodGet, nil, nil, seg)
	if err != nil {
		return nil, err
	}
	var l ContactList
	if err := s.send(req, &l); err != nil {
		return nil, err
	}
	if err := checkComplete(http.MethodGet, displayOf(req), &l); err != nil {
		return nil, err
	}
	return &l, nil
}

// Update changes a list's name and description (update-contact-list-v2),
// the only fields that page lets change. Its answer echoes part of the
// request ({contactListId, body}) and does not describe the list, so it is
// not read: a caller that needs the list as stored reads it with Get.
func (s *ContactListsService) Update(ctx context.Context, id string, req ContactListUpdateRequest) error {
	seg, err := segment("contact list", id)
	if err != nil {
		return err
	}
	r, err := s.request(ctx, http.MethodPut, nil, req, seg)
	if err != nil {
		return err
	}
	return s.send(r, nil)
}

// Delete removes a contact list (delete-contact-list-details-v2).
func (s *ContactListsService) Delete(ctx context.Context, id string) error {
	seg, err := segment("contact list", id)
	if err != nil {
		return err
	}
	r, err := s.request(ctx, http.MethodDelete, nil, nil, seg)
	if err != nil {
		return err
	}
	return s.send(r, nil)
}

// List reads every contact list of voice campaigns (get-all-contact-lists-v2:
// a POST with type=call and no body, answering all of them at once: the
// page documents no paging). An entry without an _id or a name is an
// error.
func (s *ContactListsService) List(ctx context.Context) ([]ContactList, error) {
	r, err := s.request(ctx, http.MethodPost, url.Values{"type": {"call"}}, nil, "getAllListDetails")
	if err != nil {
		return nil, err
	}
	var lists FlexList[ContactList]
	if err := s.send(r, &lists); err != nil {
		return nil, err
	}
	for i := range lists {
		if m := lists[i].missing(); len(m) > 0 {
			return nil, &DecodeError{Method: http.MethodPost, Path: displayOf(r),
				Reason: fmt.Sprintf("entry %d of the list has no %s", i+1, strings.Join(m, ", "))}
		}
	}
	return lists, nil
}

// named is every list named exactly name (case-sensitive).
func (s *ContactListsService) named(ctx context.Context, name string) ([]ContactList, error) {
	all, err := s.List(ctx)
	if err != nil {
		return nil, err
	}
	var out []ContactList
	for _, l := range all {
		if string(l.Name) == name {
			out = append(out, l)
		}
	}
	return out, nil
}

// FindByName is the one list named exactly name, by the name policy
// (OneNamed): a *NotListedError when none is, an *AmbiguousNameError
// listing every id when several are.
func (s *ContactListsService) FindByName(ctx context.Context, name string) (*ContactList, error) {
	found, err := s.named(ctx, name)
	if err != nil {
		return nil, err
	}
	return OneNamed("contact list", "", name, found, func(l *ContactList) string { return string(l.ID) })
}

// Gone reports whether err, the failure of a request about the list id,
// proves that the list no longer exists (see gone.go). Otherwise it answers
// err, or a *StreamError.
func (s *ContactListsService) Gone(ctx context.Context, id string, err error) (bool, error) {
	return s.client.gone(ctx, err, contactListsCollection, func(ctx context.Context) (bool, error) {
		all, err := s.List(ctx)
		if err != nil {
			return false, err
		}
		for _, l := range all {
			if string(l.ID) == id {
				return true, nil
			}
		}
		return false, nil
	})
}

// numberDigits is the digits of a phone number: the API may store a number
// without its + or separators, so numbers are compared by them.
func numberDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
