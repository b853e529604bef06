package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// virtualClock is a clock for simulations of several clients at once: time
// moves only when every goroutine it tracks is asleep on it, and then jumps
// to the earliest wake-up. The clients' requests reach the emulator in the
// goroutine that sends them (inProcess), so nothing else waits on time, and
// a run of minutes takes milliseconds without depending on the machine's
// load.
type virtualClock struct {
	mu       sync.Mutex
	now      time.Time
	active   int // tracked goroutines not asleep on the clock
	sleepers []*sleeper
}

type sleeper struct {
	at   time.Time
	wake chan struct{}
}

// newVirtualClock tracks the calling goroutine.
func newVirtualClock() *virtualClock {
	return &virtualClock{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), active: 1}
}

func (c *virtualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Sleep waits until the clock has moved by d. The simulated contexts are
// never cancelled, so it only reports a context that ended before.
func (c *virtualClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil || d <= 0 {
		return err
	}
	s := &sleeper{at: c.Now().Add(d), wake: make(chan struct{})}
	c.mu.Lock()
	s.at = c.now.Add(d)
	c.sleepers = append(c.sleepers, s)
	c.active--
	c.advanceLocked()
	c.mu.Unlock()
	<-s.wake
	return ctx.Err()
}

// advanceLocked moves the clock to the earliest wake-up once every tracked
// goroutine sleeps, and wakes those due.
func (c *virtualClock) advanceLocked() {
	if c.active > 0 || len(c.sleepers) == 0 {
		return
	}
	slices.SortStableFunc(c.sleepers, func(a, b *sleeper) int { return a.at.Compare(b.at) })
	if c.sleepers[0].at.After(c.now) {
		c.now = c.sleepers[0].at
	}
	for len(c.sleepers) > 0 && !c.sleepers[0].at.After(c.now) {
		c.active++
		close(c.sleepers[0].wake)
		c.sleepers = c.sleepers[1:]
	}
}

// parallel runs fs, each in a tracked goroutine, and returns when all have
// returned; the caller does not count as awake meanwhile.
func (c *virtualClock) parallel(fs ...func()) {
	if len(fs) == 0 {
		return
	}
	done := make(chan struct{})
	remaining := len(fs)
	c.mu.Lock()
	c.active += len(fs) - 1
	c.mu.Unlock()
	for _, f := range fs {
		go func() {
			f()
			c.mu.Lock()
			defer c.mu.Unlock()
			if remaining--; remaining == 0 {
				c.active++ // the caller, before this one stops counting
				close(done)
			}
			c.active--
			c.advanceLocked()
		}()
	}
	<-done
}

// inProcess hands every request to the emulator in the sending goroutine.
type inProcess struct {
	emu            *emulator.Server
	dropRetryAfter bool
}

func (t inProcess) RoundTrip(req *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	t.emu.ServeHTTP(rec, req)
	resp := rec.Result()
	resp.Request = req
	if t.dropRetryAfter {
		resp.Header.Del("Retry-After")
	}
	return resp, nil
}

// machineClient is the client of a provider on a machine of its own: its
// budget file is in a cache folder no other machine shares.
func machineClient(t *testing.T, emu *emulator.Server, clock *virtualClock, rpm float64, dropRetryAfter bool) *client.Client {
	t.Helper()
	cfg := emu.Config()
	c, err := client.New(client.Config{
		Host: "https://emulator.invalid", StreamID: cfg.StreamID, AccountID: cfg.AccountID,
		ClientID: cfg.ClientID, ClientSecret: cfg.ClientSecret, RequestsPerMinute: rpm, MaxRetries: -1,
		BudgetDir: t.TempDir(), Transport: inProcess{emu, dropRetryAfter}, Now: clock.Now, Sleep: clock.Sleep,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// simulatedApply makes the calls of `terraform apply` creating n agents
// with -parallelism=par, as the agent store makes them: par creates at
// once, whose answers carry no id, then, once the last of them is
// answered and agentLookupQuiet has passed, one walk through the list for
// all of them; then the next par creates.
func simulatedApply(ctx context.Context, c *client.Client, clock *virtualClock, prefix string, n, par int) error {
	var size client.ListSize
	for first := 0; first < n; first += par {
		var emails []string
		var fs []func()
		errs := make([]error, min(par, n-first))
		for i := range errs {
			email := fmt.Sprintf("%s%02d@example.com", prefix, first+i)
			emails = append(emails, email)
			req := &client.AgentRequest{EmailID: &email, FirstName: ptr("Two"), LastName: ptr("Machines"), RoleID: ptr(seedRoleAgent)}
			fs = append(fs, func() {
				// The walk below is the lookup: the store's finder waits
				// for it, and costs no call of its own.
				_, errs[i] = c.Agents.CreateWith(ctx, req, func(context.Context, string) (*client.Agent, error) { return &client.Agent{}, nil })
			})
		}
		clock.parallel(fs...)
		for i, err := range errs {
			if err != nil {
				return fmt.Errorf("creating %s: %w", emails[i], err)
			}
		}
		if err := clock.Sleep(ctx, agentLookupQuiet); err != nil {
			return err
		}
		found, seen, err := c.Agents.FindByEmails(ctx, emails, size.PageOf(size.Results+len(emails)))
		if err != nil {
			return err
		}
		if len(found) != len(emails) {
			return fmt.Errorf("the walk found %d of the %d agents just created", len(found), len(emails))
		}
		if seen.Results > 0 && seen.PageSize > 0 {
			size = seen
		}
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

// Two runners on two machines (no shared budget file) apply 30 agents each
// to one account that allows 60 requests a minute: both finish, and the
// API answers at most 5% of their calls with 429. Each runner learns of
// the other only through its 429s, so this is what the adaptive pace is
// for. The pages document no Retry-After, so the runs are made with the
// emulator's Retry-After and without it; the second runner starts at once
// or a few seconds after the first.
func TestTwoMachinesShareAnAccountPolitely(t *testing.T) {
	skipLive(t, liveNeedsThrottle)
	for _, retryAfter := range []bool{true, false} {
		for _, offset := range []time.Duration{0, 3 * time.Second, 10 * time.Second} {
			t.Run(fmt.Sprintf("retry-after=%v/offset=%s", retryAfter, offset), func(t *testing.T) {
				clock := newVirtualClock()
				emu := emulator.New(emulator.Config{RateLimitPerMinute: 60, Now: clock.Now})
				a, b := machineClient(t, emu, clock, 60, !retryAfter), machineClient(t, emu, clock, 60, !retryAfter)
				start := clock.Now()
				var errA, errB error
				clock.parallel(
					func() { errA = simulatedApply(t.Context(), a, clock, "left", 30, 10) },
					func() {
						if errB = clock.Sleep(t.Context(), offset); errB == nil {
							errB = simulatedApply(t.Context(), b, clock, "right", 30, 10)
						}
					},
				)
				if errA != nil || errB != nil {
					t.Fatalf("first machine: %v; second machine: %v", errA, errB)
				}
				calls, limited := emu.TotalRequests(), emu.StatusCounts()[http.StatusTooManyRequests]
				share := 100 * float64(limited) / float64(calls)
				t.Logf("%d calls, %d answered 429 (%.1f%%), over %s", calls, limited, share, clock.Now().Sub(start))
				if limited*20 > calls {
					t.Fatalf("%d of %d calls answered 429 (%.1f%%), want at most 5%%", limited, calls, share)
				}
			})
		}
	}
}
