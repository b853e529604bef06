package coalesce

import "time"

// Clock is the time source of the batchers. Production code uses RealClock;
// tests use a fake one and move it themselves.
type Clock interface {
	Now() time.Time
	// AfterFunc calls f once d has passed, unless the returned timer is
	// stopped first: the real clock in a goroutine of its own, a test's
	// clock in the goroutine that moves it. f must not need a lock that
	// the caller of AfterFunc, or whoever moves the clock, holds.
	AfterFunc(d time.Duration, f func()) Timer
}

// WaitWatcher is a Clock that is told how many records wait in a batcher
// each time the batcher has taken them in (a record arrived, left or was
// sent). A test's clock uses it to hold time still until the records it
// expects have all arrived, so that a loaded machine cannot split a batch
// that the test counts in calls. Waiting is called with the batcher's lock
// held: it must not call back into the batcher, nor run a timer's function
// itself. The real clock is none.
type WaitWatcher interface {
	Waiting(n int)
}

// Timer is a pending AfterFunc.
type Timer interface {
	// Stop prevents the call; it reports whether it did.
	Stop() bool
}

// RealClock is the system clock.
type RealClock struct{}

func (RealClock) Now() time.Time                            { return time.Now() }
func (RealClock) AfterFunc(d time.Duration, f func()) Timer { return time.AfterFunc(d, f) }
