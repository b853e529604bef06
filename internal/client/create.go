package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// What a create's answer means is decided here, once, for every kind the
// client creates (skill groups, skills, queues, agent groups, agents) and
// for the contacts a caller creates in bulk (see AnswerOf and
// DecideCreated). The answer says whether an object may exist without the
// caller knowing its id; a lookup by the create's key then finds the
// objects that have it, and one of them is adopted only when it is provably
// the new one:
//
//   - its createdAt is at or after the moment the create began, and no
//     other object with the key is of unknown age or also new; or
//   - the API confirmed the create (a 2xx) and it is the only object with
//     the key: for a unique key (an agent's email, a contact's number) the
//     2xx proves the key was free before, and for a name a second object
//     would be listed beside it.
//
// Anything else is an error that lists every id found, so the caller can
// take the right one up (import it) or know that none was made. A
// same-named object that was there before the create is never taken for
// the new one: after a 502, the team's own "Tier 1" must not go into a
// state whose destroy deletes it.

// CreateAnswer is what the API said to a create's POST, as far as it
// decides what may exist afterwards.
type CreateAnswer int

const (
	// AnswerWithID is a 2xx that names the new object.
	AnswerWithID CreateAnswer = iota
	// AnswerWithoutID is a 2xx that does not: an object was created.
	AnswerWithoutID
	// AnswerRefused is a 4xx other than a throttle: nothing was created.
	AnswerRefused
	// AnswerThrottled4xx is a throttle in a 4xx that ended the retries
	// (see checkRetry): nothing was created.
	AnswerThrottled4xx
	// AnswerThrottled5xx is a throttle in a 5xx: a gateway may have passed
	// the create on before it answered, so it may have been created.
	AnswerThrottled5xx
	// AnswerServerError is any other 5xx: it may have been created.
	AnswerServerError
	// AnswerLost is a request that was sent and whose answer was lost (a
	// dropped connection, a timeout, an interrupt, a body that could not be
	// read): it may have been created.
	AnswerLost
	// AnswerUnsent is a request that provably never left: nothing was
	// created.
	AnswerUnsent
)

var createAnswerNames = [...]string{"2xx with id", "2xx without id", "4xx", "throttle in a 4xx", "throttle in a 5xx", "5xx", "lost", "unsent"}

func (a CreateAnswer) String() string {
	if a >= 0 && int(a) < len(createAnswerNames) {
		return createAnswerNames[a]
	}
	return "CreateAnswer(" + strconv.Itoa(int(a)) + ")"
}

// MayHaveCreated reports whether an object may exist that the answer does
// not name: a lookup must follow.
func (a CreateAnswer) MayHaveCreated() bool {
	switch a {
	case AnswerWithoutID, AnswerThrottled5xx, AnswerServerError, AnswerLost:
		return true
	}
	return false
}

// AnswerOf classifies the outcome of a create's POST: postErr is its error
// (nil for a 2xx) and id the id its answer gave ("" when none). A POST is
// sent again only while nothing can have been created (see checkRetry), so
// the last answer is the one that decides.
func AnswerOf(postErr error, id string) CreateAnswer {
	if postErr == nil {
		if id != "" {
			return AnswerWithID
		}
		return AnswerWithoutID
	}
	var e *APIError
	if errors.As(postErr, &e) && e.StatusCode >= 400 {
		switch throttled := isThrottle(e); {
		case e.StatusCode >= 500 && throttled:
			return AnswerThrottled5xx
		case e.StatusCode >= 500:
			return AnswerServerError
		case throttled:
			return AnswerThrottled4xx
		}
		return AnswerRefused
	}
	if neverSent(postErr) {
		return AnswerUnsent
	}
	return AnswerLost
}

// CreateKey says what a create made and the key the lookup after it finds
// it by.
type CreateKey struct {
	Kind  string // "agent group"
	Where string // " in the skill group …", or ""
	By    string // "name", "email", "phone number"
	Value string
	// Unique is true when the API keeps the key unique (an agent's email,
	// a contact's number); names are not.
	Unique bool
}

// Candidate is an object the lookup after a create found with the create's
// key.
type Candidate struct {
	ID string
	// CreatedAt is its createdAt as the API gave it (RFC 3339 or epoch
	// milliseconds), "" when it gave none.
	CreatedAt string
}

