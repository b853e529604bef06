package coalesce

import (
	"sync"
	"time"
)

// fakeClock is a clock that moves only when a test advances it. Every
// AfterFunc is announced on armed, so a test can wait for a batcher to have
// seen a record instead of sleeping.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	timers []*fakeTimer
	armed  chan time.Duration
}

type fakeTimer struct {
	c     *fakeClock
	at    time.Time
	f     func()
	ended bool // fired or stopped
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), armed: make(chan time.Duration, 1000)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) AfterFunc(d time.Duration, f func()) Timer {
	c.mu.Lock()
	t := &fakeTimer{c: c, at: c.now.Add(d), f: f}
	c.timers = append(c.timers, t)
	c.mu.Unlock()
	c.armed <- d
	return t
}

func (t *fakeTimer) Stop() bool {
	t.c.mu.Lock()
	defer t.c.mu.Unlock()
	if t.ended {
		return false
	}
	t.ended = true
	return true
}

// Advance moves the clock and runs the timers that are due, one after
// another, before it returns: when Advance returns, every batch that was
// due has been taken, so a test that then finds nothing sent knows that
// nothing went. (time.AfterFunc runs each in its own goroutine; the
// batcher's callback takes only its own lock, which the test never holds.)
// A timer a callback arms that is due already runs too.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
	for {
		c.mu.Lock()
		var due *fakeTimer
		for _, t := range c.timers {
			if !t.ended && !t.at.After(c.now) && (due == nil || t.at.Before(due.at)) {
				due = t
			}
		}
		if due != nil {
			due.ended = true
		}
		c.mu.Unlock()
		if due == nil {
			return
		}
		due.f()
	}
}

// waitArmed waits for n AfterFunc calls.
func (c *fakeClock) waitArmed(n int) []time.Duration {
	out := make([]time.Duration, n)
	for i := range out {
		out[i] = <-c.armed
	}
	return out
}
