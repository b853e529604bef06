package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
	"github.com/koreai/terraform-provider-smartassist/internal/coalesce"
)

// Contact writes are coalesced into bulk calls, which the account's 60
// requests a minute make worth a short wait (the costs are in
// templates/guides/rate-limits.md.tmpl).
const (
	// contactBatchQuiet is how long a batch waits for the next write: on a
	// loaded machine Terraform's parallel operations were seen arriving
	// more than 100 ms apart.
	contactBatchQuiet   = 250 * time.Millisecond
	contactBatchMaxWait = time.Second
	// contactBatchMax is the largest batch sent in one call.
	contactBatchMax = 25
	// contactWriteTimeout bounds one bulk call, retries and rate-limit
	// waits included.
	contactWriteTimeout = 10 * time.Minute
)

// contactStore is shared by every contact resource and data source of one
// provider process. It reads all contacts once (there is no get-one
// endpoint) and shares that list among all reads until a write makes it
// stale, and it batches creates, updates and deletes.
type contactStore struct {
	client  *client.Client
	creates *coalesce.Batcher[client.ContactRequest, client.Contact]
	updates *coalesce.Batcher[client.ContactUpdate, client.Contact]
	deletes *coalesce.Batcher[string, struct{}]

	mu         sync.Mutex
	list       []client.Contact // nil until loaded
	loading    *coalesce.Load[[]client.Contact]
	generation int
}

func newContactStore(c *client.Client, clk coalesce.Clock) *contactStore {
	s := &contactStore{client: c}
	s.creates = newContactBatcher(clk, s.runCreates)
	s.updates = newContactBatcher(clk, s.runUpdates)
	s.deletes = newContactBatcher(clk, s.runDeletes)
	return s
}

func newContactBatcher[Req, Res any](clk coalesce.Clock, run func(context.Context, []Req) []coalesce.Result[Res]) *coalesce.Batcher[Req, Res] {
	return &coalesce.Batcher[Req, Res]{Clock: clk, Quiet: contactBatchQuiet, MaxWait: contactBatchMaxWait,
		Max: contactBatchMax, Timeout: contactWriteTimeout, Run: run, NotSent: notSent}
}

// notSent is the error of a write whose caller was interrupted before its
// batch was sent.
func notSent(err error) error {
	return client.NotSent(fmt.Errorf("interrupted before the request was sent, so nothing was changed: %w", err))
}

// all returns every contact, INACTIVE ones included, reading the list at
// most once until the next write. The read is shared by every caller that
// wants it meanwhile, and runs until the last of them gives up.
func (s *contactStore) all(ctx context.Context) ([]client.Contact, error) {
	for {
		s.mu.Lock()
		if s.list != nil {
			list := s.list
			s.mu.Unlock()
			return list, nil
		}
		l, first := s.loading, false
		if l == nil {
			l, first = coalesce.NewLoad[[]client.Contact](ctx), true
			s.loading = l
			gen := s.generation
			l.Run(func(ctx context.Context) ([]client.Contact, error) {
				list, err := s.client.Contacts.ListAll(ctx)
				if err == nil && list == nil {
					list = []client.Contact{}
				}
				s.mu.Lock()
				defer s.mu.Unlock()
				if s.loading == l {
					s.loading = nil
				}
				if err == nil && gen == s.generation {
					s.list = list
				}
				return list, err
			})
		}
		s.mu.Unlock()
		list, err := l.Wait(ctx, first)
		if errors.Is(err, coalesce.ErrAbandoned) {
			continue
		}
		return list, err
	}
}

// get finds one contact. ok is false when it does not exist or was deleted.
func (s *contactStore) get(ctx context.Context, id string) (c client.Contact, ok bool, err error) {
	list, err := s.all(ctx)
	if err != nil {
		return c, false, err
	}
	for _, c := range list {
		if c.ID() == id {
			return c, c.Active(), nil
		}
	}
	return c, false, nil
}

func (s *contactStore) invalidate() {
	s.mu.Lock()
	s.list, s.loading = nil, nil // a read begun before the write is stale
	s.generation++
	s.mu.Unlock()
}

