package client

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofrs/flock"
)

// Issue 20, item 3: waits ended by Ctrl-C give their slots back at once,
// so the next request (the lookup of what was created) takes the earliest
// free slot, not one behind every abandoned wait. In memory and in the
// shared state file alike.
func TestCancelledWaitsGiveTheEarliestSlotBack(t *testing.T) {
	for name, limiter := range map[string]func(*testing.T, *testClock) *Limiter{
		"memory": func(_ *testing.T, clock *testClock) *Limiter {
			return newLimiter(30, &memStore{}, clock.Now, clock.Sleep)
		},
		"file": func(t *testing.T, clock *testClock) *Limiter {
			return sharedLimiter(t, t.TempDir(), "acct-1", 30, clock)
		},
	} {
		t.Run(name, func(t *testing.T) {
			clock := newTestClock()
			l := limiter(t, clock)
			start := clock.Now()
			if slot, err := l.wait(t.Context()); err != nil || !slot.Equal(start) {
				t.Fatalf("first slot +%s, %v; want +0s", slot.Sub(start), err)
			}

			// Ten requests queue for the slots at 2s, 4s, … 20s, and are all
			// interrupted while they wait.
			const waiters = 10
			ctx, cancel := context.WithCancel(t.Context())
			entered, gate := make(chan time.Duration, waiters), make(chan struct{})
			clock.onSleep = func(d time.Duration) {
				entered <- d
				<-gate
			}
			var wg sync.WaitGroup
			errs := make(chan error, waiters)
			for i := 0; i < waiters; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, err := l.wait(ctx)
					errs <- err
				}()
			}
			var longest time.Duration
			for i := 0; i < waiters; i++ {
				longest = max(longest, <-entered)
			}
			if longest != 2*waiters*time.Second {
				t.Fatalf("the last waiter waited for +%s, want +20s", longest)
			}
			cancel()
			close(gate)
			wg.Wait()
			close(errs)
			for err := range errs {
				if !errors.Is(err, context.Canceled) {
					t.Fatalf("an interrupted wait ended with %v", err)
				}
			}

			clock.onSleep = nil
			slot, err := l.wait(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			if got := slot.Sub(start); got != 2*time.Second {
				t.Fatalf("the request after the interrupt went at +%s, want +2s (the earliest free slot)", got)
			}
		})
	}
}

// A slot given back does not undo a 429's Retry-After.
func TestAGivenBackSlotKeepsTheThrottlePause(t *testing.T) {
	start := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC).UnixNano()
	var s budgetState
	first, _ := s.reserve(start, 60)
	s.throttled(start+int64(500*time.Millisecond), first, 10*time.Second, 60)
	queued, _ := s.reserve(start+int64(time.Second), 60)
	s.release(queued, start+int64(time.Second), 60)
	if next, _ := s.reserve(start+int64(time.Second), 60); next != start+int64(10500*time.Millisecond) {
		t.Fatalf("slot +%s after a slot was given back, want +10.5s (Retry-After from 0.5s)", time.Duration(next-start))
	}
}

// Issue 20, item 7: a time far ahead in the state file (a clock stepped
// back, a broken writer) costs at most one window and the longest
// Retry-After honoured, not the whole distance.
func TestAFutureTimeInTheStateFileIsClamped(t *testing.T) {
	dir := t.TempDir()
	clock := newTestClock()
	l := sharedLimiter(t, dir, "acct-1", 60, clock)
	far := clock.Now().Add(10 * time.Hour).UnixNano()
	st := readBudgetFile(t, dir, "acct-1")
	st.Next, st.Hold, st.Sent, st.Share, st.ShareAt = far, far, []int64{far, far}, 0.5, far
	raw, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, BudgetFileName("https://platform.example.com", "acct-1")), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if w := l.Reserve(t.Context()); w != 6*time.Minute+windowGuard {
		t.Fatalf("wait %s behind a time 10h ahead, want 6m0.25s (a window of 1m0.25s and the 5m Retry-After cap)", w)
	}
	// The drop of the pace "in the future" counts from now: half the budget.
	if got := l.PerMinute(); got != 30 {
		t.Fatalf("pace %v a minute, want 30", got)
	}
}

