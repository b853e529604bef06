package client

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// The numbers of a contact list: get-all-contacts-of-a-contactlist-v2 reads
// them, and add-contacts-to-contact-list adds some (Add Contacts to Contact
// List API, https://docs.kore.ai/ai-for-service/apis/contact-center/add-contacts-to-contact-list).
// The API removes none: no page documents a removal.
//
// The add page differs from the others in three ways:
//   - it names the list by its name (contact_list_name), not its id, so a
//     name that several lists share does not say which list the numbers go
//     to: the client refuses to add then (see AddNumbers);
//   - it is asynchronous: it answers "in progress", and the numbers appear
//     in the list later (see WaitForNumbers);
//   - it prints the endpoint with an /api/1.1/public/{IID}/ prefix, where
//     every other contact-list page prints /campaign/api/v2/public/{streamId}/.
//     The client posts to the v2 base like the rest; when that answers 404
//     (nothing was added: no such route), it posts once to the printed
//     prefix, and remembers which answered (campaign_prefix.go).

// ContactListNumber is one number of a contact list.
type ContactListNumber struct {
	ID          FlexString  `json:"_id"`
	PhoneNumber FlexString  `json:"phoneNumber"`
	CreatedAt   LooseString `json:"createdAt"`
	UpdatedAt   LooseString `json:"updatedAt"`
}

func (n *ContactListNumber) missing() []string {
	return absent("_id", string(n.ID), "phoneNumber", string(n.PhoneNumber))
}

// ContactListNumberPage is one page of a list's numbers.
type ContactListNumberPage = ListPage[ContactListNumber]

// NumbersPage reads one page of the numbers of the list id. The page
// documents no paging parameters; its answer counts by skip, so skip and
// limit are sent.
func (s *ContactListsService) NumbersPage(ctx context.Context, id string, opts ListOptions) (*ContactListNumberPage, error) {
	seg, err := segment("contact list", id)
	if err != nil {
		return nil, err
	}
	r, err := s.request(ctx, http.MethodGet, opts.query(), nil, seg, "getAllContacts")
	if err != nil {
		return nil, err
	}
	var p ContactListNumberPage
	if err := s.send(r, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// Numbers reads every number of the list id, walking its pages by what
// each answer says (walker.go).
func (s *ContactListsService) Numbers(ctx context.Context, id string) ([]ContactListNumber, error) {
	var out []ContactListNumber
	fetch := func(ctx context.Context, o ListOptions) (*ContactListNumberPage, error) {
		return s.NumbersPage(ctx, id, o)
	}
	start := pageCursor{bySkip: true, opts: ListOptions{Limit: ListPageSize, bySkip: true}}
	err := walkList(ctx, start, fetch, func(n *ContactListNumber) string { return string(n.ID) },
		"/campaign/contactList/"+id+"/getAllContacts", func(page []ContactListNumber) bool {
			out = append(out, page...)
			return true
		})
	if err != nil {
		return nil, err
	}
	return out, nil
}

type addContactsBody struct {
	ContactListName string           `json:"contact_list_name"`
	Data            []addContactItem `json:"data"`
}

type addContactItem struct {
	PhoneNumber string `json:"phoneNumber"`
}

// AddNumbers asks the API to add numbers to the list id, and returns once
// the API has taken the request; the numbers appear later (WaitForNumbers).
// The add names the list by its name, so the list is first found in the
// list of lists (one call): an id that is not there is a *NotListedError,
// and a name that other lists share an *AmbiguousNameError, with nothing
// sent.
func (s *ContactListsService) AddNumbers(ctx context.Context, id string, numbers []string) error {
	if len(numbers) == 0 {
		return nil
	}
	all, err := s.List(ctx)
	if err != nil {
		return err
	}
	var name string
	for _, l := range all {
		if string(l.ID) == id {
			name = string(l.Name)
		}
	}
	if name == "" {
		return &NotListedError{Kind: "contact list", By: "id", Value: id}
	}
	var same []ContactList
	for _, l := range all {
		if string(l.Name) == name {
			same = append(same, l)
		}
	}
	if len(same) > 1 {
		return ambiguous("contact list", "", name, same, func(l *ContactList) string { return string(l.ID) },
			"numbers are added to a list by its name, so the API cannot be told which of them to add to; rename all but one")
	}
	body := addContactsBody{ContactListName: name, Data: make([]addContactItem, len(numbers))}
	for i, n := range numbers {
		body.Data[i] = addContactItem{PhoneNumber: n}
	}
	return s.client.campaignAtEither(ctx, routeAddContacts, func(ctx context.Context, root string) error {
		r, err := s.client.campaignRequest(ctx, http.MethodPost, root, nil, body, "campaign", "contactList", "addContacts")
		if err != nil {
			return err
		}
		return s.client.send(r, nil)
	})
}

// NumbersWait bounds WaitForNumbers.
type NumbersWait struct {
	// Interval is the time between two reads of the list's numbers; zero
	// means DefaultNumbersWaitInterval.
	Interval time.Duration
	// Timeout is how long to wait in all; zero means
	// DefaultNumbersWaitTimeout.
	Timeout time.Duration
	// Progress, when set, is told after each read how many of the numbers
	// are in the list.
	Progress func(present, wanted int)
}

// Defaults of NumbersWait.
const (
	DefaultNumbersWaitInterval = 5 * time.Second
	DefaultNumbersWaitTimeout  = 5 * time.Minute
)

// NumbersPendingError says that numbers added to a list did not all appear
// in it within the wait.
type NumbersPendingError struct {
	ListID  string
	Missing []string
	Waited  time.Duration
}

func (e *NumbersPendingError) Error() string {
	return fmt.Sprintf("after %s, %d of the numbers added to the contact list %s are not in it yet: %s",
		e.Waited, len(e.Missing), e.ListID, strings.Join(e.Missing, ", "))
}

// WaitForNumbers reads the numbers of the list id until every one of
// numbers is among them (compared by their digits: the API may store a
// number without its + or separators), on the client's clock, every
// w.Interval for at most w.Timeout. It answers the list's numbers when
// they are all there, a *NumbersPendingError when the time is up, and the
// context's error when ctx ends (Ctrl-C stops the wait).
func (s *ContactListsService) WaitForNumbers(ctx context.Context, id string, numbers []string, w NumbersWait) ([]ContactListNumber, error) {
	if w.Interval <= 0 {
		w.Interval = DefaultNumbersWaitInterval
	}
	if w.Timeout <= 0 {
		w.Timeout = DefaultNumbersWaitTimeout
	}
	began := s.client.now()
	for {
		got, err := s.Numbers(ctx, id)
		if err != nil {
			return nil, err
		}
		missing := missingNumbers(numbers, got)
		if w.Progress != nil {
			w.Progress(len(numbers)-len(missing), len(numbers))
		}
		if len(missing) == 0 {
			return got, nil
		}
		waited := s.client.now().Sub(began)
		if waited+w.Interval > w.Timeout {
			return nil, &NumbersPendingError{ListID: id, Missing: missing, Waited: waited}
		}
		if err := s.client.limiter.sleep(ctx, w.Interval); err != nil {
			return nil, err
		}
	}
}

// missingNumbers are the numbers of want that no entry of got has.
func missingNumbers(want []string, got []ContactListNumber) []string {
	have := make(map[string]bool, len(got))
	for _, n := range got {
		have[numberDigits(string(n.PhoneNumber))] = true
	}
	var missing []string
	for _, n := range want {
		if !have[numberDigits(n)] {
			missing = append(missing, n)
		}
	}
	return missing
}
