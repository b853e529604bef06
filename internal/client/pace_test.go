package client

import (
	"testing"
	"time"
)

// After a throttle the share bounds the requests in any minute, not their
// spacing: the slots after the drop wait until enough of those before it
// are a minute and windowGuard old. The refused request is no longer among the slots:
// the API did not count it.
func TestAThrottledPaceBoundsEveryMinute(t *testing.T) {
	start := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC).UnixNano()
	at := func(d time.Duration) int64 { return start + int64(d) }
	var s budgetState
	// 30 requests a second apart, the 31st refused at 30s.
	for i := range 31 {
		if slot, _ := s.reserve(at(time.Duration(i)*time.Second), 60); slot != at(time.Duration(i)*time.Second) {
			t.Fatalf("slot %d at +%s", i, time.Duration(slot-start))
		}
	}
	s.throttled(at(30*time.Second), at(30*time.Second), 0, 60)
	if len(s.Sent) != 30 || s.Sent[29] != at(29*time.Second) {
		t.Fatalf("%d slots kept, the last at +%s; want the 30 the API counted", len(s.Sent), time.Duration(s.Sent[len(s.Sent)-1]-start))
	}
	// The window was full with these 30 in it: the pace drops to nine
	// tenths of them, 27 a minute. The 30 sent already pass that, so the
	// next slot is the fourth one's minute and guard, not the pause of one
	// interval, however the slots were spaced.
	slot, _ := s.reserve(at(30*time.Second), 60)
	if want := at(3*time.Second + time.Minute + windowGuard); slot != want {
		t.Fatalf("next slot at +%s, want +%s", time.Duration(slot-start), time.Duration(want-start))
	}
	// And so on: at most 27 in any minute and guard while the pace holds.
	for i := 1; i < 20; i++ {
		slot, _ = s.reserve(at(30*time.Second), 60)
		if want := at(time.Duration(i+3)*time.Second + time.Minute + windowGuard); slot < want {
			t.Fatalf("slot %d after the drop at +%s, before +%s", i, time.Duration(slot-start), time.Duration(want-start))
		}
	}
}
