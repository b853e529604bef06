package provider

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// TestInterruptedQueuedCreatesGiveBackTheirBudget interrupts (SIGINT) an
// apply of 30 agents at 30 requests a minute with -parallelism=30, once a
// few creates were sent: the other 27 or so are waiting for their slot of
// the rate budget, which reaches a minute ahead. Their waits end with the
// interrupt and must give their slots back, so that the lookup of the
// agents that were created (create-an-agent answers without an id) takes
// the earliest free slot rather than one behind every abandoned wait. The
// bound is in the budget's own slots, not in a few seconds a loaded runner
// may not have: kept, the abandoned slots would hold the lookup back by
// their whole span (27 slots of 2 s); terraform must end in less than half
// of that. Every agent that exists in the emulator must be in the state.
func TestInterruptedQueuedCreatesGiveBackTheirBudget(t *testing.T) {
	skipLive(t, liveNeedsThrottle)
	emu := emulator.New(emulator.Config{RateLimitPerMinute: 30})
	const interruptAfter = 3 // creates sent
	ready := make(chan struct{})
	srv := interruptServer(t, emu, "/agents", interruptAfter, func(w http.ResponseWriter, r *http.Request) {
		emu.ServeHTTP(w, r)
		close(ready)
	})

	w := newCLIWork(t, srv.URL, emu.Config(), fmt.Sprintf(`
provider "smartassist" {
  requests_per_minute = 30
}

resource "smartassist_agent" "queued" {
  count      = 30
  email      = format("queued%%02d@example.com", count.index)
  first_name = "Queued"
  last_name  = "Agent"
  role_id    = %q
}
`, seedRoleAgent))
	took, out := w.applyInterrupted(ready, "-parallelism=30")
	t.Logf("terraform exited %s after the interrupt; %d creates, %d list calls, %d answered 429",
		took, emu.Count("POST /agents"), emu.Count("GET /agents"), emu.StatusCounts()[http.StatusTooManyRequests])
	// The slots the waiting creates had reserved, a minute's worth at 30 a
	// minute: kept, they would come before the lookup's.
	slot := time.Minute / 30
	abandoned := time.Duration(30-interruptAfter) * slot
	if took > abandoned/2 {
		t.Fatalf("terraform took %s to stop after the interrupt, want less than half the %s that the %d abandoned slots span:\n%s",
			took, abandoned, 30-interruptAfter, out)
	}

	inState := w.stateIDs(func(a map[string]any) string { return fmt.Sprint(a["email"], "=", a["id"]) })
	var inEmulator []string
	for _, a := range emu.Agents() {
		if email := fmt.Sprint(a["emailId"]); strings.HasPrefix(email, "queued") {
			inEmulator = append(inEmulator, email+"="+fmt.Sprint(a["id"]))
		}
	}
	sort.Strings(inEmulator)
	if len(inEmulator) < interruptAfter || len(inEmulator) == 30 {
		t.Fatalf("%d of 30 agents were created; the interrupt did not land mid-apply:\n%s", len(inEmulator), out)
	}
	if strings.Join(inState, ",") != strings.Join(inEmulator, ",") {
		t.Fatalf("state and emulator differ after the interrupt:\n state:    %v\n emulator: %v\n%s", inState, inEmulator, out)
	}
}
