package provider

import (
	"bytes"
	"context"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// sweepCampaignFixture creates, through c, the contact lists named list and
// dnc (when missing) and a campaign of kind named name on them (a
// Progressive one on queue for voice), and answers the campaign's id.
func sweepCampaignFixture(t *testing.T, c *client.Client, kind client.CampaignKind, name, list, dnc, queue string) string {
	t.Helper()
	ctx := t.Context()
	for _, l := range []string{list, dnc} {
		if l == "" {
			continue
		}
		if _, err := c.ContactLists.FindByName(ctx, l); err == nil {
			continue
		}
		if _, err := c.ContactLists.Create(ctx, client.ContactListRequest{Name: l, Description: "made by a test"}); err != nil {
			t.Fatal(err)
		}
	}
	three := int64(3)
	req := client.CampaignRequest{
		Kind: kind, Name: name, Description: "made by a test", ContactLists: []string{list}, DNCList: dnc,
		Priority: "3", CallerID: "+14155550100",
		Hours: client.CampaignHoursRequest{Frequency: "WEEKLY", Timezone: "Asia/Kolkata",
			Days: []client.CampaignDayRequest{{Day: "MO", Start: "09:00", End: "17:00"}}},
	}
	if kind == client.CampaignSMS {
		req.Format, req.Message = "simple", "Hello"
	} else {
		req.DialingMode, req.QueueName, req.DialingOrder = "Progressive", queue, "FIFO"
		req.MaxAttemptsPerRecord, req.DefaultRetryPeriod = &three, &three
		ring := int64(30)
		req.MaxRingTime = &ring
	}
	cp, err := c.Campaigns.Create(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	return string(cp.ID)
}

// A contact list is swept after every campaign kind, and a queue too: the
// sweepers' Dependencies put both campaign kinds before them, directly or
// through the kinds between.
func TestSweepersSweepCampaignsBeforeTheirListsAndQueues(t *testing.T) {
	deps := map[string][]string{}
	for _, s := range sweepers() {
		deps[s.Name] = s.Dependencies
	}
	var before func(name string, seen map[string]bool) map[string]bool
	before = func(name string, seen map[string]bool) map[string]bool {
		for _, d := range deps[name] {
			if !seen[d] {
				seen[d] = true
				before(d, seen)
			}
		}
		return seen
	}
	for _, kind := range []string{"smartassist_contact_list", "smartassist_queue"} {
		if _, ok := deps[kind]; !ok {
			t.Fatalf("no sweeper %s", kind)
		}
		runsFirst := before(kind, map[string]bool{})
		for _, campaign := range []string{"smartassist_sms_campaign", "smartassist_voice_campaign"} {
			if !runsFirst[campaign] {
				t.Errorf("the sweeper %s does not depend on %s (it depends on %v)", kind, campaign, deps[kind])
			}
		}
	}
	// The order matters: lists swept before the campaigns that use them
	// are refused, and the sweep fails.
	emu := emulator.New(emulator.Config{})
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	c, err := sweepClient("x", emulatorGetenv(srv.URL, emu, map[string]string{envSweep: "1"}))
	if err != nil {
		t.Fatal(err)
	}
	sweepCampaignFixture(t, c, client.CampaignSMS, tfName("texts"), tfName("leads"), "", "")
	var out bytes.Buffer
	if _, err := sweepContactLists(t.Context(), c, &out); err == nil || !strings.Contains(err.Error(), "in use by campaigns") {
		t.Fatalf("contact lists swept before their campaign: %v, want the API's refusal", err)
	}
}

// A stopped campaign is read, at 2 then 4 seconds, until it has left
// Active, and deleted only then; one that stays Active past the wait is
// not deleted, and the sweep says why.
func TestCampaignSweeperWaitsForTheStop(t *testing.T) {
	for _, tc := range []struct {
		name        string
		transitions int
		wantPauses  []time.Duration
		wantErr     string
	}{
		{"stops after two reads", 2, []time.Duration{2 * time.Second, 4 * time.Second}, ""},
		{"still Active at the end of the wait", 10, []time.Duration{2 * time.Second, 4 * time.Second},
			"stopping the Active voice campaign cd-"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := emulator.Config{}
			cfg.Readings.CampaignPreparingReads = -1
			emu := emulator.New(cfg)
			srv := httptest.NewServer(emu)
			t.Cleanup(srv.Close)
			c, err := sweepClient("x", emulatorGetenv(srv.URL, emu, map[string]string{envSweep: "1"}))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.Queues.Create(t.Context(), client.QueueRequest{Name: tfName("queue"), HoursOfOperationID: seedDefaultHours}); err != nil {
				t.Fatal(err)
			}
			id := sweepCampaignFixture(t, c, client.CampaignVoice, tfName("calls"), tfName("leads"), tfName("dnc"), tfName("queue"))
			if _, err := c.CampaignRuns.Start(t.Context(), client.CampaignVoice, id); err != nil {
				t.Fatal(err)
			}
			// The start showed at once; from now on a stop takes reads to show.
			r := emu.Readings()
			r.CampaignTransitionReads = tc.transitions
			if err := emu.SetReadings(r); err != nil {
				t.Fatal(err)
			}

			var pauses []time.Duration
			cs := campaignSweeper{kind: client.CampaignVoice, wait: 5 * time.Second,
				pause: func(_ context.Context, d time.Duration) error { pauses = append(pauses, d); return nil }}
			var out bytes.Buffer
			n, err := cs.sweep(t.Context(), c, &out)
			if !slices.Equal(pauses, tc.wantPauses) {
				t.Errorf("paused %v, want %v", pauses, tc.wantPauses)
			}
			if tc.wantErr == "" {
				if err != nil || n != 1 {
					t.Fatalf("sweep: %d deleted, %v; want 1\n%s", n, err, out.String())
				}
				if emu.Campaign(id) != nil {
					t.Errorf("the campaign %s is still there", id)
				}
				if !strings.Contains(out.String(), "sweep: stopped voice campaign "+id) {
					t.Errorf("the sweep printed %q, want the stop", out.String())
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), "still Active 6s after the stop") {
				t.Fatalf("sweep: %v, want %q and the wait", err, tc.wantErr)
			}
			if n != 0 || emu.Campaign(id) == nil {
				t.Errorf("a campaign still Active was deleted (%d deleted)", n)
			}
		})
	}
}
