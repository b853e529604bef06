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

// Timer is a pending AfterFunc.
type Timer interface {
	// Stop prevents the call; it reports whether it did.
	Stop() bool
}

// RealClock is the system clock.
type RealClock struct{}

func (RealClock) Now() time.Time                            { return time.Now() }
func (RealClock) AfterFunc(d time.Duration, f func()) Timer { return time.AfterFunc(d, f) }
