package client

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// The lookup that follows a create which was sent but whose answer did not
// say which object it made (see create.go) runs on a context of its own,
// bounded after an interrupt.

// CreateLookupBound is how long the lookup after a create goes on once the
// caller's context has ended (Ctrl-C, a deadline), on the client's clock.
// The create was sent, so the object may exist; a caller that waits for
// its operations (Terraform does, after an interrupt) then still learns
// its id. It is a minute: a few list pages at the documented 60 requests a
// minute, short of what a user who pressed Ctrl-C will sit through.
const CreateLookupBound = time.Minute

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
