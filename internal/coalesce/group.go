package coalesce

import (
	"context"
	"sync"
	"time"
)

// Group is the context of work done once on behalf of several callers. It
// is done when every caller that joined it is done (so Ctrl-C, which
// cancels them all, stops the work at once), but not when only some are:
// the others still want the result. Its values are the first caller's; it
// has no deadline of its own.
type Group struct {
	values context.Context

	mu    sync.Mutex
	live  int
	err   error
	done  chan struct{}
	ended chan struct{} // closed by End: stops watching the callers
}

var _ context.Context = (*Group)(nil)

// NewGroup returns a group of callers (at least one). It is done at once
// when every one of them is done already.
func NewGroup(callers ...context.Context) *Group {
	g := &Group{values: callers[0], done: make(chan struct{}), ended: make(chan struct{})}
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

// Join adds a caller. It reports false when the group is already done:
// the work is being cancelled and ctx cannot revive it.
func (g *Group) Join(ctx context.Context) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.err != nil || ctx.Err() != nil {
		return false
	}
	g.live++
	g.watch(ctx)
	return true
}

func (g *Group) watch(ctx context.Context) {
	go func() {
		select {
		case <-ctx.Done():
			g.leave()
		case <-g.ended:
		}
	}()
}

func (g *Group) leave() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.live--
	if g.live == 0 && g.err == nil {
		g.err = context.Canceled
		close(g.done)
	}
}

// End releases the goroutines that watch the callers; call it when the
// work is over.
func (g *Group) End() {
	g.mu.Lock()
	defer g.mu.Unlock()
	select {
	case <-g.ended:
	default:
		close(g.ended)
	}
}

func (g *Group) Deadline() (time.Time, bool) { return time.Time{}, false }
func (g *Group) Done() <-chan struct{}       { return g.done }
func (g *Group) Value(key any) any           { return g.values.Value(key) }

func (g *Group) Err() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.err
}
