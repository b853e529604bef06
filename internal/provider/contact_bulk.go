package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
	"github.com/koreai/terraform-provider-smartassist/internal/coalesce"
)

// Contact writes are coalesced into bulk calls, which the account's 60
// requests a minute make worth a short wait (the costs are in
// templates/guides/rate-limits.md.tmpl). What a bulk answer proves is read
// by one function each: matchCreated for a create's answer, readBulkAnswer
// for a bulk update's or delete's; what a create that may have made
// contacts without saying so made is decided by the client's
// DecideCreated, as for every other kind.
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

func newContactBatcher[Req, Res any](clk coalesce.Clock, run func(context.Context, []Req) []coalesce.Result[Res]) *coalesce.Batcher[Req, Res] {
	return &coalesce.Batcher[Req, Res]{Clock: clk, Quiet: contactBatchQuiet, MaxWait: contactBatchMaxWait,
		Max: contactBatchMax, Timeout: contactWriteTimeout, Run: run, NotSent: notSent}
}

// notSent is the error of a write whose caller was interrupted before its
// batch was sent.
func notSent(err error) error {
	return client.NotSent(fmt.Errorf("interrupted before the request was sent, so nothing was changed: %w", err))
}

// contactCreate is what became of one contact's create: the answer that
// decides it (client.AnswerOf) and the POST's error.
type contactCreate struct {
	answer client.CreateAnswer
	err    error
}

// runCreates sends one create for the whole batch. The API validates the
// array as a whole, so when it refuses a batch of several (a 4xx), each
// contact is sent again on its own: only the bad ones fail, with the API's
// reason. A contact the answer does not pair with its request (see
// matchCreated), and every contact of a call that may have created them
// without saying so (a 5xx, a throttle in a 5xx, a lost answer), is looked
// for in the list by its phone number, which the API keeps unique, and
// taken only when client.DecideCreated says it is provably the new one.
func (s *contactStore) runCreates(ctx context.Context, reqs []client.ContactRequest) []coalesce.Result[client.Contact] {
	defer s.invalidate()
	out := make([]coalesce.Result[client.Contact], len(reqs))
	tried := make([]contactCreate, len(reqs))
	began := s.client.Now()
	created, err := s.client.Contacts.Create(ctx, reqs)
	if err == nil {
		s.pair(reqs, created, out, tried)
	} else {
		answer := client.AnswerOf(err, "")
		for i := range reqs {
			tried[i] = contactCreate{answer, err}
		}
		if answer == client.AnswerRefused && len(reqs) > 1 {
			for i, r := range reqs {
				one, err := s.client.Contacts.Create(ctx, []client.ContactRequest{r})
				if err == nil {
					s.pair(reqs[i:i+1], one, out[i:i+1], tried[i:i+1])
				} else {
					tried[i] = contactCreate{client.AnswerOf(err, ""), err}
				}
			}
		}
	}
	var unsure []int
	for i, t := range tried {
		switch {
		case t.answer == client.AnswerWithID:
		case t.answer.MayHaveCreated():
			unsure = append(unsure, i)
		default:
			out[i].Err = t.err
		}
	}
	s.explainRefused(ctx, reqs, out)
	if len(unsure) == 0 {
		return out
	}
	// Look for them on the batch's context while it lives, and even when
	// every caller was interrupted (Ctrl-C), for client.CreateLookupBound
	// more: Terraform waits for in-flight operations, so a contact that
	// exists reaches the state, or the error names it.
	lookupCtx, cancel := s.client.CreateLookupContext(ctx)
	defer cancel()
	all, lookupErr := s.client.Contacts.ListAll(lookupCtx)
	for _, i := range unsure {
		number := reqs[i].CellPhone.FullNumber()
		holders := withNumber(all, number)
		found := make([]client.Candidate, len(holders))
		for j, c := range holders {
			found[j] = client.Candidate{ID: c.ID(), CreatedAt: string(c.CreatedAt)}
		}
		key := client.CreateKey{Kind: "contact", By: "phone number", Value: number, Unique: true}
		k, err := client.DecideCreated(key, tried[i].answer, tried[i].err, began, found, lookupErr)
		if err != nil {
			out[i].Err = err
			continue
		}
		out[i].Val = holders[k]
	}
	return out
}

