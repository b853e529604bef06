package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// A create whose answer does not say which object it made (an answer
// without an id, or no answer at all) is followed by a lookup, so a create
// never leaves an object the caller does not know of. The helpers below are
// shared by the services that do this.

// CreateLookupBound is how long the lookup after a create goes on once the
// caller's context has ended (Ctrl-C, a deadline), on the client's clock.
// The create was sent, so the object may exist; a caller that waits for
// its operations (Terraform does, after an interrupt) then still learns
// its id. It is a minute: a few list pages at the documented 60 requests a
// minute, short of what a user who pressed Ctrl-C will sit through.
const CreateLookupBound = time.Minute

// mayHaveCreated reports whether a create POST that failed with err may
// still have created the object. A refusal (a 4xx) created nothing, and
// neither did a request that was never sent (a POST is retried only while
// unsent or refused with a throttle, so a last attempt that could not
// connect means none was processed). A 5xx, or an answer lost after the
// request left, may have: even a 5xx that carries the rate-limit message,
// since the message may decide a wait and a retry but never what exists.
func mayHaveCreated(err error) bool {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr.StatusCode >= 500
	}
	return !neverSent(err)
}

// NeverSent reports whether a request that failed with err provably never
// reached the API: it was not handed to the network (its wait for the rate
// limit was interrupted, or no token could be made), or its connection
// could not be made. Such a request had no effect.
func NeverSent(err error) bool { return err != nil && neverSent(err) }

// CreateLookupContext returns the context of the lookup that follows a
// create which was sent but whose answer did not say which object it made
// (or was lost). While ctx lives the lookup runs as on ctx itself, for as
// long as ctx allows: a large account's list takes what it takes. When ctx
// ends, the lookup goes on for at most CreateLookupBound more, so that an
// object that exists ends up known to the caller (and in its state) even
// after an interrupt. The rate limiter refuses a slot beyond that bound at
// once. Call the returned cancel when the lookup is over.
func (c *Client) CreateLookupContext(ctx context.Context) (context.Context, context.CancelFunc) {
	b := &lookupBound{caller: ctx, now: c.limiter.now}
	// Detached on purpose, the one exception to working on the caller's
	// context: a create that was sent may have made an object, and only
	// this lookup can put it in the state. The AfterFunc below bounds it.
	lookupCtx, cancel := context.WithCancelCause(context.WithValue(context.WithoutCancel(ctx), lookupBoundKey{}, b))
	sleep := c.limiter.sleep
	stop := context.AfterFunc(ctx, func() {
		b.get() // the bound starts now, if no wait has started it yet
		if sleep(lookupCtx, CreateLookupBound) == nil {
			cancel(errLookupBound)
		}
	})
	return lookupCtx, func() {
		stop()
		cancel(context.Canceled)
	}
}

// errLookupBound is the cause of a lookup context that ended
// CreateLookupBound after its caller's.
var errLookupBound = fmt.Errorf("the lookup after the create went on for %s after the operation was cancelled, and stopped", CreateLookupBound)

// lookupBound is the end of a lookup after a create, on the client's clock:
// CreateLookupBound after the caller's context is first seen ended (by the
// watch CreateLookupContext starts, or by a wait for the rate limit,
// whichever comes first, so that a wait never misses it).
type lookupBound struct {
	caller context.Context
	now    func() time.Time

	mu    sync.Mutex
	until time.Time // zero while the caller lives
}

type lookupBoundKey struct{}

func (b *lookupBound) get() (time.Time, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.until.IsZero() && b.caller.Err() != nil {
		b.until = b.now().Add(CreateLookupBound)
	}
	return b.until, !b.until.IsZero()
}

// waitDeadline is when a wait on ctx must be over: ctx's deadline, or the
// bound of a lookup after a create whose caller has ended, whichever comes
// first.
func waitDeadline(ctx context.Context) (time.Time, bool) {
	deadline, ok := ctx.Deadline()
	if b, _ := ctx.Value(lookupBoundKey{}).(*lookupBound); b != nil {
		if until, set := b.get(); set && (!ok || until.Before(deadline)) {
			deadline, ok = until, true
		}
	}
	return deadline, ok
}