// runCreates sends one create for the whole batch. The API validates the
// array as a whole, so when it refuses a batch of several, each contact is
// sent again on its own: only the bad ones fail, with the API's reason.
// When a call may have created contacts without saying so (no answer, a
// 5xx, an interrupted call), or its answer does not pair a contact with
// its request by phone number (see matchCreated), they are looked for in
// the list by phone number, which the API keeps unique.
func (s *contactStore) runCreates(ctx context.Context, reqs []client.ContactRequest) []coalesce.Result[client.Contact] {
	defer s.invalidate()
	created, err := s.client.Contacts.Create(ctx, reqs)
	out := make([]coalesce.Result[client.Contact], len(reqs))
	unsure := map[int]error{} // records a call may have created without saying which contact is theirs
	switch {
	case err == nil:
		out = matchCreated(reqs, created)
		for i := range out {
			if out[i].Err != nil {
				unsure[i], out[i].Err = out[i].Err, nil
			}
		}
	case client.NeverSent(err):
		// Never left (Ctrl-C during the wait for the rate limit, say):
		// nothing was created, and there is nothing to look for.
		for i := range reqs {
			out[i].Err = err
		}
	case !client.IsClientError(err): // a 4xx created nothing; anything else may have
		for i := range reqs {
			unsure[i] = err
		}
	case len(reqs) == 1:
		out[0].Err = err
	default:
		for i, r := range reqs {
			one, err := s.client.Contacts.Create(ctx, []client.ContactRequest{r})
			switch {
			case err == nil:
				out[i] = matchCreated(reqs[i:i+1], one)[0]
			case client.IsClientError(err):
				out[i].Err = err
			default:
				unsure[i] = err
			}
		}
	}
	s.explainRefused(ctx, reqs, out)
	if len(unsure) == 0 {
		return out
	}
	// Look for them on the batch's context while it lives, and even when
	// every caller was interrupted (Ctrl-C), for client.CreateLookupBound
	// more: Terraform waits for in-flight operations, so a contact that
	// exists reaches the state, or the error names its number.
	lookupCtx, cancel := s.client.CreateLookupContext(ctx)
	defer cancel()
	all, lookupErr := s.client.Contacts.ListAll(lookupCtx)
	for i, err := range unsure {
		number := reqs[i].CellPhone.FullNumber()
		if lookupErr != nil {
			out[i].Err = fmt.Errorf("%w; the contact may have been created, and looking it up failed: %v. "+
				"Check the contacts with the number %s and import it (terraform import <address> <id>) rather than create it twice",
				err, lookupErr, number)
			continue
		}
		if c, ok := findByNumber(all, number); ok {
			out[i].Val = c
			continue
		}
		out[i].Err = fmt.Errorf("%w (no contact with the number %s exists afterwards, so none was created)", err, number)
	}
	return out
}

// matchCreated pairs each request with its contact in a create answer by
// phone number, which the API keeps unique; by position only in a batch of
// one, where no other contact can be taken for it. A request the answer
// does not pair gets an error (the caller looks it up through the list).
func matchCreated(reqs []client.ContactRequest, created []client.Contact) []coalesce.Result[client.Contact] {
	out := make([]coalesce.Result[client.Contact], len(reqs))
	for i, r := range reqs {
		if c, ok := findByNumber(created, r.CellPhone.FullNumber()); ok {
			out[i].Val = c
		} else if len(reqs) == 1 && len(created) == 1 && created[0].ID() != "" {
			out[i].Val = created[0]
		} else {
			out[i].Err = fmt.Errorf("the create answer does not include the contact with the number %s", r.CellPhone.FullNumber())
		}
	}
	return out
}

func findByNumber(contacts []client.Contact, full string) (client.Contact, bool) {
	for _, c := range contacts {
		if c.Active() && c.ID() != "" && hasNumber(c, full) {
			return c, true
		}
	}
	return client.Contact{}, false
}

// hasNumber reports whether c's number is full (as the API stores it),
// with or without its country code prefixed.
func hasNumber(c client.Contact, full string) bool {
	want := digitsOnly(full)
	p := c.CellPhone.Value
	return want != "" && (digitsOnly(string(p.PhoneNumber)) == want || digitsOnly(string(p.CountryCode)+p.LocalNumber()) == want)
}

// runUpdates sends one bulk update; each record succeeds or fails on its
// own, with the API's reason.
func (s *contactStore) runUpdates(ctx context.Context, updates []client.ContactUpdate) []coalesce.Result[client.Contact] {
	defer s.invalidate()
	out := make([]coalesce.Result[client.Contact], len(updates))
	res, err := s.client.Contacts.BulkUpdate(ctx, updates)
	if err != nil {
		for i := range out {
			out[i].Err = err
		}
		return out
	}
	ok := map[string]client.Contact{}
	for _, r := range res.SuccessfulRecords {
		c := r.Contact.Value
		id := string(r.ID)
		if id == "" {
			id = c.ID()
		}
		if c.ID() == "" {
			c.IDField = client.FlexString(id)
		}
		ok[id] = c
	}
	failed := map[string]string{}
	for _, f := range res.FailedRecords {
		failed[string(f.ID)] = f.Why()
	}
	var unreported []int
	for i, u := range updates {
		switch c, done := ok[u.ID]; {
		case done:
			out[i].Val = c
		case failed[u.ID] != "":
			out[i].Err = fmt.Errorf("the API refused the update of contact %s: %s", u.ID, failed[u.ID])
		default:
			unreported = append(unreported, i)
		}
	}
	if len(unreported) == 0 {
		return out
	}
	// The answer proves nothing of these: the list says whether each now
	// holds what was sent.
	all, listErr := s.client.Contacts.ListAll(ctx)
	for _, i := range unreported {
		u := updates[i]
		what := fmt.Sprintf("the bulk update's answer reports contact %s neither updated nor failed", u.ID)
		if listErr != nil {
			out[i].Err = fmt.Errorf("%s, and reading the contacts to check it failed: %w", what, listErr)
			continue
		}
		c, found := contactByID(all, u.ID)
		if found && c.Active() && updated(c, u) {
			out[i].Val = c
			continue
		}
		out[i].Err = fmt.Errorf("%s, and the contacts list does not show it updated", what)
	}
	return out
}

