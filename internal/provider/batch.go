package provider

import (
	"context"
	"sync"
	"time"
)

// batcher coalesces concurrent calls into one bulk call. Terraform applies
// independent resources in parallel (ten at a time by default); each
// resource hands its record to the batcher, which waits a short window for
// others, or until it holds max records, and then runs them in one call.
// Each caller gets its own record's result.
//
// The bulk call runs on its own context, detached from the callers': once a
// write is sent, every caller waits for its outcome, so a record the API
// created is never lost because one caller was interrupted.
type batcher[Req, Res any] struct {
	window  time.Duration
	max     int
	timeout time.Duration
	run     func(ctx context.Context, reqs []Req) []batchResult[Res]

	mu      sync.Mutex
	pending []*batchCall[Req, Res]
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
	switch {
	case len(b.pending) >= b.max:
		batch := b.takeLocked()
		b.mu.Unlock()
		go b.flush(batch)
	case b.timer == nil:
		b.timer = time.AfterFunc(b.window, func() {
			b.mu.Lock()
			batch := b.takeLocked()
			b.mu.Unlock()
			b.flush(batch)
		})
		b.mu.Unlock()
	default:
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
