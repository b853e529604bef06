package coalesce

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"testing"
	"time"
)

// testBatcher is a batcher on a fake clock whose run reports each batch on
// runs and answers each record with its value times ten.
type testBatcher struct {
	*Batcher[int, int]
	clk  *fakeClock
	runs chan batchRun
}

type batchRun struct {
	at   time.Time
	reqs []int
	ctx  context.Context
}

func newTestBatcher(hold chan struct{}) *testBatcher {
	tb := &testBatcher{clk: newFakeClock(), runs: make(chan batchRun, 10)}
	tb.Batcher = &Batcher[int, int]{Clock: tb.clk, Quiet: 100 * time.Millisecond, MaxWait: time.Second, Max: 25, Timeout: time.Minute, NotSent: func(err error) error { return &unsentError{err} },
		Run: func(ctx context.Context, reqs []int) []Result[int] {
			tb.runs <- batchRun{at: tb.clk.Now(), reqs: slices.Sorted(slices.Values(reqs)), ctx: ctx}
			out := make([]Result[int], len(reqs))
			if hold != nil {
				select {
				case <-hold:
				case <-ctx.Done():
					for i := range out {
						out[i].Err = fmt.Errorf("run %d: %w", reqs[i], ctx.Err())
					}
					return out
				}
			}
			for i, r := range reqs {
				out[i].Val = r * 10
			}
			return out
		}}
	return tb
}

// unsentError stands for the caller's own error type of a record never
// sent (the provider gives client.NotSent).
type unsentError struct{ err error }

func (e *unsentError) Error() string { return "not sent: " + e.err.Error() }
func (e *unsentError) Unwrap() error { return e.err }

type doResult struct {
	req, val int
	err      error
}

// start calls Do for req in its own goroutine.
func (tb *testBatcher) start(ctx context.Context, req int, out chan<- doResult) {
	go func() {
		v, err := tb.Do(ctx, req)
		out <- doResult{req, v, err}
	}()
}

// noRun fails if a batch was sent that the test has not taken from runs.
// It first waits until the batcher is idle, with no batch on its way but
// the held ones the test has taken already: a batch taken early (by a
// timer that fired before its time, say) has its run reported before its
// batch ends, so it is on runs by then.
func (tb *testBatcher) noRun(t *testing.T, held int) {
	t.Helper()
	for {
		select {
		case r := <-tb.runs:
			t.Fatalf("a batch of %v was sent at %s, too early", r.reqs, r.at)
		default:
		}
		tb.mu.Lock()
		idle := tb.running <= held
		tb.mu.Unlock()
		if idle {
			break
		}
		runtime.Gosched()
	}
	select {
	case r := <-tb.runs:
		t.Fatalf("a batch of %v was sent at %s, too early", r.reqs, r.at)
	default:
	}
}

func TestBatcherSendsOnceQuietPasses(t *testing.T) {
	tb := newTestBatcher(nil)
	start := tb.clk.Now()
	out := make(chan doResult, 3)
	for i := 1; i <= 3; i++ {
		tb.start(t.Context(), i, out)
	}
	if got := tb.clk.waitArmed(3); got[2] != 100*time.Millisecond {
		t.Fatalf("the third record armed %v, want the 100ms quiet", got)
	}
	tb.clk.Advance(99 * time.Millisecond)
	tb.noRun(t, 0)
	tb.clk.Advance(time.Millisecond)
	r := <-tb.runs
	if !slices.Equal(r.reqs, []int{1, 2, 3}) || r.at.Sub(start) != 100*time.Millisecond {
		t.Fatalf("batch %v at +%s, want [1 2 3] at +100ms", r.reqs, r.at.Sub(start))
	}
	for range 3 {
		if d := <-out; d.err != nil || d.val != d.req*10 {
			t.Fatalf("record %d: %d, %v", d.req, d.val, d.err)
		}
	}
}

func TestBatcherSendsAtMaxWaitWhileRecordsKeepComing(t *testing.T) {
	tb := newTestBatcher(nil)
	start := tb.clk.Now()
	out := make(chan doResult, 20)
	// A record every 90ms: quiet never passes, so maxWait sends the batch.
	n := 0
	for {
		n++
		tb.start(t.Context(), n, out)
		wait := tb.clk.waitArmed(1)[0]
		if wait < 90*time.Millisecond {
			tb.clk.Advance(wait)
			break
		}
		tb.clk.Advance(90 * time.Millisecond)
		tb.noRun(t, 0)
	}
	r := <-tb.runs
	if len(r.reqs) != 12 || r.at.Sub(start) != time.Second {
		t.Fatalf("batch of %d at +%s, want 12 records at +1s (maxWait)", len(r.reqs), r.at.Sub(start))
	}
}

func TestBatcherCancelledWaiterLeavesUnsent(t *testing.T) {
	tb := newTestBatcher(nil)
	out := make(chan doResult, 2)
	ctx, cancel := context.WithCancel(t.Context())
	tb.start(ctx, 1, out)
	tb.clk.waitArmed(1)
	tb.start(t.Context(), 2, out)
	tb.clk.waitArmed(1)
	cancel()
	left := <-out // before the clock moves: it leaves at once
	var ns *unsentError
	if left.req != 1 || !errors.As(left.err, &ns) || !errors.Is(left.err, context.Canceled) {
		t.Fatalf("the cancelled record returned %+v, want a not-sent cancellation", left)
	}
	tb.clk.Advance(100 * time.Millisecond)
	if r := <-tb.runs; !slices.Equal(r.reqs, []int{2}) {
		t.Fatalf("batch %v, want only [2]: a cancelled record is never sent", r.reqs)
	}
	if d := <-out; d.req != 2 || d.val != 20 || d.err != nil {
		t.Fatalf("record 2: %+v", d)
	}

	// The last waiter leaving stops the timer: nothing is sent.
	ctx, cancel = context.WithCancel(t.Context())
	tb.start(ctx, 3, out)
	tb.clk.waitArmed(1)
	cancel()
	<-out
	tb.clk.Advance(time.Hour)
	tb.noRun(t, 0)
}

func TestBatcherSentBatchRunsUntilEveryCallerIsCancelled(t *testing.T) {
	hold := make(chan struct{})
	tb := newTestBatcher(hold)
	tb.Timeout = 0 // so the run's context is the group itself
	out := make(chan doResult, 2)
	ctxA, cancelA := context.WithCancel(t.Context())
	ctxB, cancelB := context.WithCancel(t.Context())
	tb.start(ctxA, 1, out)
	tb.start(ctxB, 2, out)
	tb.clk.waitArmed(2)
	tb.clk.Advance(100 * time.Millisecond)
	r := <-tb.runs

	cancelA()
	waitLive(r.ctx.(*Group), 1) // the group has seen A go
	select {
	case d := <-out:
		t.Fatalf("record %d returned while its batch was being sent: %+v", d.req, d)
	case <-r.ctx.Done():
		t.Fatal("the bulk call was cancelled while a caller still waited")
	default:
	}
	cancelB()
	<-r.ctx.Done() // the run's context ends once both have gone
	for range 2 {
		d := <-out
		// Each caller gets the run's own outcome (here, its error), not a
		// not-sent error: what an interrupted call did is the run's to say.
		if want := fmt.Sprintf("run %d: context canceled", d.req); d.err == nil || d.err.Error() != want {
			t.Fatalf("record %d: %v, want %q", d.req, d.err, want)
		}
	}
}
