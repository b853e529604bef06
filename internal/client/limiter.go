package client

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Limiter spreads requests evenly over a per-minute budget: each request
// takes the next free slot, one interval after the previous one. Everything
// a Client sends, retries included, goes through its Limiter, so a large
// apply spends the budget evenly instead of running into 429s.
//
// The budget belongs to the account, so a Limiter can keep it in a state
// file that every process on the machine using the same host and account
// shares (Config.BudgetDir); then their requests together keep to it.
//
// Even spacing alone puts exactly the budget into every sixty seconds, and
// the API counts requests when they arrive: one that travels a little
// faster than the request a budget earlier would be the budget's first
// too many. So a request also waits until the one a whole budget before it
// left at least a minute and windowGuard ago; that costs windowGuard once a
// minute.
//
// A 429 means that someone else (another machine, the vendor's UI, an
// integration) spends the budget too: the Limiter lowers its pace, honours
// Retry-After for every waiting request, and raises the pace again slowly
// (see budgetState).
type Limiter struct {
	perMinute float64
	now       func() time.Time
	sleep     func(ctx context.Context, d time.Duration) error
	logger    Logger

	mu     sync.Mutex
	store  budgetStore
	notice string // said once in the log, with the next request's context
}

// windowGuard is the margin kept at the edge of the API's sixty-second
// window, for differences in the time requests take to arrive.
const windowGuard = 250 * time.Millisecond

// maxTrackedBudget bounds the slots a budget keeps: a budget above it is
// not one the API grants, and its spacing is too small to matter.
const maxTrackedBudget = 100000

// NewLimiter returns a limiter of its own for perMinute requests a minute.
// now may be nil (time.Now).
func NewLimiter(perMinute float64, now func() time.Time) *Limiter {
	return newLimiter(perMinute, &memStore{}, now, nil)
}

// newLimiter returns a limiter on store. now and sleep may be nil (the
// real clock and a timer).
func newLimiter(perMinute float64, store budgetStore, now func() time.Time, sleep func(context.Context, time.Duration) error) *Limiter {
	if now == nil {
		now = time.Now
	}
	if sleep == nil {
		sleep = sleepContext
	}
	return &Limiter{perMinute: perMinute, store: store, now: now, sleep: sleep}
}

// update runs fn on the budget without a caller's context, for the work
// that must be done even when the caller has gone: giving back a slot at
// Ctrl-C, recording a throttle that other processes must heed, and the
// accessors that have no context to take. Its wait for the shared budget's
// lock is bounded all the same (budgetLockTimeout).
func (l *Limiter) update(fn func(*budgetState) bool) {
	_ = l.updateCtx(context.Background(), fn)
}

// updateCtx runs fn on the budget, after bringing back any time the budget
// holds too far ahead (see clamp). It fails only when ctx ends while it
// waits for the shared budget's lock. When a shared budget fails
// otherwise (its lock is held too long, its file was removed, the disk is
// full), the limiter keeps a budget of its own from then on and says so
// once in the log.
func (l *Limiter) updateCtx(ctx context.Context, fn func(*budgetState) bool) error {
	now := l.now().UnixNano()
	run := func(s *budgetState) bool {
		clamped := s.clamp(now)
		return fn(s) || clamped
	}
	l.mu.Lock()
	store := l.store
	l.mu.Unlock()
	err := store.update(ctx, run)
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	l.mu.Lock()
	if l.store == store {
		l.store = &memStore{}
		l.notice = fmt.Sprintf("the rate budget shared with other processes failed (%v); this client keeps a budget of its own from now on", err)
	}
	store = l.store
	l.mu.Unlock()
	return store.update(ctx, run)
}

// Interval is the spacing between two requests at the current pace.
func (l *Limiter) Interval() time.Duration {
	var d time.Duration
	l.update(func(s *budgetState) bool {
		d = s.interval(l.now().UnixNano(), l.perMinute)
		return false
	})
	return d
}

// PerMinute is the current pace in requests a minute: the budget, lowered
// for a while after the API answered 429.
func (l *Limiter) PerMinute() float64 {
	var share float64
	l.update(func(s *budgetState) bool {
		share = s.share(l.now().UnixNano(), l.perMinute)
		return false
	})
	return l.perMinute * share
}

// reserve takes the next slot. It fails only when ctx ends while it waits
// for the shared budget's lock.
func (l *Limiter) reserve(ctx context.Context) (slot time.Time, epoch uint64, err error) {
	err = l.updateCtx(ctx, func(s *budgetState) bool {
		var n int64
		n, epoch = s.reserve(l.now().UnixNano(), l.perMinute)
		slot = time.Unix(0, n)
		return true
	})
	return slot, epoch, err
}

// Reserve takes the next slot and says how long to wait for it. When ctx
// ends while it waits for the shared budget's lock, it takes no slot and
// answers 0.
func (l *Limiter) Reserve(ctx context.Context) time.Duration {
	if l.perMinute <= 0 {
		return 0
	}
	slot, _, err := l.reserve(ctx)
	if err != nil {
		return 0
	}
	return slot.Sub(l.now())
}