// pair records a create answer: the contact paired with each request, or
// an answer without it (the list will say).
func (s *contactStore) pair(reqs []client.ContactRequest, created []client.Contact, out []coalesce.Result[client.Contact], tried []contactCreate) {
	for i, m := range matchCreated(reqs, created) {
		if m.ok {
			out[i].Val, tried[i] = m.contact, contactCreate{answer: client.AnswerWithID}
		} else {
			tried[i] = contactCreate{answer: client.AnswerWithoutID}
		}
	}
}

// createdMatch is one request's contact in a create answer, when ok.
type createdMatch struct {
	contact client.Contact
	ok      bool
}

// matchCreated pairs each request with its contact in a create answer by
// phone number, which the API keeps unique; by position only in a batch of
// one, where no other contact can be taken for it. A request the answer
// does not pair is not ok: the answer proves nothing of it.
func matchCreated(reqs []client.ContactRequest, created []client.Contact) []createdMatch {
	out := make([]createdMatch, len(reqs))
	for i, r := range reqs {
		if c := withNumber(created, r.CellPhone.FullNumber()); len(c) > 0 {
			out[i] = createdMatch{c[0], true}
		} else if len(reqs) == 1 && len(created) == 1 && created[0].ID() != "" {
			out[i] = createdMatch{created[0], true}
		}
	}
	return out
}

// withNumber is every ACTIVE contact with an id whose number is full.
func withNumber(contacts []client.Contact, full string) []client.Contact {
	var out []client.Contact
	for _, c := range contacts {
		if c.Active() && c.ID() != "" && hasNumber(c, full) {
			out = append(out, c)
		}
	}
	return out
}

// hasNumber reports whether c's number is full (as the API stores it),
// with or without its country code prefixed.
func hasNumber(c client.Contact, full string) bool {
	want := digitsOnly(full)
	p := c.CellPhone.Value
	return want != "" && (digitsOnly(string(p.PhoneNumber)) == want || digitsOnly(string(p.CountryCode)+p.LocalNumber()) == want)
}

// bulkRecord is what a bulk update's or delete's answer proves of one id.
type bulkRecord struct {
	// done: the answer lists the id as successful, with contact (its id
	// filled in from the record when the contact lacks it).
	done    bool
	contact client.Contact
	// failed is the API's reason when the answer lists the id as failed.
	failed string
}

// readBulkAnswer says what a bulk answer proves of each id asked, in
// order. It proves only what it lists: an id listed as successful is done,
// an id listed as failed failed with the API's reason, and any other (left
// out, as in an answer of {}, or listed as both, which proves neither) is
// neither: the caller checks it in the list. Records of ids not asked are
// ignored.
func readBulkAnswer(ids []string, res *client.BulkResult) []bulkRecord {
	done := map[string]client.Contact{}
	for _, r := range res.SuccessfulRecords {
		c := r.Contact.Value
		id := string(r.ID)
		if id == "" {
			id = c.ID()
		}
		if c.ID() == "" {
			c.IDField = client.FlexString(id)
		}
		if id != "" {
			done[id] = c
		}
	}
	failed := map[string]string{}
	for _, f := range res.FailedRecords {
		failed[string(f.ID)] = f.Why()
	}
	out := make([]bulkRecord, len(ids))
	for i, id := range ids {
		c, ok := done[id]
		why, bad := failed[id]
		switch {
		case ok && bad:
		case ok:
			out[i] = bulkRecord{done: true, contact: c}
		case bad:
			out[i] = bulkRecord{failed: why}
		}
	}
	return out
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
	ids := make([]string, len(updates))
	for i, u := range updates {
		ids[i] = u.ID
	}
	var unreported []int
	for i, r := range readBulkAnswer(ids, res) {
		switch {
		case r.done:
			out[i].Val = r.contact
		case r.failed != "":
			out[i].Err = fmt.Errorf("the API refused the update of contact %s: %s", ids[i], r.failed)
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
	recs := readBulkAnswer(ids, res)
	var unproven []int
	for i, r := range recs {
		if !r.done {
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
		if why := recs[i].failed; why != "" {
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
		if c := withNumber(all, number); len(c) > 0 {
			out[i].Err = &client.ExistsError{Kind: "contact", By: "phone number", Value: number, ID: c[0].ID(), Err: out[i].Err}
		}
	}
}
