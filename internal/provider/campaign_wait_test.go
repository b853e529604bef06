package provider

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// TestCampaignCreateWaitEnds: a create whose campaign stays Preparing
// ends the wait when the timeout passes on the provider's clock, or when
// the context is cancelled (Ctrl-C), and in both cases answers the
// created campaign, so the resource keeps its id in the state.
func TestCampaignCreateWaitEnds(t *testing.T) {
	skipLive(t, liveNeedsReadings)
	req := client.CampaignRequest{Kind: client.CampaignSMS, Name: "Slow", Description: "d", ContactLists: []string{"CL Spring"},
		Priority: "1", CallerID: "+14155550100", Format: "simple", Message: "Hi",
		Hours: client.CampaignHoursRequest{Frequency: "WEEKLY", Timezone: "UTC", Days: []client.CampaignDayRequest{{Day: "MO", Start: "09:00", End: "10:00"}}}}
	for _, tc := range []struct {
		name    string
		cancel  bool
		timeout time.Duration
		want    string
		reads   int
	}{
		{"timeout", false, 5 * time.Second, "after 5s the SMS campaign cd-", 2}, // waits 2s, then the 3s left
		{"interrupt", true, time.Hour, "to leave Preparing stopped: context canceled", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clock := newJumpClock()
			cfg := campaignSeed(clock.Now)
			cfg.Readings.CampaignPreparingReads = 100
			env := newTestEnv(t, cfg)
			ec := env.emu.Config()
			c, err := client.New(client.Config{Host: env.url, StreamID: ec.StreamID, AccountID: ec.AccountID, ClientID: ec.ClientID,
				ClientSecret: ec.ClientSecret, RequestsPerMinute: 60000, Now: clock.Now, Sleep: clock.Sleep})
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			sleep := clock.Sleep
			if tc.cancel {
				sleep = func(context.Context, time.Duration) error { cancel(); return ctx.Err() }
			}
			d := &providerData{client: c, now: clock.Now, sleep: sleep}
			created, err := createCampaign(ctx, d, req, tc.timeout)
			var wait *campaignWaitError
			if created == nil || !strings.HasPrefix(string(created.ID), "cd-") || !errors.As(err, &wait) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %+v, %v; want the created campaign and an error with %q", created, err, tc.want)
			}
			if n := env.emu.Count("GET /campaign/{id}"); n != tc.reads {
				t.Fatalf("%d reads, want %d", n, tc.reads)
			}
		})
	}
}
