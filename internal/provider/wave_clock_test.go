package provider

import (
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/koreai/terraform-provider-smartassist/internal/coalesce"
)

// terraformParallelism is how many operations Terraform runs at once when
// no -parallelism is given, as in resource.Test.
const terraformParallelism = 10

// waveClockGuard bounds how long a wave may take to arrive before the
// clock lets its batch go anyway and fails the test: a bound on a signal
// (Terraform sends fewer records at once than the test expects), not a
// wait for time.
const waveClockGuard = 2 * time.Minute

// waveClock is the provider's batch clock in the tests that count bulk
// calls. Its time stands still while Terraform's parallel operations
// arrive: a batcher's timer runs only once as many records wait as
// Terraform sends at once, or as are left of what the test expects, and
// then the clock moves to that timer's time. So a batch holds exactly one
// wave however slowly a loaded machine delivers it, and a test can count
// its calls exactly. More records than expected go one by one, so a wrong
// expectation shows as more calls, not as a pass.
type waveClock struct {
	t *testing.T

	mu      sync.Mutex
	now     time.Time
	timers  []*waveTimer
	left    int // records expected and not yet released
	waiting int // records waiting in the batcher, as last reported
	guard   *time.Timer
	stopped bool
}

type waveTimer struct {
	c     *waveClock
	at    time.Time
	f     func()
	ended bool
}

func newWaveClock(t *testing.T) *waveClock {
	c := &waveClock{t: t, now: time.Now()}
	t.Cleanup(func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.stopped = true
		if c.guard != nil {
			c.guard.Stop()
		}
	})
	return c
}

// expect says that n records are about to arrive, in waves of at most
// terraformParallelism.
func (c *waveClock) expect(n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.left = n
}

func (c *waveClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *waveClock) AfterFunc(d time.Duration, f func()) coalesce.Timer {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &waveTimer{c: c, at: c.now.Add(d), f: f}
	c.timers = append(c.timers, t)
	c.releaseLocked(false)
	return t
}

func (t *waveTimer) Stop() bool {
	t.c.mu.Lock()
	defer t.c.mu.Unlock()
	if t.ended {
		return false
	}
	t.ended = true
	return true
}

// Waiting is told by the batcher how many records wait.
func (c *waveClock) Waiting(n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.waiting = n
	c.releaseLocked(false)
}

// releaseLocked runs the earliest live timer once the wave is complete (or
// forced, by the guard), moving the clock to its time. It runs it in its
// own goroutine: the batcher that armed it or reported to the clock holds
// its own lock.
func (c *waveClock) releaseLocked(forced bool) {
	if c.guard != nil {
		c.guard.Stop()
		c.guard = nil
	}
	if c.waiting == 0 || c.stopped {
		return
	}
	want := min(terraformParallelism, c.left)
	if c.waiting < want && !forced {
		c.guard = time.AfterFunc(waveClockGuard, func() {
			c.mu.Lock()
			defer c.mu.Unlock()
			if c.stopped {
				return
			}
			c.t.Errorf("the wave clock waited %s for %d records to arrive together and saw %d: it let them go; "+
				"does Terraform still run %d operations at once?", waveClockGuard, want, c.waiting, terraformParallelism)
			c.releaseLocked(true)
		})
		return
	}
	var due *waveTimer
	for _, t := range c.timers {
		if !t.ended && (due == nil || t.at.Before(due.at)) {
			due = t
		}
	}
	if due == nil {
		return // the batcher arms its timer next
	}
	due.ended = true
	if due.at.After(c.now) {
		c.now = due.at
	}
	c.left = max(c.left-c.waiting, 0)
	c.waiting = 0
	go due.f()
}

// waveProviderFactories serve a provider whose batchers run on clock.
func waveProviderFactories(clock *waveClock) map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"smartassist": providerserver.NewProtocol6WithError(&smartassistProvider{version: "test", batchClock: clock}),
	}
}

// waves is how many batches n records make on a waveClock.
func waves(n int) int { return ceilDiv(n, terraformParallelism) }
