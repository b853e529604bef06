package provider

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"
)

// batcher coalesces concurrent calls into one bulk call. Terraform applies
// independent resources in parallel (ten at a time by default); each
// resource hands its record to the batcher, which waits while others keep
// arriving (until none has for quiet, or the first has waited maxWait), or
// until it holds max records, and then runs them in one call. Each caller
// gets its own record's result.
//
// A caller that is cancelled (Ctrl-C) while its record still waits leaves
// the batch at once, and its record is never sent. Once a batch is sent,
// the bulk call runs on a groupContext of its callers: it is cancelled only
// when every one of them is (so Ctrl-C stops its rate-limit wait at once),
// and every caller waits for its outcome, so a record the API created is
// never lost because its caller was interrupted (run reconciles what an
// interrupted call may have done).
type batcher[Req, Res any] struct {
	clock   clock
	quiet   time.Duration
	maxWait time.Duration
	max     int
	timeout time.Duration
	run     func(ctx context.Context, reqs []Req) []batchResult[Res]

	mu      sync.Mutex
	pending []*batchCall[Req, Res]
	first   time.Time // when the first pending record arrived
	timer   timer
}

type batchResult[Res any] struct {
	val Res
	err error
}

type batchCall[Req, Res any] struct {
	ctx  context.Context
	req  Req
	done chan batchResult[Res]
}

// notSentError is a record whose caller was interrupted before its batch
// was sent: nothing was changed.
type notSentError struct{ err error }

func (e *notSentError) Error() string {
	return fmt.Sprintf("interrupted before the request was sent, so nothing was changed: %v", e.err)
}

func (e *notSentError) Unwrap() error { return e.err }

// Do adds req to the next batch and waits for its result.
func (b *batcher[Req, Res]) Do(ctx context.Context, req Req) (Res, error) {
	var zero Res
	if err := ctx.Err(); err != nil {
		return zero, &notSentError{err}
	}
	call := &batchCall[Req, Res]{ctx: ctx, req: req, done: make(chan batchResult[Res], 1)}
	b.mu.Lock()
	b.pending = append(b.pending, call)
	if len(b.pending) == 1 {
		b.first = b.clock.Now()
	}
	if len(b.pending) >= b.max {
		batch := b.takeLocked()
		b.mu.Unlock()
		go b.flush(batch)
	} else {
		// Wait quiet for the next record, but never past maxWait.
		wait := min(b.quiet, b.maxWait-b.clock.Now().Sub(b.first))
		if b.timer != nil {
			b.timer.Stop()
		}
		b.timer = b.clock.AfterFunc(max(wait, 0), func() {
			b.mu.Lock()
			batch := b.takeLocked()
			b.mu.Unlock()
			b.flush(batch)
		})
		b.mu.Unlock()
	}
	select {
	case r := <-call.done:
		return r.val, r.err
	case <-ctx.Done():
	}
	b.mu.Lock()
	if i := slices.Index(b.pending, call); i >= 0 {
		b.pending = slices.Delete(b.pending, i, i+1)
		if len(b.pending) == 0 && b.timer != nil {
			b.timer.Stop()
			b.timer = nil
		}
		b.mu.Unlock()
		return zero, &notSentError{ctx.Err()}
	}
	b.mu.Unlock()
	// The batch is on its way: its outcome is this record's.
	r := <-call.done
	return r.val, r.err
}

func (b *batcher[Req, Res]) takeLocked() []*batchCall[Req, Res] {
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
	batch := b.pending
	b.pending = nil
	return batch
}

func (b *batcher[Req, Res]) flush(batch []*batchCall[Req, Res]) {
	if len(batch) == 0 {
		return
	}
	reqs := make([]Req, len(batch))
	ctxs := make([]context.Context, len(batch))
	for i, c := range batch {
		reqs[i], ctxs[i] = c.req, c.ctx
	}
	group := newGroupContext(ctxs...)
	defer group.end()
	var results []batchResult[Res]
	if err := group.Err(); err != nil {
		// Every caller was interrupted as the batch was taken: send nothing.
		results = make([]batchResult[Res], len(batch))
		for i := range results {
			results[i].err = &notSentError{err}
		}
	} else {
		ctx, cancel := context.WithTimeout(group, b.timeout)
		results = b.run(ctx, reqs)
		cancel()
	}
	for i, c := range batch {
		c.done <- results[i]
	}
}
