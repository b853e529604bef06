package provider

import (
	"context"
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
// The bulk call runs on its own context, detached from the callers': once a
// write is sent, every caller waits for its outcome, so a record the API
// created is never lost because one caller was interrupted.
type batcher[Req, Res any] struct {
	quiet   time.Duration
	maxWait time.Duration
	max     int
	timeout time.Duration
	run     func(ctx context.Context, reqs []Req) []batchResult[Res]

	mu      sync.Mutex
	pending []*batchCall[Req, Res]
	first   time.Time // when the first pending record arrived
	timer   *time.Timer
}

type batchResult[Res any] struct {
	val Res
	err error
}

type batchCall[Req, Res any] struct {
	req  Req
	done chan batchResult[Res]
}

// Do adds req to the next batch and waits for its result.
func (b *batcher[Req, Res]) Do(req Req) (Res, error) {
	call := &batchCall[Req, Res]{req: req, done: make(chan batchResult[Res], 1)}
	b.mu.Lock()
	b.pending = append(b.pending, call)
	if len(b.pending) == 1 {
		b.first = time.Now()
	}
	if len(b.pending) >= b.max {
		batch := b.takeLocked()
		b.mu.Unlock()
		go b.flush(batch)
	} else {
		// Wait quiet for the next record, but never past maxWait.
		wait := min(b.quiet, b.maxWait-time.Since(b.first))
		if b.timer != nil {
			b.timer.Stop()
		}
		b.timer = time.AfterFunc(max(wait, 0), func() {
			b.mu.Lock()
			batch := b.takeLocked()
			b.mu.Unlock()
			b.flush(batch)
		})
		b.mu.Unlock()
	}
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
	for i, c := range batch {
		reqs[i] = c.req
	}
	ctx, cancel := context.WithTimeout(context.Background(), b.timeout)
	defer cancel()
	results := b.run(ctx, reqs)
	for i, c := range batch {
		c.done <- results[i]
	}
}
