package provider

import "time"

// clock is the time source of everything in the provider that waits or
// batches: the contact batchers and the agent store. Production code uses
// realClock; tests use a fake one and drive time themselves, so no test
// sleeps to wait for a batch window.
type clock interface {
	Now() time.Time
	// AfterFunc calls f in its own goroutine once d has passed, unless the
	// returned timer is stopped first.
	AfterFunc(d time.Duration, f func()) timer
}

// timer is a pending AfterFunc.
type timer interface {
	// Stop prevents the call; it reports whether it did.
	Stop() bool
}

type realClock struct{}

func (realClock) Now() time.Time                            { return time.Now() }
func (realClock) AfterFunc(d time.Duration, f func()) timer { return time.AfterFunc(d, f) }