// release gives back a slot whose request will not be sent. It runs when
// the caller's context has ended, so it does not wait on that context, and
// it runs at once, so that a request made after an interrupt (the lookup
// of what was created) takes the earliest free slot.
func (l *Limiter) release(slot time.Time) {
	if l.perMinute <= 0 {
		return // no budget: wait granted no slot
	}
	l.update(func(s *budgetState) bool {
		s.release(slot.UnixNano(), l.now().UnixNano(), l.perMinute)
		return true
	})
}

// confirm keeps slot if no 429 moved the slots since it was granted in
// epoch, and otherwise gives it back and takes a new one. When ctx ends
// while it waits for the shared budget's lock, slot is still held.
func (l *Limiter) confirm(ctx context.Context, slot time.Time, epoch uint64) (time.Time, uint64, bool, error) {
	moved := false
	err := l.updateCtx(ctx, func(s *budgetState) bool {
		var n int64
		n, epoch, moved = s.confirm(slot.UnixNano(), epoch, l.now().UnixNano(), l.perMinute)
		slot = time.Unix(0, n)
		return moved
	})
	return slot, epoch, moved, err
}

// Wait blocks until the caller's slot, or until ctx is done.
func (l *Limiter) Wait(ctx context.Context) error {
	_, err := l.wait(ctx)
	return err
}

// wait blocks until the caller's slot and returns it. A wait that ctx ends,
// or that its deadline could not see through, gives the slot back.
func (l *Limiter) wait(ctx context.Context) (time.Time, error) {
	if err := ctx.Err(); err != nil {
		return time.Time{}, err
	}
	if l.perMinute <= 0 {
		return l.now(), nil
	}
	l.logNotice(ctx)
	slot, epoch, err := l.reserve(ctx)
	if err != nil {
		return time.Time{}, err
	}
	l.logNotice(ctx) // the shared budget may have failed just now
	for {
		d := slot.Sub(l.now())
		if d <= 0 {
			return slot, nil
		}
		if deadline, ok := waitDeadline(ctx); ok && slot.After(deadline) {
			l.release(slot)
			return time.Time{}, &slotAfterDeadlineError{wait: d}
		}
		if err := l.sleep(ctx, d); err != nil {
			l.release(slot)
			return time.Time{}, err
		}
		var moved bool
		if slot, epoch, moved, err = l.confirm(ctx, slot, epoch); err != nil {
			l.release(slot)
			return time.Time{}, err
		}
		if !moved {
			return slot, nil
		}
	}
}

// Throttled tells the limiter that the request sent at sentAt was answered
// 429, with the API's Retry-After (zero when it gave none).
func (l *Limiter) Throttled(ctx context.Context, sentAt time.Time, retryAfter time.Duration) {
	if l.perMinute <= 0 {
		return
	}
	lowered := false
	l.update(func(s *budgetState) bool {
		before := s.ShareAt
		changed := s.throttled(l.now().UnixNano(), sentAt.UnixNano(), retryAfter, l.perMinute)
		lowered = s.ShareAt != before
		return changed
	})
	if lowered && l.logger != nil {
		l.logger.Debug(ctx, "SmartAssist API rate limit reached: lowering the pace", map[string]any{
			"pace_per_minute": l.PerMinute(), "retry_after": retryAfter.String(),
		})
	}
}

// logNotice writes the pending notice, once.
func (l *Limiter) logNotice(ctx context.Context) {
	l.mu.Lock()
	msg := l.notice
	l.notice = ""
	l.mu.Unlock()
	if msg != "" && l.logger != nil {
		logWarn(ctx, l.logger, "SmartAssist API rate budget: "+msg, nil)
	}
}

// slotAfterDeadlineError ends a wait whose slot comes after the caller's
// deadline: waiting could only end in the deadline.
type slotAfterDeadlineError struct{ wait time.Duration }

func (e *slotAfterDeadlineError) Error() string {
	return fmt.Sprintf("the next free slot of the rate limit is %s away, after the deadline of this operation (%v)",
		e.wait.Round(time.Millisecond), context.DeadlineExceeded)
}

func (e *slotAfterDeadlineError) Unwrap() error { return context.DeadlineExceeded }

func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// newClientLimiter builds a client's limiter: on the budget shared through
// cfg.BudgetDir when it is set and usable, else on one of its own. It
// returns the state file in use, or why none is.
func newClientLimiter(cfg Config, perMinute float64, now func() time.Time) (*Limiter, string, error) {
	var store budgetStore = &memStore{}
	var file string
	var why error
	// A budget above maxSharedBudget means "no limit": nothing to share.
	if cfg.BudgetDir != "" && perMinute <= maxSharedBudget {
		shared, err := openFileStore(cfg.BudgetDir, cfg.Host, cfg.AccountID, now, cfg.Sleep)
		if err != nil {
			why = fmt.Errorf("the state file in %s cannot be used: %w", cfg.BudgetDir, err)
		} else {
			store, file = shared, shared.Path()
		}
	}
	l := newLimiter(perMinute, store, now, cfg.Sleep)
	l.logger = cfg.Logger
	return l, file, why
}

// warnLogger is a Logger that can also warn. The client warns, through it
// when the Logger has it, of what the caller should know without asking.
type warnLogger interface {
	Warn(ctx context.Context, msg string, fields map[string]any)
}

func logWarn(ctx context.Context, l Logger, msg string, fields map[string]any) {
	if w, ok := l.(warnLogger); ok {
		w.Warn(ctx, msg, fields)
		return
	}
	l.Debug(ctx, msg, fields)
}
