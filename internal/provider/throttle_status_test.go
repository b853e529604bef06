package provider

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// scaledClock runs factor times faster than the real one. The emulator's
// rate window and the provider's rate limit, retries and tokens share it,
// so an account's minutes pass in seconds while both ends keep the same
// time: a Retry-After the emulator computes is waited on at its scale.
//
// It starts an hour behind the real clock: contexts' deadlines are on the
// real clock, and a scaled time running ahead of them would make a wait
// for a slot end early as if past its deadline.
type scaledClock struct {
	origin time.Time // real time at the start
	factor float64
}

func newScaledClock(factor float64) *scaledClock {
	return &scaledClock{origin: time.Now(), factor: factor}
}

func (c *scaledClock) Now() time.Time {
	elapsed := time.Since(c.origin)
	return c.origin.Add(-time.Hour + time.Duration(float64(elapsed)*c.factor))
}

func (c *scaledClock) Sleep(ctx context.Context, d time.Duration) error {
	return sleepReal(ctx, time.Duration(float64(d)/c.factor))
}

// sleepReal waits d on the real clock, or until ctx ends.
func sleepReal(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// scaledProviderFactories serve a provider whose client runs on clock.
func scaledProviderFactories(clock *scaledClock) map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"smartassist": providerserver.NewProtocol6WithError(&smartassistProvider{version: "test", now: clock.Now, sleep: clock.Sleep}),
	}
}

// The rate-limit answer sent as HTTP 400 (the envelope's code still 429) is
// a throttle: 45 agents against an account that allows 30 requests a
// minute, with requests_per_minute = 60, are all created. Until the client
// recognised the throttle whatever its status, the first such 400 ended a
// create with "Unable to create agent".
//
// The account's minutes run ten times faster (scaledClock), for the
// emulator and the provider alike, so the two minutes the apply spends
// waiting on the account take about twelve seconds.
func TestThrottlesSentAs400AreWaitedOn(t *testing.T) {
	skipLive(t, liveNeedsThrottle)
	const agents = 45
	clock := newScaledClock(10)
	env := newSerialTestEnv(t, emulator.Config{RateLimitPerMinute: 30, Now: clock.Now,
		Readings: emulator.Readings{ThrottleStatus: http.StatusBadRequest}})
	c := env.emu.Config()
	clearProviderEnv(t)
	provider := fmt.Sprintf("  host = %q\n  stream_id = %q\n  account_id = %q\n  client_id = %q\n  client_secret = %q\n  requests_per_minute = 60",
		env.url, c.StreamID, c.AccountID, c.ClientID, c.ClientSecret)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: scaledProviderFactories(clock),
		Steps: []resource.TestStep{{
			Config: agentsConfig("throttled", agents, provider),
			Check: func(*terraform.State) error {
				n := 0
				for _, a := range env.emu.Agents() {
					if strings.HasPrefix(fmt.Sprint(a["emailId"]), "throttled") {
						n++
					}
				}
				if n != agents {
					return fmt.Errorf("%d agents created, want %d", n, agents)
				}
				statuses := env.emu.StatusCounts()
				// The test proves something only if the account did turn
				// requests away, each as a 400 and none as a 429.
				if throttles := env.emu.Throttles(); throttles == 0 || statuses[http.StatusBadRequest] != throttles || statuses[http.StatusTooManyRequests] != 0 {
					return fmt.Errorf("%d throttles, statuses %v; want at least one throttle, every one a 400", throttles, statuses)
				}
				t.Logf("%d calls, %d throttled (sent as 400)", env.emu.TotalRequests(), env.emu.Throttles())
				return nil
			},
		}},
	})
}