// createNamed posts a create whose answer is documented to carry the new
// object's id (skill groups, skills, queues). An answer without one is
// tolerated: the object is then found by name through the list, by the name
// policy (see pickCreated): the one object with the name, or the one of
// several created after the request began.
//
// After a create that may have been processed although its answer was lost
// (no answer, or a 5xx), the pages do not say that names are unique, so an
// object found by name cannot be told from an older one of the same name:
// it is not adopted. The error says instead whether an object of that name
// exists, and its id, so the user can import it or know that none was made.
func createNamed[T any](ctx context.Context, c *Client, path string, body any, l lister[T], name string) (*T, error) {
	var created T
	began := c.now()
	postErr := c.do(ctx, http.MethodPost, path, nil, body, &created)
	if id := l.id(&created); postErr == nil && id != "" {
		if ck, ok := any(&created).(complete); ok && ck.missing() != nil {
			// The object exists, with this id, but the answer does not
			// describe it: read it.
			return l.get(ctx, id)
		}
		return &created, nil
	}
	if postErr != nil && !mayHaveCreated(postErr) {
		return nil, l.refused(ctx, postErr, name)
	}
	lookupCtx, cancel := c.CreateLookupContext(ctx)
	defer cancel()
	if postErr == nil {
		found, err := l.created(lookupCtx, name, began)
		return reconciled(found, err, nil, UnconfirmedCreateError{Kind: l.kind, By: "name", Value: name})
	}
	found, err := l.find(lookupCtx, name)
	switch {
	case err == nil:
		return nil, &UnconfirmedCreateError{Kind: l.kind, By: "name", Value: name, Err: postErr, FoundID: l.id(found)}
	case IsNotListed(err):
		return nil, fmt.Errorf("%w (no %s named %s exists afterwards, so none was created)", postErr, l.kind, name)
	}
	return nil, &UnconfirmedCreateError{Kind: l.kind, By: "name", Value: name, Err: postErr, LookupErr: err}
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

// reconciled turns the outcome of that lookup into the create's answer.
// postErr is the create's own error (nil when the API confirmed the
// create); found and lookupErr are the lookup's. u names the object and is
// returned, completed, when the outcome is unknown.
func reconciled[T any](found *T, lookupErr, postErr error, u UnconfirmedCreateError) (*T, error) {
	switch {
	case lookupErr == nil:
		return found, nil
	case postErr == nil:
		u.Created, u.LookupErr = true, lookupErr
		return nil, &u
	case IsNotListed(lookupErr):
		return nil, fmt.Errorf("%w (no %s with the %s %s exists afterwards, so none was created)", postErr, u.Kind, u.By, u.Value)
	}
	u.Err, u.LookupErr = postErr, lookupErr
	return nil, &u
}

// UnconfirmedCreateError says that an object may exist (or does exist) but
// its id could not be learnt. It holds the facts a caller needs to adopt the
// object: what it is, the key it was looked up by, and any id found.
type UnconfirmedCreateError struct {
	// Kind is what was created: "agent", "agent group".
	Kind string
	// By names the key it was looked up by ("email", "name"), and Value is
	// that key's value in the create.
	By    string
	Value string
	// Created is true when the API confirmed the create.
	Created bool
	// FoundID is the id of an object found by the lookup that may or may
	// not be the one this create made.
	FoundID   string
	Err       error
	LookupErr error
}

func (e *UnconfirmedCreateError) Error() string {
	var b strings.Builder
	if e.Created {
		fmt.Fprintf(&b, "the %s %s was created, but its id could not be read back", e.Kind, e.Value)
	} else {
		fmt.Fprintf(&b, "creating the %s %s failed in a way that may still have created it: %v", e.Kind, e.Value, e.Err)
	}
	if e.LookupErr != nil {
		fmt.Fprintf(&b, "; looking it up by %s failed: %v", e.By, e.LookupErr)
	}
	if e.FoundID != "" {
		fmt.Fprintf(&b, "; a %s with the %s %s exists now, with the id %s", e.Kind, e.By, e.Value, e.FoundID)
	}
	return b.String()
}

func (e *UnconfirmedCreateError) Unwrap() error { return e.Err }