// The format version is in the file's name: a provider of another version
// on the same machine keeps its own file, and neither starts the other's
// afresh.
func TestTheStateFileNameCarriesTheFormatVersion(t *testing.T) {
	name := BudgetFileName("https://platform.example.com", "acct-1")
	if !strings.HasPrefix(name, "budget-v2-") {
		t.Fatalf("name = %q, want it to start with budget-v2-", name)
	}
	dir := t.TempDir()
	// The name version 1 used, with a version 1 file in it.
	v1 := filepath.Join(dir, "budget-"+strings.TrimPrefix(name, "budget-v2-"))
	v1Content := []byte(`{"version":1,"host":"https://platform.example.com","accountId":"acct-1","next":1,"sent":[1]}`)
	if err := os.WriteFile(v1, v1Content, 0o600); err != nil {
		t.Fatal(err)
	}
	clock := newTestClock()
	l := sharedLimiter(t, dir, "acct-1", 60, clock)
	l.Reserve(t.Context())
	l.Reserve(t.Context())
	if raw, err := os.ReadFile(v1); err != nil || string(raw) != string(v1Content) {
		t.Fatalf("the version 1 file changed: %s, %v", raw, err)
	}
	if st := readBudgetFile(t, dir, "acct-1"); st.Version != 2 || len(st.Sent) != 2 {
		t.Fatalf("version 2 file: version %d, %d slots; want 2, 2", st.Version, len(st.Sent))
	}
}

// holdLock takes the lock of acct-1's state file in dir as another process
// would (flock locks of separate opens exclude each other).
func holdLock(t *testing.T, dir string) {
	t.Helper()
	name := BudgetFileName("https://platform.example.com", "acct-1")
	other := flock.New(filepath.Join(dir, strings.TrimSuffix(name, ".json")+".lock"))
	if err := other.Lock(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = other.Unlock() })
}

// A wait for a lock that another process holds ends with the caller's
// context, and does not give up the shared budget.
func TestAHeldLockAndACancelledContextReturnPromptly(t *testing.T) {
	dir := t.TempDir()
	clock := newTestClock()
	l := sharedLimiter(t, dir, "acct-1", 60, clock)
	logger := &captureLogger{}
	l.logger = logger
	holdLock(t, dir)
	ctx, cancel := context.WithCancel(t.Context())
	clock.onSleep = func(time.Duration) { cancel() }
	if _, err := l.wait(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if got := clock.Slept(); len(got) != 1 || got[0] != budgetLockRetry {
		t.Fatalf("slept %v, want one retry delay of %s", got, budgetLockRetry)
	}
	if _, shared := l.store.(*fileStore); !shared || len(logger.lines) != 0 {
		t.Fatalf("the limiter left the shared budget (%T, log %q) on a cancelled wait", l.store, logger.lines)
	}
}

// A lock held past budgetLockTimeout: the limiter keeps a budget of its
// own, and warns.
func TestALockHeldPastTheBoundFallsBackWithAWarning(t *testing.T) {
	dir := t.TempDir()
	clock := newTestClock()
	l := sharedLimiter(t, dir, "acct-1", 60, clock)
	logger := &captureLogger{}
	l.logger = logger
	holdLock(t, dir)
	start := clock.Now()
	slot, err := l.wait(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if waited := clock.Now().Sub(start); waited != budgetLockTimeout || !slot.Equal(clock.Now()) {
		t.Fatalf("waited %s for the lock and got the slot at +%s; want 5s, then a slot at once", waited, slot.Sub(start))
	}
	if _, own := l.store.(*memStore); !own {
		t.Fatalf("store %T, want the limiter's own", l.store)
	}
	if len(logger.lines) != 1 || !regexp.MustCompile(`^SmartAssist API rate budget: the rate budget shared with other processes failed \(the lock .*\.lock was held by another process for 5s or more, .*\); this client keeps a budget of its own from now on`).MatchString(logger.lines[0]) {
		t.Fatalf("log = %q, want one warning that the lock was held too long", logger.lines)
	}
	// From now on it does not wait for the lock.
	before := len(clock.Slept())
	l.Reserve(t.Context())
	if len(clock.Slept()) != before {
		t.Fatal("the limiter waited for the lock again")
	}
}
