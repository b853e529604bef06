package client

import (
	"context"
	"sync"
	"time"
)

// Limiter spreads requests evenly over a per-minute budget: each request
// takes the next free slot, one interval after the previous one. Everything
// one Client sends, retries included, goes through one Limiter, so a large
// apply spends the budget evenly instead of running into 429s.
//
// Even spacing alone puts exactly the budget into every sixty seconds, and
// the API counts requests when they arrive: one that travels a little
// faster than the request a budget earlier would be the budget's first
// too many. So a request also waits until the one a whole budget before it
// left at least a minute and windowGuard ago; that costs windowGuard once a
// minute.
type Limiter struct {
	mu       sync.Mutex
	interval time.Duration
	next     time.Time
	now      func() time.Time
	sleep    func(ctx context.Context, d time.Duration) error

	// sent holds the slots of the last budget's worth of requests, a ring
	// that starts at head; nil when the budget is too large to track.
	sent []time.Time
	head int
	size int
}

// windowGuard is the margin kept at the edge of the API's sixty-second
// window, for differences in the time requests take to arrive.
const windowGuard = 250 * time.Millisecond

// maxTrackedBudget bounds the ring: a budget above it is not one the API
// grants, and its spacing is too small to matter.
const maxTrackedBudget = 100000

// NewLimiter returns a limiter for perMinute requests a minute. now may be
// nil (time.Now).
func NewLimiter(perMinute float64, now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	l := &Limiter{now: now, sleep: sleepContext}
	if perMinute > 0 {
		l.interval = time.Duration(float64(time.Minute) / perMinute)
		if perMinute <= maxTrackedBudget {
			l.size = max(int(perMinute), 1)
		}
	}
	return l
}

// Interval is the spacing between two requests.
func (l *Limiter) Interval() time.Duration { return l.interval }

// Reserve takes the next slot and says how long to wait for it.
func (l *Limiter) Reserve() time.Duration {
	if l.interval == 0 {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	slot := l.next
	if slot.Before(now) {
		slot = now
	}
	if l.size > 0 {
		if len(l.sent) < l.size {
			l.sent = append(l.sent, slot)
		} else {
			if earliest := l.sent[l.head].Add(time.Minute + windowGuard); slot.Before(earliest) {
				slot = earliest
			}
			l.sent[l.head] = slot
			l.head = (l.head + 1) % l.size
		}
	}
	l.next = slot.Add(l.interval)
	return slot.Sub(now)
}

// Wait blocks until the caller's slot, or until ctx is done.
func (l *Limiter) Wait(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return l.sleep(ctx, l.Reserve())
}

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
