package client

import (
	"context"
	"net/http"
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
		waits = append(waits, l.Reserve())
	}
	want := []time.Duration{0, time.Second, 2 * time.Second, 3 * time.Second}
	for i := range want {
		if waits[i] != want[i] {
			t.Fatalf("waits = %v, want %v", waits, want)
		}
	}
	// After a quiet spell the budget does not pile up into a burst.
	now = now.Add(time.Minute)
	if w1, w2 := l.Reserve(), l.Reserve(); w1 != 0 || w2 != time.Second {
		t.Fatalf("after idling: %s, %s", w1, w2)
	}
}

func TestLimiterOffWhenZero(t *testing.T) {
	l := NewLimiter(0, nil)
	for i := 0; i < 3; i++ {
		if d := l.Reserve(); d != 0 {
			t.Fatalf("wait %s with the limiter off", d)
		}
	}
}

func TestClientRequestsAreSpacedByTheLimiter(t *testing.T) {
	var mu sync.Mutex
	var at []time.Time
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		at = append(at, time.Now())
		mu.Unlock()
		w.Write([]byte(`{}`))
	}), func(cfg *Config) { cfg.RequestsPerMinute = 600 }) // one every 100ms
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Agents.Get(context.Background(), "a-1"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if len(at) != 4 {
		t.Fatalf("%d requests", len(at))
	}
	if span := at[3].Sub(at[0]); span < 280*time.Millisecond {
		t.Fatalf("4 requests at 600/min took %s, want >= 300ms", span)
	}
}

func TestLimiterWaitHonoursContext(t *testing.T) {
	l := NewLimiter(1, nil) // one a minute
	l.Reserve()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := l.Wait(ctx); err == nil {
		t.Fatal("Wait should give up when the context ends")
	}
}
