package client

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"
)

func TestLimiterSpacesRequestsEvenly(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := NewLimiter(60, func() time.Time { return now })
	if l.Interval() != time.Second {
		t.Fatalf("interval = %s", l.Interval())
	}
	var waits []time.Duration
	for i := 0; i < 4; i++ {
		waits = append(waits, l.Reserve(t.Context()))
	}
	want := []time.Duration{0, time.Second, 2 * time.Second, 3 * time.Second}
	for i := range want {
		if waits[i] != want[i] {
			t.Fatalf("waits = %v, want %v", waits, want)
		}
	}
	// After a quiet spell the budget does not pile up into a burst.
	now = now.Add(time.Minute)
	if w1, w2 := l.Reserve(t.Context()), l.Reserve(t.Context()); w1 != 0 || w2 != time.Second {
		t.Fatalf("after idling: %s, %s", w1, w2)
	}
}

// A whole budget never fits in sixty seconds: the request a budget after
// another waits until a minute and the guard have passed since it.
func TestLimiterKeepsAMarginAtTheWindowEdge(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	now := start
	l := NewLimiter(60, func() time.Time { return now })
	var slots []time.Time
	for i := 0; i < 122; i++ {
		slots = append(slots, now.Add(l.Reserve(t.Context())))
	}
	for i, want := range map[int]time.Duration{
		0:   0,
		59:  59 * time.Second,
		60:  time.Minute + windowGuard,
		61:  61*time.Second + windowGuard,
		120: 2*time.Minute + 2*windowGuard,
	} {
		if got := slots[i].Sub(start); got != want {
			t.Errorf("request %d at %s, want %s", i, got, want)
		}
	}
	for i := 60; i < len(slots); i++ {
		if gap := slots[i].Sub(slots[i-60]); gap < time.Minute+windowGuard {
			t.Fatalf("requests %d and %d are %s apart: a whole budget inside a minute and the guard", i-60, i, gap)
		}
	}
}

func TestLimiterOffWhenZero(t *testing.T) {
	l := NewLimiter(0, nil)
	for i := 0; i < 3; i++ {
		if d := l.Reserve(t.Context()); d != 0 {
			t.Fatalf("wait %s with the limiter off", d)
		}
	}
}

// Requests are sent at their slots, one interval apart, by the client's
// clock (a test clock whose sleeps move it: real time under the race
// detector made this flaky).
func TestClientRequestsAreSpacedByTheLimiter(t *testing.T) {
	clock := newTestClock()
	start := clock.Now()
	var mu sync.Mutex
	var at []time.Duration
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		at = append(at, clock.Now().Sub(start))
		mu.Unlock()
		w.Write([]byte(`{"id":"a-1","emailId":"x@example.com"}`))
	}), func(cfg *Config) {
		cfg.RequestsPerMinute = 600 // one every 100ms
		cfg.Now, cfg.Sleep = clock.Now, clock.Sleep
	})
	for range 4 {
		if _, err := c.Agents.Get(t.Context(), "a-1"); err != nil {
			t.Fatal(err)
		}
	}
	want := []time.Duration{0, 100 * time.Millisecond, 200 * time.Millisecond, 300 * time.Millisecond}
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(at, want) {
		t.Fatalf("requests at %v, want %v", at, want)
	}
}

func TestLimiterWaitHonoursContext(t *testing.T) {
	l := NewLimiter(1, nil) // one a minute
	l.Reserve(t.Context())
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := l.Wait(ctx); err == nil {
		t.Fatal("Wait should give up when the context ends")
	}
}
