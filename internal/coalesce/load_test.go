package coalesce

import (
	"context"
	"errors"
	"testing"
)

func TestSharedLoadRunsUntilItsLastWaiterLeaves(t *testing.T) {
	started, release := make(chan context.Context, 1), make(chan struct{})
	ctxA, cancelA := context.WithCancel(t.Context())
	ctxB, cancelB := context.WithCancel(t.Context())
	l := NewLoad[int](ctxA)
	l.Run(func(ctx context.Context) (int, error) {
		started <- ctx
		select {
		case <-release:
			return 7, nil
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	})
	loadCtx := <-started
	errA, errB := make(chan error, 1), make(chan error, 1)
	go func() { _, err := l.Wait(ctxA, true); errA <- err }()
	if !l.group.Join(ctxB) { // as wait(ctxB, false) does, but before A leaves
		t.Fatal("B could not join")
	}
	go func() { _, err := l.Wait(ctxB, true); errB <- err }()
	cancelA()
	if err := <-errA; !errors.Is(err, context.Canceled) {
		t.Fatalf("the first waiter got %v, want its own cancellation at once", err)
	}
	waitLive(l.group, 1) // the group has seen A go
	if loadCtx.Err() != nil {
		t.Fatal("the load stopped while a waiter still wanted it")
	}
	cancelB()
	<-loadCtx.Done()
	if err := <-errB; !errors.Is(err, context.Canceled) {
		t.Fatalf("the second waiter got %v", err)
	}
	// A caller arriving after everyone left starts afresh.
	if _, err := l.Wait(t.Context(), false); !errors.Is(err, ErrAbandoned) {
		t.Fatalf("a late waiter got %v, want ErrAbandoned", err)
	}
	close(release)
}
