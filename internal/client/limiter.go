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
type Limiter struct {
	mu       sync.Mutex
	interval time.Duration
	next     time.Time
	now      func() time.Time
	sleep    func(ctx context.Context, d time.Duration) error
}

// NewLimiter returns a limiter for perMinute requests a minute. now may be
// nil (time.Now).
func NewLimiter(perMinute float64, now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	l := &Limiter{now: now, sleep: sleepContext}
	if perMinute > 0 {
		l.interval = time.Duration(float64(time.Minute) / perMinute)
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
