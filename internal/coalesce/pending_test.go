package coalesce

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"testing"
	"time"
)

// A batch waits for every record announced by Begin: while one is on its
// way it waits up to MaxWait, and once the last has arrived (or ended with
// no record), Quiet more.
func TestBatcherWaitsForPendingRecords(t *testing.T) {
	tb := newTestBatcher(nil)
	start := tb.clk.Now()
	a, b := tb.Begin(), tb.Begin()
	out := make(chan doResult, 2)
	go func() { v, err := a.Do(t.Context(), 1); out <- doResult{1, v, err} }()
	if got := tb.clk.waitArmed(1)[0]; got != time.Second {
		t.Fatalf("with a record still on its way the batch armed %v, want MaxWait (1s)", got)
	}
	tb.clk.Advance(500 * time.Millisecond)
	tb.noRun(t, 0)
	b.End() // no record comes: the batch waits Quiet from here
	if got := tb.clk.waitArmed(1)[0]; got != 100*time.Millisecond {
		t.Fatalf("after the last pending record ended the batch armed %v, want Quiet (100ms)", got)
	}
	tb.clk.Advance(100 * time.Millisecond)
	if r := <-tb.runs; !slices.Equal(r.reqs, []int{1}) || r.at.Sub(start) != 600*time.Millisecond {
		t.Fatalf("batch %v at +%s, want [1] at +600ms", r.reqs, r.at.Sub(start))
	}
	if d := <-out; d.val != 10 || d.err != nil {
		t.Fatalf("record 1: %+v", d)
	}
	b.End() // a second End changes nothing
	a.End() // nor does an End after Do
	tb.clk.Advance(time.Hour)
	tb.noRun(t, 0)
}

// With Serial, records that arrive while a batch runs wait for it to end and
// then go together.
func TestSerialBatcherRunsOneBatchAtATime(t *testing.T) {
	hold := make(chan struct{})
	tb := newTestBatcher(hold)
	tb.Serial = true
	out := make(chan doResult, 3)
	tb.start(t.Context(), 1, out)
	tb.clk.waitArmed(1)
	tb.clk.Advance(100 * time.Millisecond)
	if r := <-tb.runs; !slices.Equal(r.reqs, []int{1}) {
		t.Fatalf("first batch %v", r.reqs)
	}
	tb.start(t.Context(), 2, out)
	tb.start(t.Context(), 3, out)
	tb.waitPending(2)
	tb.clk.Advance(time.Hour) // nothing is armed while the first batch runs
	tb.noRun(t, 1)
	hold <- struct{}{}
	if d := <-out; d.req != 1 || d.val != 10 {
		t.Fatalf("record 1: %+v", d)
	}
	// The first batch's end re-examines the waiting records: both are
	// overdue (MaxWait passed while it ran), so they go at once.
	r := <-tb.runs
	if !slices.Equal(r.reqs, []int{2, 3}) {
		t.Fatalf("second batch %v, want [2 3]", r.reqs)
	}
	close(hold)
	for range 2 {
		if d := <-out; d.err != nil || d.val != d.req*10 {
			t.Fatalf("record %d: %+v", d.req, d)
		}
	}
}

// A full batch goes at once, without waiting for the clock.
func TestBatcherSendsAFullBatchAtOnce(t *testing.T) {
	tb := newTestBatcher(nil)
	tb.Max = 3
	out := make(chan doResult, 3)
	for i := 1; i <= 3; i++ {
		tb.start(t.Context(), i, out)
	}
	r := <-tb.runs
	if !slices.Equal(r.reqs, []int{1, 2, 3}) || !r.at.Equal(tb.clk.Now()) {
		t.Fatalf("batch %v at %s, want [1 2 3] before the clock moved", r.reqs, r.at)
	}
}

// With LeaveSent, a caller whose context ends after its batch was sent
// returns at once with its context's error; the batch runs on for the
// others.
func TestBatcherLeaveSent(t *testing.T) {
	hold := make(chan struct{})
	tb := newTestBatcher(hold)
	tb.LeaveSent = true
	out := make(chan doResult, 2)
	ctx, cancel := context.WithCancel(t.Context())
	tb.start(ctx, 1, out)
	tb.start(t.Context(), 2, out)
	tb.clk.waitArmed(2)
	tb.clk.Advance(100 * time.Millisecond)
	r := <-tb.runs
	cancel()
	var ns *unsentError
	if d := <-out; d.req != 1 || !errors.Is(d.err, context.Canceled) || errors.As(d.err, &ns) {
		t.Fatalf("the cancelled caller of a sent batch got %+v, want its bare cancellation", d)
	}
	if r.ctx.Err() != nil {
		t.Fatal("the batch stopped while another caller waited")
	}
	close(hold)
	if d := <-out; d.req != 2 || d.val != 20 {
		t.Fatalf("record 2: %+v", d)
	}
}

// waitPending waits until n records wait in the batcher; a record's arrival
// arms no timer while a Serial batch runs, so there is no other signal.
func (tb *testBatcher) waitPending(n int) {
	for {
		tb.mu.Lock()
		got := len(tb.pending)
		tb.mu.Unlock()
		if got >= n {
			return
		}
		runtime.Gosched()
	}
}

// waitLive waits until n callers of g are live: a caller's cancellation
// reaches the group through a watcher goroutine, so a test that says "the
// group is not done" waits for that watcher first.
func waitLive(g *Group, n int) {
	for {
		g.mu.Lock()
		live := g.live
		g.mu.Unlock()
		if live <= n {
			return
		}
		runtime.Gosched()
	}
}

func TestGroupIsDoneWhenEveryCallerIs(t *testing.T) {
	a, cancelA := context.WithCancel(t.Context())
	b, cancelB := context.WithCancel(t.Context())
	type key struct{}
	a = context.WithValue(a, key{}, "first")
	g := NewGroup(a, b)
	defer g.End()
	if g.Value(key{}) != "first" {
		t.Fatalf("the group's values are not the first caller's")
	}
	cancelA()
	waitLive(g, 1) // the watcher of a has seen it go
	select {
	case <-g.Done():
		t.Fatal("the group ended while a caller remained")
	default:
	}
	cancelB()
	<-g.Done()
	if !errors.Is(g.Err(), context.Canceled) {
		t.Fatalf("Err = %v", g.Err())
	}
	if g.Join(t.Context()) {
		t.Fatal("a caller joined a group that was done")
	}
	if done := NewGroup(a, b); done.Err() == nil {
		t.Fatal("a group of callers all done already is not done")
	}
}
