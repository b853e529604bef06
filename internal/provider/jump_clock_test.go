package provider

import (
	"context"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// jumpClock is a clock on which every wait ends at once: Sleep moves it
// forward by d and returns. The emulator and the provider's client share
// it, so a Retry-After or a retry's backoff is honoured as the API sees
// time, without spending real seconds. Like scaledClock it starts an hour
// behind the real one, since contexts' deadlines are on the real clock.
type jumpClock struct {
	mu     sync.Mutex
	origin time.Time
	jumped time.Duration
	slept  []time.Duration
}

func newJumpClock() *jumpClock { return &jumpClock{origin: time.Now()} }

func (c *jumpClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.origin.Add(-time.Hour + time.Since(c.origin) + c.jumped)
}

func (c *jumpClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil || d <= 0 {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.jumped += d
	c.slept = append(c.slept, d)
	return nil
}

// waits returns the waits so far.
func (c *jumpClock) waits() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.slept...)
}

// jumpProviderFactories serve a provider whose client runs on clock.
func jumpProviderFactories(clock *jumpClock) map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"smartassist": providerserver.NewProtocol6WithError(&smartassistProvider{version: "test", now: clock.Now, sleep: clock.Sleep}),
	}
}
