package provider

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// fakeRunner is a campaign whose status reads follow statuses, the last
// one repeating.
type fakeRunner struct {
	before   string
	statuses []string
	reads    int
	triggers []bool
	onRead   func(n int)
}

func (f *fakeRunner) read(_ context.Context, id string) (campaignNow, error) {
	return campaignNow{ID: id, Name: "Spring", Kind: "voice", Status: f.before}, nil
}

func (f *fakeRunner) trigger(_ context.Context, _ campaignNow, start bool) error {
	f.triggers = append(f.triggers, start)
	return nil
}

func (f *fakeRunner) status(context.Context, string) (string, error) {
	f.reads++
	if f.onRead != nil {
		f.onRead(f.reads)
	}
	return f.statuses[min(f.reads, len(f.statuses))-1], nil
}

func testRun(f *fakeRunner, clock *jumpClock, start bool) (campaignRun, *[]string) {
	var msgs []string
	r := campaignRun{runner: f, now: clock.Now, sleep: clock.Sleep, start: start,
		progress: func(m string) { msgs = append(msgs, m) }, verb: "start", target: client.CampaignStatusActive}
	if !start {
		r.verb, r.target = "stop", client.CampaignStatusStopped
	}
	return r, &msgs
}

func TestCampaignStartWaitsThroughTheReads(t *testing.T) {
	f := &fakeRunner{before: "Ready", statuses: []string{"Preparing", "Preparing", "Active"}}
	clock := newJumpClock()
	r, msgs := testRun(f, clock, true)
	if err := r.invoke(t.Context(), "cd-1", time.Minute); err != nil {
		t.Fatal(err)
	}
	if f.reads != 3 || len(f.triggers) != 1 || !f.triggers[0] {
		t.Errorf("reads %d, triggers %v; want 3 reads after one start", f.reads, f.triggers)
	}
	if got := clock.waits(); len(got) != 2 || got[0] != campaignPollInterval || got[1] != campaignPollInterval {
		t.Errorf("waits %v, want two of %s", got, campaignPollInterval)
	}
	want := []string{
		`Sent the start of campaign cd-1 ("Spring") (it was Ready); waiting up to 1m for it to report Active.`,
		`Campaign cd-1 ("Spring") is Preparing (read 1, 0s after the start).`,
		`Campaign cd-1 ("Spring") is Preparing (read 2, 5s after the start).`,
		`Campaign cd-1 ("Spring") is Active (read 3, 10s after the start).`,
	}
	if strings.Join(*msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("progress:\n%s\nwant:\n%s", strings.Join(*msgs, "\n"), strings.Join(want, "\n"))
	}
}

func TestCampaignActionSendsNothingWhenThereAlready(t *testing.T) {
	for _, tc := range []struct {
		start  bool
		before string
		want   string
	}{
		{true, "Active", `Campaign cd-1 ("Spring") is Active already: no start was sent.`},
		{false, "Stopped", `Campaign cd-1 ("Spring") is Stopped already: no stop was sent.`},
	} {
		f := &fakeRunner{before: tc.before, statuses: []string{"x"}}
		r, msgs := testRun(f, newJumpClock(), tc.start)
		if err := r.invoke(t.Context(), "cd-1", time.Minute); err != nil {
			t.Fatal(err)
		}
		if len(f.triggers) != 0 || f.reads != 0 || len(*msgs) != 1 || (*msgs)[0] != tc.want {
			t.Errorf("triggers %v, reads %d, progress %q; want only %q", f.triggers, f.reads, *msgs, tc.want)
		}
	}
}

func TestCampaignActionFailsOnACompletedCampaign(t *testing.T) {
	f := &fakeRunner{before: "Completed", statuses: []string{"x"}}
	r, _ := testRun(f, newJumpClock(), true)
	err := r.invoke(t.Context(), "cd-1", time.Minute)
	if err == nil || !strings.Contains(err.Error(), `Campaign cd-1 ("Spring") is Completed, which cannot become Active: no start was sent`) ||
		len(f.triggers) != 0 {
		t.Errorf("err %v, triggers %v", err, f.triggers)
	}

	f = &fakeRunner{before: "Active", statuses: []string{"Active", "Completed"}}
	r, _ = testRun(f, newJumpClock(), false)
	err = r.invoke(t.Context(), "cd-1", time.Minute)
	if err == nil || !strings.Contains(err.Error(), `campaign cd-1 ("Spring") now reports Completed, which cannot become Stopped`) ||
		!errors.Is(err, errCampaignWait) || f.reads != 2 {
		t.Errorf("err %v after %d reads", err, f.reads)
	}
}

func TestCampaignWaitEndsAtTheTimeout(t *testing.T) {
	f := &fakeRunner{before: "Ready", statuses: []string{"Preparing"}}
	clock := newJumpClock()
	r, _ := testRun(f, clock, true)
	err := r.invoke(t.Context(), "cd-1", 12*time.Second)
	if err == nil || !strings.Contains(err.Error(), `still reports Preparing after 12s (timeout 12s)`) {
		t.Fatalf("err = %v", err)
	}
	// Reads at 0s, 5s, 10s and 12s: the last wait is what is left (the
	// jump clock also runs with real time, hence the rounding).
	if got := clock.waits(); f.reads != 4 || len(got) != 3 || got[2].Round(100*time.Millisecond) != 2*time.Second {
		t.Errorf("%d reads, waits %v", f.reads, got)
	}
}

// The caller's cancellation (Ctrl-C) ends the wait at once, on the real
// clock's sleep: the test would take the poll interval otherwise.
func TestCampaignWaitEndsOnCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	sleeping := make(chan struct{})
	f := &fakeRunner{before: "Ready", statuses: []string{"Preparing"}}
	var msgs []string
	r := campaignRun{runner: f, now: time.Now, start: true, verb: "start", target: client.CampaignStatusActive,
		progress: func(m string) { msgs = append(msgs, m) },
		sleep: func(ctx context.Context, d time.Duration) error {
			close(sleeping)
			return sleepOn(ctx, time.Hour)
		}}
	go func() { <-sleeping; cancel() }()
	began := time.Now()
	err := r.invoke(ctx, "cd-1", 2*time.Hour)
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "waiting for campaign cd-1 (\"Spring\") to report Active stopped (it reported Preparing)") {
		t.Fatalf("err = %v", err)
	}
	if took := time.Since(began); took > 10*time.Second || f.reads != 1 {
		t.Errorf("the wait took %s and %d reads after the cancellation", took, f.reads)
	}
}
