package provider

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// TestInterruptedContactApplyKeepsWhatWasCreated interrupts (SIGINT) an
// apply of 200 contacts against a rate-limited emulator, at the provider's
// default 60 requests a minute, while one bulk create has been processed by
// the API but its answer has not come back. The provider must give that
// call up on the interrupt and send no other batch than the one of the
// records already waiting (-parallelism=30 leaves at most five beside the
// held call's 25), and every contact that exists in the emulator must be in
// the state: the contacts of the interrupted call are found by phone
// number. What is bounded is calls and states, not seconds.
func TestInterruptedContactApplyKeepsWhatWasCreated(t *testing.T) {
	skipLive(t, liveNeedsThrottle)
	emu := emulator.New(emulator.Config{RateLimitPerMinute: 600})
	const heldPost = 3
	var (
		givenUp  = make(chan bool, 1) // the provider gave the held call up, or the guard ended it
		heldIDs  []string             // the contacts the held call created
		ready    = make(chan struct{})
		contacts = func() []string {
			var ids []string
			for _, c := range emu.Contacts() {
				ids = append(ids, fmt.Sprint(c["id"]))
			}
			return ids
		}
	)
	srv := interruptServer(t, emu, "/contacts", heldPost, func(w http.ResponseWriter, r *http.Request) {
		// The API processes this call, and its answer is lost: it is held
		// until the provider gives up on it (the interrupt cancels it). The
		// bound only keeps a broken provider from hanging the test.
		before := contacts()
		rec := httptest.NewRecorder()
		emu.ServeHTTP(rec, r)
		for _, id := range contacts() {
			if !slices.Contains(before, id) {
				heldIDs = append(heldIDs, id)
			}
		}
		close(ready)
		select {
		case <-r.Context().Done():
			givenUp <- true
		case <-time.After(time.Minute): // a bound on a signal, not a wait for time
			givenUp <- false
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes())
	})

	w := newCLIWork(t, srv.URL, emu.Config(), `
provider "smartassist" {}

resource "smartassist_contact" "many" {
  count      = 200
  first_name = "Person${count.index}"
  last_name  = "Interrupted"
  salutation = "mr"
  cell_phone = {
    country_code = "+91"
    phone_number = format("77799%05d", count.index)
    extension    = "+"
  }
}
`)
	took, out := w.applyInterrupted(ready, "-parallelism=30")
	t.Logf("terraform exited %s after the interrupt; %d bulk creates, %d list calls", took, emu.Count("POST /contacts"), emu.Count("GET /contacts"))
	if !<-givenUp {
		t.Fatalf("the provider did not give up the held bulk create on the interrupt:\n%s", out)
	}
	if n := emu.Count("POST /contacts"); n > heldPost+1 {
		t.Fatalf("%d bulk creates, want at most %d: after the interrupt only the records already waiting may go:\n%s", n, heldPost+1, out)
	}

	inState := w.stateIDs(func(a map[string]any) string { return fmt.Sprint(a["id"]) })
	var inEmulator []string
	for _, c := range emu.Contacts() {
		if c["lastName"] == "Interrupted" && c["status"] == "ACTIVE" {
			inEmulator = append(inEmulator, fmt.Sprint(c["id"]))
		}
	}
	sort.Strings(inEmulator)
	if len(inEmulator) == 0 || len(inEmulator) == 200 {
		t.Fatalf("%d of 200 contacts were created; the interrupt did not land mid-apply:\n%s", len(inEmulator), out)
	}
	if len(heldIDs) == 0 {
		t.Fatalf("the held bulk create created nothing:\n%s", out)
	}
	for _, id := range heldIDs {
		if !slices.Contains(inState, id) {
			t.Errorf("contact %s, created by the call whose answer was lost, is not in the state", id)
		}
	}
	if strings.Join(inState, ",") != strings.Join(inEmulator, ",") {
		t.Fatalf("state and emulator differ after the interrupt (%d in state, %d in the emulator):\n state:    %v\n emulator: %v\n%s",
			len(inState), len(inEmulator), inState, inEmulator, out)
	}
}
