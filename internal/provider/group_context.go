package provider

import (
	"context"
	"errors"
	"sync"
	"time"
)

// groupContext is the context of work done once on behalf of several
// callers: a bulk call for a batch of writes, or one read of a list that
// many reads wait for. It is done when every caller that joined it is done
// (so Ctrl-C, which cancels them all, stops the work and its rate-limit
// wait at once), but not when only some of them are: the others still want
// the result. Its values (the logger tflog finds there) are the first
// caller's. It has no deadline of its own; the work adds one.
type groupContext struct {
	values context.Context

	mu    sync.Mutex
	live  int
	err   error
	done  chan struct{}
	ended chan struct{} // closed by end: stops watching the callers
}

var _ context.Context = (*groupContext)(nil)

// newGroupContext returns a group of callers. It is done at once when every
// one of them is done already.
func newGroupContext(callers ...context.Context) *groupContext {
	g := &groupContext{values: callers[0], done: make(chan struct{}), ended: make(chan struct{})}
	for _, ctx := range callers {
		if ctx.Err() == nil {
			g.live++
			g.watch(ctx)
		}
	}
	if g.live == 0 {
		g.err = context.Canceled
		close(g.done)
	}
	return g
}

// join adds a caller. It reports false when the group is already done (every
// earlier caller left): the work is being cancelled and ctx cannot revive it.
func (g *groupContext) join(ctx context.Context) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.err != nil || ctx.Err() != nil {
		return false
	}
	g.live++
	g.watch(ctx)
	return true
}

// watch makes the caller leave the group when ctx is done.
func (g *groupContext) watch(ctx context.Context) {
	go func() {
		select {
		case <-ctx.Done():
			g.leave()
		case <-g.ended:
		}
	}()
}

func (g *groupContext) leave() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.live--
	if g.live == 0 && g.err == nil {
		g.err = context.Canceled
		close(g.done)
	}
}

// end releases the goroutines that watch the callers; call it when the work
// is over.
func (g *groupContext) end() {
	g.mu.Lock()
	defer g.mu.Unlock()
	select {
	case <-g.ended:
	default:
		close(g.ended)
	}
}

func (g *groupContext) Deadline() (time.Time, bool) { return time.Time{}, false }
func (g *groupContext) Done() <-chan struct{}       { return g.done }
func (g *groupContext) Value(key any) any           { return g.values.Value(key) }

func (g *groupContext) Err() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.err
}

// sharedLoad is one load (of a list) that several callers wait for. It runs
// on a groupContext of its waiters: a waiter that gives up leaves at once,
// and the load is cancelled only when none is left.
type sharedLoad[T any] struct {
	group *groupContext
	done  chan struct{} // closed when the load ends
	val   T             // set before done is closed
	err   error
}

// errLoadAbandoned tells a caller that joined a load after every earlier
// waiter had given up (so it was being cancelled) to start another.
var errLoadAbandoned = errors.New("the shared load was abandoned by its waiters")

// newSharedLoad makes a load whose first waiter is ctx; run starts it.
func newSharedLoad[T any](ctx context.Context) *sharedLoad[T] {
	return &sharedLoad[T]{group: newGroupContext(ctx), done: make(chan struct{})}
}

// run runs load in its own goroutine on the waiters' group.
func (l *sharedLoad[T]) run(load func(context.Context) (T, error)) {
	go func() {
		defer l.group.end()
		l.val, l.err = load(l.group)
		close(l.done)
	}()
}

// wait waits for the load as one of its waiters (the first one joined when
// the load was made; a later one joins here). It returns the load's result,
// or ctx's error as soon as the caller gives up.
func (l *sharedLoad[T]) wait(ctx context.Context, first bool) (T, error) {
	var zero T
	if !first && !l.group.join(ctx) {
		select {
		case <-l.done:
			return zero, errLoadAbandoned
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
