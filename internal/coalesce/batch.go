package coalesce

import (
	"context"
	"slices"
	"sync"
	"time"
)

// Batcher coalesces concurrent calls into one bulk call. Terraform applies
// independent resources in parallel; each hands its record to the batcher,
// which waits while others keep arriving (until none has for Quiet, or the
// first has waited MaxWait), or until it holds Max records, and then runs
// them in one call. Each caller gets its own record's result.
//
// A caller cancelled while its record still waits leaves the batch at once,
// and its record is never sent. A sent batch runs on a Group of its callers:
// it is cancelled only when every one of them is, and each caller waits for
// its outcome (unless LeaveSent), so a record the call made is not lost
// because its caller was interrupted.
type Batcher[Req, Res any] struct {
	Clock   Clock
	Quiet   time.Duration
	MaxWait time.Duration
	Max     int           // the largest batch; 0 means no bound
	Timeout time.Duration // bounds one Run; 0 means none
	// Serial runs one batch at a time: records that arrive meanwhile wait
	// for it to end, so a run may rely on what the previous one learnt.
	Serial bool
	// LeaveSent lets a caller whose context ends after its batch was sent
	// return at once with its context's error, for callers whose context
	// already outlives an interrupt by as long as they may wait.
	LeaveSent bool
	// Run sends one batch and returns one result per record, in order.
	Run func(ctx context.Context, reqs []Req) []Result[Res]
	// NotSent makes the error of a record never sent from its caller's
	// context error; nil returns that error as it is.
	NotSent func(err error) error

	mu       sync.Mutex
	pending  []*call[Req, Res]
	first    time.Time // when the oldest pending record arrived
	stir     time.Time // when a record, or a Begin or its end, last arrived
	inflight int       // Begins not yet ended
	running  int
	timer    Timer
}

// Result is one record's outcome.
type Result[Res any] struct {
	Val Res
	Err error
}

type call[Req, Res any] struct {
	ctx  context.Context
	req  Req
	done chan Result[Res]
}

// Pending is a record on its way: its caller has begun the work that makes
// it (a create whose answer it needs, say). While any is pending, a batch
// waits for it, up to MaxWait.
type Pending[Req, Res any] struct {
	b     *Batcher[Req, Res]
	ended bool
}

// Begin announces a record on its way. Its Do, or End when no record
// comes, ends it.
func (b *Batcher[Req, Res]) Begin() *Pending[Req, Res] {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.inflight++
	b.stir = b.Clock.Now()
	return &Pending[Req, Res]{b: b}
}

// Do adds the announced record to the next batch and waits for its result.
func (p *Pending[Req, Res]) Do(ctx context.Context, req Req) (Res, error) { return p.b.do(ctx, req, p) }

// End says no record comes; after Do it does nothing.
func (p *Pending[Req, Res]) End() {
	p.b.mu.Lock()
	defer p.b.mu.Unlock()
	if p.endLocked() {
		p.b.flushLocked()
	}
}

func (p *Pending[Req, Res]) endLocked() bool {
	if p.ended {
		return false
	}
	p.ended = true
	p.b.inflight--
	p.b.stir = p.b.Clock.Now()
	return true
}

// Do adds req to the next batch and waits for its result.
func (b *Batcher[Req, Res]) Do(ctx context.Context, req Req) (Res, error) { return b.do(ctx, req, nil) }

func (b *Batcher[Req, Res]) do(ctx context.Context, req Req, p *Pending[Req, Res]) (Res, error) {
	var zero Res
	c := &call[Req, Res]{ctx: ctx, req: req, done: make(chan Result[Res], 1)}
	b.mu.Lock()
	if p != nil {
		p.endLocked()
	}
	if err := ctx.Err(); err != nil {
		b.flushLocked()
		b.mu.Unlock()
		return zero, b.notSent(err)
	}
	now := b.Clock.Now()
	if len(b.pending) == 0 {
		b.first = now
	}
	b.stir = now
	b.pending = append(b.pending, c)
	b.flushLocked()
	b.mu.Unlock()

	select {
	case r := <-c.done:
		return r.Val, r.Err
	case <-ctx.Done():
	}
	b.mu.Lock()
	if i := slices.Index(b.pending, c); i >= 0 {
		b.pending = slices.Delete(b.pending, i, i+1)
		if len(b.pending) == 0 {
			b.stopLocked()
		}
		b.reportLocked()
		b.mu.Unlock()
		return zero, b.notSent(ctx.Err())
	}
	b.mu.Unlock()
	if b.LeaveSent {
		return zero, ctx.Err()
	}
	// The batch is on its way: its outcome is this record's.
	r := <-c.done
	return r.Val, r.Err
}

func (b *Batcher[Req, Res]) notSent(err error) error {
	if b.NotSent == nil {
		return err
	}
	return b.NotSent(err)
}

func (b *Batcher[Req, Res]) stopLocked() {
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
}

// flushLocked sends what is due and arms the timer for what is not: a batch
// is due when it is full, or once MaxWait has passed since its first record,
// or, with no record on its way, once Quiet has passed since the last
// arrival.
func (b *Batcher[Req, Res]) flushLocked() {
	defer b.reportLocked()
	for len(b.pending) > 0 && !(b.Serial && b.running > 0) {
		if b.Max > 0 && len(b.pending) >= b.Max {
			b.sendLocked(b.Max)
			continue
		}
		now := b.Clock.Now()
		due := b.first.Add(b.MaxWait)
		if b.inflight == 0 {
			due = minTime(due, b.stir.Add(b.Quiet))
		}
		b.stopLocked()
		if wait := due.Sub(now); wait > 0 {
			b.timer = b.Clock.AfterFunc(wait, func() {
				b.mu.Lock()
				defer b.mu.Unlock()
				b.timer = nil
				b.flushLocked()
			})
			return
		}
		b.sendLocked(len(b.pending))
	}
	if len(b.pending) == 0 {
		b.stopLocked()
	}
}

// reportLocked tells a clock that watches (a test's) how many records wait.
func (b *Batcher[Req, Res]) reportLocked() {
	if w, ok := b.Clock.(WaitWatcher); ok {
		w.Waiting(len(b.pending))
	}
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// sendLocked takes the first n pending records and runs them.
func (b *Batcher[Req, Res]) sendLocked(n int) {
	b.stopLocked()
	batch := slices.Clone(b.pending[:n])
	b.pending = slices.Delete(b.pending, 0, n)
	if len(b.pending) > 0 {
		b.first = b.Clock.Now()
	}
	b.running++
	go b.flush(batch)
}

func (b *Batcher[Req, Res]) flush(batch []*call[Req, Res]) {
	reqs := make([]Req, len(batch))
	ctxs := make([]context.Context, len(batch))
	for i, c := range batch {
		reqs[i], ctxs[i] = c.req, c.ctx
	}
	group := NewGroup(ctxs...)
	var results []Result[Res]
	if err := group.Err(); err != nil {
		// Every caller was interrupted as the batch was taken: send nothing.
		results = make([]Result[Res], len(batch))
		for i := range results {
			results[i].Err = b.notSent(err)
		}
	} else {
		var ctx context.Context = group
		cancel := func() {}
		if b.Timeout > 0 {
			ctx, cancel = context.WithTimeout(group, b.Timeout)
		}
		results = b.Run(ctx, reqs)
		cancel()
	}
	group.End()
	for i, c := range batch {
		c.done <- results[i]
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.running--
	b.flushLocked()
}
