package coalesce

import (
	"context"
	"errors"
)

// Load is one load (of a list, say) that several callers wait for. It runs
// on a Group of its waiters: a waiter that gives up leaves at once, and the
// load is cancelled only when none is left.
type Load[T any] struct {
	group *Group
	done  chan struct{} // closed when the load ends
	val   T             // set before done is closed
	err   error
}

// ErrAbandoned tells a caller that joined a load after every earlier waiter
// had given up (so it was being cancelled) to start another.
var ErrAbandoned = errors.New("the shared load was abandoned by its waiters")

// NewLoad makes a load whose first waiter is ctx; Run starts it.
func NewLoad[T any](ctx context.Context) *Load[T] {
	return &Load[T]{group: NewGroup(ctx), done: make(chan struct{})}
}

// Run runs load in its own goroutine on the waiters' group.
func (l *Load[T]) Run(load func(context.Context) (T, error)) {
	go func() {
		defer l.group.End()
		l.val, l.err = load(l.group)
		close(l.done)
	}()
}

// Wait waits for the load as one of its waiters: the first one joined when
// the load was made, a later one joins here. It returns the load's result,
// or ctx's error as soon as the caller gives up.
func (l *Load[T]) Wait(ctx context.Context, first bool) (T, error) {
	var zero T
	if !first && !l.group.Join(ctx) {
		select {
		case <-l.done:
			return zero, ErrAbandoned
		case <-ctx.Done():
			return zero, ctx.Err()
		}
	}
	select {
	case <-l.done:
		return l.val, l.err
	case <-ctx.Done():
		return zero, ctx.Err()
	}
}