// contactByID finds a contact in a list.
func contactByID(all []client.Contact, id string) (client.Contact, bool) {
	for _, c := range all {
		if c.ID() == id {
			return c, true
		}
	}
	return client.Contact{}, false
}

// updated reports whether c holds what u sent (its number as the API
// stores it, the salutation in any case).
func updated(c client.Contact, u client.ContactUpdate) bool {
	return string(c.FirstName) == u.FirstName && string(c.LastName) == u.LastName &&
		strings.EqualFold(string(c.Salutation), u.Salutation) && hasNumber(c, u.CellPhone.FullNumber())
}

// runDeletes sends one bulk delete. Only the ids the answer lists as
// successful are taken as deleted: for any other (reported failed, or not
// reported at all, as in an answer of {}), the list says whether the
// contact is in fact gone (already deleted, or unknown), which is what a
// delete wants. When the list cannot be read whole, or still holds the
// contact ACTIVE, the delete fails and the contact stays in the state. The
// reason's wording is not relied on.
func (s *contactStore) runDeletes(ctx context.Context, ids []string) []coalesce.Result[struct{}] {
	defer s.invalidate()
	out := make([]coalesce.Result[struct{}], len(ids))
	res, err := s.client.Contacts.BulkDelete(ctx, ids)
	if err != nil {
		for i := range out {
			out[i].Err = err
		}
		return out
	}
	deleted := map[string]bool{}
	for _, r := range res.SuccessfulRecords {
		id := string(r.ID)
		if id == "" {
			id = r.Contact.Value.ID()
		}
		deleted[id] = true
	}
	failed := map[string]string{}
	for _, f := range res.FailedRecords {
		failed[string(f.ID)] = f.Why()
	}
	var unproven []int
	for i, id := range ids {
		if !deleted[id] {
			unproven = append(unproven, i)
		}
	}
	if len(unproven) == 0 {
		return out
	}
	all, listErr := s.client.Contacts.ListAll(ctx)
	for _, i := range unproven {
		id := ids[i]
		what := fmt.Sprintf("the bulk delete's answer does not report contact %s as deleted", id)
		if why, bad := failed[id]; bad {
			what = fmt.Sprintf("the API refused to delete contact %s: %s", id, why)
		}
		if listErr != nil {
			out[i].Err = fmt.Errorf("%s, and reading the contacts to check whether it still exists failed: %w. It stays in the state", what, listErr)
			continue
		}
		if c, found := contactByID(all, id); found && c.Active() {
			out[i].Err = fmt.Errorf("%s, and it still exists. It stays in the state", what)
		}
	}
	return out
}

// explainRefused looks, with one read of the list, for the contacts whose
// create the API refused (client.IsRefusal): a contact that exists with the
// number, most likely made by an earlier apply that was stopped, turns the
// refusal into a *client.ExistsError naming it. The refusal's status and
// text decide nothing. When the lookup fails, each refusal says so.
func (s *contactStore) explainRefused(ctx context.Context, reqs []client.ContactRequest, out []coalesce.Result[client.Contact]) {
	var all []client.Contact
	var listErr error
	read := false
	for i := range out {
		if !client.IsRefusal(out[i].Err) {
			continue
		}
		if !read {
			all, listErr = s.client.Contacts.ListAll(ctx)
			read = true
		}
		number := reqs[i].CellPhone.FullNumber()
		if listErr != nil {
			out[i].Err = fmt.Errorf("%w (looking for an existing contact with the number %s failed: %w)", out[i].Err, number, listErr)
			continue
		}
		if c, ok := findByNumber(all, number); ok {
			out[i].Err = &client.ExistsError{Kind: "contact", By: "phone number", Value: number, ID: c.ID(), Err: out[i].Err}
		}
	}
}