// DecideCreated is the one decision on which object, if any, a create made
// when its answer did not name it. answer is the POST's (see AnswerOf; one
// with MayHaveCreated), postErr its error, began the client's clock when
// the create began, and found and lookupErr what the lookup by the key
// found: every object with the key (a *NotListedError counts as none).
//
// It answers the index in found of the object to adopt, or -1 and the
// error: the POST's own, saying none was created, when no object has the
// key after a create that may have failed; otherwise an
// *UnconfirmedCreateError that lists every id found and why none was taken.
// began is compared to the millisecond, the precision of the API's
// timestamps.
func DecideCreated(key CreateKey, answer CreateAnswer, postErr error, began time.Time, found []Candidate, lookupErr error) (int, error) {
	confirmed := answer == AnswerWithoutID
	u := &UnconfirmedCreateError{Kind: key.Kind, Where: key.Where, By: key.By, Value: key.Value, Created: confirmed}
	if !confirmed {
		u.Err = postErr
	}
	switch {
	case lookupErr != nil && !IsNotListed(lookupErr):
		u.LookupErr = lookupErr
		return -1, u
	case len(found) == 0 && confirmed:
		u.LookupErr = lookupErr
		if u.LookupErr == nil {
			u.LookupErr = &NotListedError{Kind: key.Kind, By: key.By, Value: key.Value}
		}
		return -1, u
	case len(found) == 0:
		return -1, fmt.Errorf("%w (no %s%s with the %s %s exists afterwards, so none was created)", postErr, key.Kind, key.Where, key.By, key.Value)
	}
	since := began.Truncate(time.Millisecond)
	var newer, older, undated []string
	adopt := -1
	for i, c := range found {
		u.FoundIDs = append(u.FoundIDs, c.ID)
		switch at, ok := parseTimestamp(c.CreatedAt); {
		case !ok:
			undated = append(undated, c.ID)
		case at.Before(since):
			older = append(older, c.ID)
		default:
			newer = append(newer, c.ID)
			adopt = i
		}
	}
	switch {
	case len(newer) == 1 && len(undated) == 0:
		return adopt, nil
	case len(found) == 1 && len(undated) == 1 && confirmed:
		return 0, nil
	case len(newer) > 1:
		u.Reason = fmt.Sprintf("%s were all created after the create began (by their createdAt), so the new one cannot be told from the others",
			strings.Join(newer, ", "))
	case len(undated) > 0 && len(found) == 1:
		u.Reason = "the list does not say when it was created, so it cannot be told from one that was there before"
	case len(undated) > 0:
		u.Reason = "the list does not say when each was created, so the new one cannot be told from the others"
	case confirmed:
		u.Reason = "each was created before the create began (by createdAt), so none is the one the API said it created"
	default:
		u.Reason = "each was created before the create began (by createdAt), so none is from this create"
	}
	return -1, u
}

// parseTimestamp reads a createdAt: an RFC 3339 time, as in the samples,
// or a number of milliseconds since the epoch.
func parseTimestamp(s string) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, true
	}
	if ms, err := strconv.ParseInt(s, 10, 64); err == nil && ms > 0 {
		return time.UnixMilli(ms), true
	}
	return time.Time{}, false
}

// UnconfirmedCreateError says that an object may exist (or does exist) but
// which one this create made could not be told. It holds the facts a
// caller needs to adopt the object: what it is, the key it was looked up
// by, and the id of every object found with it.
type UnconfirmedCreateError struct {
	// Kind is what was created: "agent", "agent group"; Where, when set,
	// where (" in the skill group …").
	Kind  string
	Where string
	// By names the key it was looked up by ("email", "name"), and Value is
	// that key's value in the create.
	By    string
	Value string
	// Created is true when the API confirmed the create.
	Created bool
	// FoundIDs are the ids of the objects found with the key, none of
	// which is provably the one this create made; Reason says why.
	FoundIDs []string
	Reason   string
	// Err is the create's error (nil when it was confirmed), LookupErr the
	// lookup's.
	Err       error
	LookupErr error
}

func (e *UnconfirmedCreateError) Error() string {
	var b strings.Builder
	if e.Created {
		fmt.Fprintf(&b, "the %s %s%s was created, but its id could not be read back", e.Kind, e.Value, e.Where)
	} else {
		fmt.Fprintf(&b, "creating the %s %s%s failed in a way that may still have created it: %v", e.Kind, e.Value, e.Where, e.Err)
	}
	if e.LookupErr != nil {
		fmt.Fprintf(&b, "; looking it up by %s failed: %v", e.By, e.LookupErr)
	}
	switch len(e.FoundIDs) {
	case 0:
	case 1:
		fmt.Fprintf(&b, "; one %s%s with the %s %s exists now, with the id %s", e.Kind, e.Where, e.By, e.Value, e.FoundIDs[0])
	default:
		fmt.Fprintf(&b, "; %d %ss%s with the %s %s exist now, with the ids %s", len(e.FoundIDs), e.Kind, e.Where, e.By, e.Value, strings.Join(e.FoundIDs, ", "))
	}
	if e.Reason != "" {
		fmt.Fprintf(&b, "; %s", e.Reason)
	}
	return b.String()
}

