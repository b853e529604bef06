package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"
)

// lookupClock is a test clock whose start is the real time, so that a
// deadline set on the real clock (context.WithTimeout) is measured against
// the same times as the limiter's slots, and whose sleep for
// CreateLookupBound (the bound's own timer) does not move time: it ends
// only with its context, as a timer not yet due would.
func lookupClock() (*testClock, func(context.Context, time.Duration) error) {
	clock := newTestClock()
	clock.now = time.Now()
	return clock, func(ctx context.Context, d time.Duration) error {
		if d == CreateLookupBound {
			<-ctx.Done()
			return ctx.Err()
		}
		return clock.Sleep(ctx, d)
	}
}

// Issue 20, item 9: a lookup after a create whose caller lives has no cap
// of its own. At one request a minute, finding agent25 (pages 1, 5, 4, 3
// of 45 agents) takes four minutes after the create; a fixed two-minute cap
// ended it with "created, id not read back".
func TestAnUncancelledLookupTakesAsLongAsItNeeds(t *testing.T) {
	clock, sleep := lookupClock()
	srv := &pagedAgents{n: 45}
	c, _ := newTestClient(t, srv, func(cfg *Config) {
		cfg.RequestsPerMinute, cfg.Now, cfg.Sleep = 1, clock.Now, sleep
	})
	start := clock.Now()
	a, err := c.Agents.Create(t.Context(), &AgentRequest{EmailID: String("agent25@example.com")})
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != "a-25" || fmt.Sprint(srv.pages) != "[1 5 4 3]" {
		t.Fatalf("agent %q after reading pages %v; want a-25 after [1 5 4 3]", a.ID, srv.pages)
	}
	if took := clock.Now().Sub(start); took != 4*(time.Minute+windowGuard) {
		t.Fatalf("the lookup ended %s after the create, want 4m1s", took)
	}
}

// A lookup whose caller is cancelled after the create was sent goes on,
// for CreateLookupBound (a minute) of the client's clock from the
// cancellation. At four requests a minute (slots at 15s, 30s, 45s, 60.25s,
// 75.25s after the create), a caller cancelled at the first page (15s) has
// its lookup go on to 75s: agent25, on the fourth page read, is found; for
// an agent that is on no page, the fifth page's slot (75.25s) is past the
// bound, and the error says so at once, without waiting for it.
func TestACancelledCallersLookupGoesOnBounded(t *testing.T) {
	for _, tc := range []struct {
		email     string
		wantPages string
		wantErr   string
	}{
		{"agent25@example.com", "[1 5 4 3]", ""},
		{"nobody@example.com", "[1 5 4 3]", "the agent nobody@example.com was created, but its id could not be read back; " +
			"looking it up by email failed: GET /agents?includeQueues=true&limit=100&page=2: Get \"%s/agentassist/api/v1/public/st-test/agents?includeQueues=true&limit=100&page=2\": " +
			"the next free slot of the rate limit is 15s away, after the deadline of this operation (context deadline exceeded)"},
	} {
		t.Run(tc.email, func(t *testing.T) {
			clock, sleep := lookupClock()
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			srv := &pagedAgents{n: 45}
			c, api := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Method == http.MethodGet {
					cancel() // Ctrl-C once the create was sent and answered
				}
				srv.ServeHTTP(w, r)
			}), func(cfg *Config) {
				cfg.RequestsPerMinute, cfg.Now, cfg.Sleep = 4, clock.Now, sleep
			})
			start := clock.Now()
			a, err := c.Agents.Create(ctx, &AgentRequest{EmailID: String(tc.email)})
			if fmt.Sprint(srv.pages) != tc.wantPages {
				t.Fatalf("pages read %v, want %v", srv.pages, tc.wantPages)
			}
			if took := clock.Now().Sub(start); took != time.Minute+windowGuard {
				t.Fatalf("the lookup ended %s after the create, want 1m0.25s", took)
			}
			if tc.wantErr == "" {
				if err != nil || a.ID != "a-25" {
					t.Fatalf("agent %v, %v; want a-25", a, err)
				}
				return
			}
			var u *UnconfirmedCreateError
			if want := fmt.Sprintf(tc.wantErr, api.URL); !errors.As(err, &u) || !u.Created || err.Error() != want {
				t.Fatalf("err = %v\nwant %s", err, want)
			}
		})
	}
}

// The lookup context itself: the caller's while it lives (no deadline of
// its own), then CreateLookupBound more from its cancellation, after
// which it ends and says why.
func TestCreateLookupContextEndsABoundAfterItsCaller(t *testing.T) {
	clock := newTestClock()
	bound := make(chan struct{})
	c, err := New(Config{Host: "https://platform.example.com", StreamID: "s", AccountID: "a", JWT: "j", Now: clock.Now,
		Sleep: func(ctx context.Context, d time.Duration) error {
			if d != CreateLookupBound {
				return clock.Sleep(ctx, d)
			}
			select {
			case <-bound: // the bound's time has come
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	caller, cancel := context.WithCancel(t.Context())
	lookupCtx, done := c.CreateLookupContext(caller)
	defer done()
	clock.Advance(time.Hour) // a long lookup, the caller still there
	if _, ok := waitDeadline(lookupCtx); ok || lookupCtx.Err() != nil {
		t.Fatalf("the lookup has a deadline (%v) or ended (%v) while its caller lives", ok, lookupCtx.Err())
	}
	cancelled := clock.Now()
	cancel()
	if until, ok := waitDeadline(lookupCtx); !ok || !until.Equal(cancelled.Add(CreateLookupBound)) {
		t.Fatalf("deadline %v (%v), want a minute after the cancellation", until, ok)
	}
	if lookupCtx.Err() != nil {
		t.Fatal("the lookup ended with its caller")
	}
	close(bound)
	select {
	case <-lookupCtx.Done():
	case <-time.After(10 * time.Second): // a bound on a signal, not a wait for time
		t.Fatal("the lookup did not end at its bound")
	}
	if !errors.Is(context.Cause(lookupCtx), errLookupBound) {
		t.Fatalf("cause = %v", context.Cause(lookupCtx))
	}
}
