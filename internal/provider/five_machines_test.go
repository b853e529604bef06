package provider

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// Five runners on five machines (no shared budget file) apply 12 agents
// each to one account that allows 60 requests a minute, all started at
// once or a few seconds apart, as the pull requests of a large contact
// center plan and apply in parallel: every apply succeeds, each machine
// meets one 429 at most (5% of the calls when they start at once), and the
// whole takes no longer than 1.2 × the calls at 60 a minute. Each learns
// its share of the account from the first throttle it meets (budget.go).
func TestFiveMachinesShareAnAccountPolitely(t *testing.T) {
	skipLive(t, liveNeedsThrottle)
	const machines, agents, rpm = 5, 12, 60
	for _, retryAfter := range []bool{true, false} {
		for _, stagger := range []time.Duration{0, 500 * time.Millisecond, time.Second} {
			t.Run(fmt.Sprintf("retry-after=%v/stagger=%s", retryAfter, stagger), func(t *testing.T) {
				clock := newVirtualClock()
				emu := emulator.New(emulator.Config{RateLimitPerMinute: rpm, Now: clock.Now})
				errs := make([]error, machines)
				fs := make([]func(), machines)
				for m := range machines {
					c := machineClient(t, emu, clock, rpm, !retryAfter)
					fs[m] = func() {
						if errs[m] = clock.Sleep(t.Context(), time.Duration(m)*stagger); errs[m] == nil {
							errs[m] = simulatedApply(t.Context(), c, clock, fmt.Sprintf("runner%d-", m), agents, 10)
						}
					}
				}
				start := clock.Now()
				clock.parallel(fs...)
				took := clock.Now().Sub(start)
				for m, err := range errs {
					if err != nil {
						t.Fatalf("runner %d: %v", m, err)
					}
				}
				calls, limited := emu.TotalRequests(), emu.StatusCounts()[http.StatusTooManyRequests]
				// The 429s count: the API refused them, but they took
				// their time all the same.
				ideal := time.Duration(float64(calls) / rpm * float64(time.Minute))
				t.Logf("%d calls, %d answered 429 (%.1f%%), in %s: %.2f × calls ÷ rate", calls, limited,
					100*float64(limited)/float64(calls), took, took.Seconds()/ideal.Seconds())
				// Each machine must meet one throttle to learn that it is
				// not alone: nothing else crosses machines, and a machine
				// that could tell without one would slow a lone apply down
				// as much. So the floor is one 429 per machine still at
				// work when the window first fills, and more is a machine
				// that did not learn from its first.
				if limited > machines {
					t.Errorf("%d calls answered 429, want at most one per machine (%d)", limited, machines)
				}
				if stagger == 0 && limited*20 > calls {
					t.Errorf("%d of %d calls answered 429 (%.1f%%), want at most 5%%", limited, calls, 100*float64(limited)/float64(calls))
				}
				if bound := ideal * 12 / 10; took > bound+time.Duration(machines-1)*stagger {
					t.Errorf("the five applies took %s, want at most 1.2 × %d calls ÷ %d a minute = %s (plus the stagger)", took, calls, rpm, bound)
				}
			})
		}
	}
}

// One machine alone keeps its pace: none of its calls answered 429, and the
// apply takes no longer than 1.1 × its calls at 60 a minute, small or large.
func TestOneMachineAloneKeepsItsPace(t *testing.T) {
	skipLive(t, liveNeedsThrottle)
	const rpm = 60
	for _, agents := range []int{12, 90} {
		t.Run(fmt.Sprint(agents, " agents"), func(t *testing.T) {
			clock := newVirtualClock()
			emu := emulator.New(emulator.Config{RateLimitPerMinute: rpm, Now: clock.Now})
			c := machineClient(t, emu, clock, rpm, true)
			start := clock.Now()
			if err := simulatedApply(t.Context(), c, clock, "alone-", agents, 10); err != nil {
				t.Fatal(err)
			}
			took := clock.Now().Sub(start)
			calls, limited := emu.TotalRequests(), emu.StatusCounts()[http.StatusTooManyRequests]
			ideal := time.Duration(float64(calls) / rpm * float64(time.Minute))
			t.Logf("%d calls, %d answered 429, in %s: %.2f × calls ÷ rate", calls, limited, took, took.Seconds()/ideal.Seconds())
			if limited != 0 {
				t.Errorf("%d calls answered 429, want none", limited)
			}
			if took > ideal*11/10 {
				t.Errorf("the apply took %s, want at most 1.1 × %d calls ÷ %d a minute = %s", took, calls, rpm, ideal*11/10)
			}
		})
	}
}