func (e *UnconfirmedCreateError) Unwrap() error { return e.Err }

// creation is how a service creates one object of its kind and finds it
// again when the answer does not name it.
type creation[T any] struct {
	key CreateKey
	id  func(*T) string
	// get reads the object an answer named without describing it whole.
	get func(context.Context, string) (*T, error)
	// refused is the error of a create the API refused (see refusedCreate).
	refused func(ctx context.Context, postErr error) error
	// lookup finds every object with the key; confirmed says whether the
	// API confirmed the create.
	lookup func(ctx context.Context, confirmed bool) ([]T, error)
}

// create posts body to path and answers the object it made, by AnswerOf
// and DecideCreated. The lookup runs on a CreateLookupContext: the
// caller's while it lives, and for at most CreateLookupBound after it ends.
func create[T any](ctx context.Context, c *Client, path string, body any, k creation[T]) (*T, error) {
	return createBy(ctx, c, func(ctx context.Context, out *T) error {
		return c.do(ctx, http.MethodPost, path, nil, body, out)
	}, k)
}

// createBy is create with the POST made by post, which decodes the answer
// into out: for the kinds whose create is not a plain POST below the
// stream's base path (campaigns).
func createBy[T any](ctx context.Context, c *Client, post func(ctx context.Context, out *T) error, k creation[T]) (*T, error) {
	var created T
	began := c.now()
	postErr := post(ctx, &created)
	answer := AnswerOf(postErr, k.id(&created))
	switch answer {
	case AnswerWithID:
		if ck, ok := any(&created).(complete); ok && ck.missing() != nil {
			// The object exists, with this id, but the answer does not
			// describe it: read it.
			return k.get(ctx, k.id(&created))
		}
		return &created, nil
	case AnswerRefused:
		return nil, k.refused(ctx, postErr)
	case AnswerThrottled4xx, AnswerUnsent:
		return nil, postErr
	}
	lookupCtx, cancel := c.CreateLookupContext(ctx)
	defer cancel()
	found, lookupErr := k.lookup(lookupCtx, answer == AnswerWithoutID)
	candidates := make([]Candidate, len(found))
	for i := range found {
		candidates[i] = Candidate{ID: k.id(&found[i]), CreatedAt: createdAt(&found[i])}
	}
	i, err := DecideCreated(k.key, answer, postErr, began, candidates, lookupErr)
	if err != nil {
		return nil, err
	}
	return &found[i], nil
}

// createdAt reads an object's createdAt: the typed field of agent groups
// and agents, or the raw document of the others, whose samples do not all
// show it.
func createdAt(e any) string {
	switch v := e.(type) {
	case *AgentGroup:
		return string(v.CreatedAt)
	case *Agent:
		return string(v.CreatedAt)
	case *Queue:
		return rawCreatedAt(v.Raw)
	case *Skill:
		return rawCreatedAt(v.Raw)
	case *SkillGroup:
		return rawCreatedAt(v.Raw)
	case *Campaign:
		return string(v.CreatedAt)
	}
	return ""
}

func rawCreatedAt(raw map[string]json.RawMessage) string {
	if v, ok := raw["createdAt"]; ok {
		return rawText(v)
	}
	return ""
}

// creation is the creation of an object found by its name in the list l
// (skill groups, skills, queues, agent groups).
func (l lister[T]) creation(name string) creation[T] {
	return creation[T]{
		key: CreateKey{Kind: l.kind, Where: l.where, By: "name", Value: name},
		id:  l.id,
		get: l.get,
		refused: func(ctx context.Context, postErr error) error {
			return l.refused(ctx, postErr, name)
		},
		lookup: func(ctx context.Context, _ bool) ([]T, error) {
			found, err := l.named(ctx, name)
			if err == nil && len(found) == 0 {
				err = l.noneNamed(name)
			}
			return found, err
		},
	}
}

// refused is the error of a create of the object named name that the API
// refused with postErr (see refusedCreate).
func (l lister[T]) refused(ctx context.Context, postErr error, name string) error {
	return refusedCreate(ctx, postErr, l.kind, l.where, "name", name, func(ctx context.Context) (string, error) {
		found, err := l.find(ctx, name)
		if err != nil {
			return "", err
		}
		return l.id(found), nil
	})
}

// Now reads the client's clock: a caller that makes its own creates (the
// contacts' bulk create) gives DecideCreated the moment its create began
// on the clock the client's requests and the API's createdAt are compared
// on.
func (c *Client) Now() time.Time { return c.now() }
