package emulator

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

// A foreign consumer spending half of a limit of 10 leaves 5 places in any
// minute, from the first request on; its phantoms never free a place, and
// GET /_emulator/counts shows the 429s.
func TestForeignConsumerSpendsItsShareOfTheWindow(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{RateLimitPerMinute: 10, ForeignShare: 0.5, Now: clock.Now})
	if got := h.srv.foreignInWindow(clock.Now()); got != 5 {
		t.Fatalf("phantoms in the window = %d, want 5", got)
	}
	for i := 0; i < 5; i++ {
		h.do(http.MethodGet, "/agents", nil).object(t, http.StatusOK)
		clock.Advance(time.Second)
	}
	res := h.do(http.MethodGet, "/agents", nil) // t=5s: 5 accepted + 5 phantoms
	res.errorMsg(t, http.StatusTooManyRequests)
	if ra := res.header.Get("Retry-After"); ra != "55" {
		t.Fatalf("Retry-After = %q, want 55 (the first accepted request leaves at 60s)", ra)
	}
	// Phantoms come and go all minute long; the window stays full of them.
	for i := 0; i < 3; i++ {
		clock.Advance(13 * time.Second) // t = 18s, 31s, 44s
		if got := h.srv.foreignInWindow(clock.Now()); got != 5 {
			t.Fatalf("phantoms in the window = %d, want 5", got)
		}
		h.do(http.MethodGet, "/agents", nil).errorMsg(t, http.StatusTooManyRequests)
	}
	clock.Advance(16 * time.Second) // t = 60s: the first accepted request has left
	h.do(http.MethodGet, "/agents", nil).object(t, http.StatusOK)

	counts := h.admin(http.MethodGet, "/_emulator/counts", "")
	var got struct {
		RateLimited int            `json:"rateLimited"`
		Statuses    map[string]int `json:"statuses"`
	}
	if err := json.Unmarshal(counts.body, &got); err != nil {
		t.Fatal(err)
	}
	if got.RateLimited != 4 || got.Statuses["429"] != 4 || got.Statuses["200"] != 6 {
		t.Fatalf("counts = %s", counts.body)
	}
}

func TestForeignConsumerShares(t *testing.T) {
	clock := newFakeClock()
	for _, tc := range []struct {
		share float64
		limit int
		want  int
	}{{0, 600, 0}, {0.5, 600, 300}, {0.9, 600, 540}, {1, 600, 600}, {0.25, 10, 2}} {
		srv := New(Config{RateLimitPerMinute: tc.limit, ForeignShare: tc.share, Now: clock.Now})
		for i := 0; i < 7; i++ {
			clock.Advance(3141 * time.Millisecond)
			if got := srv.foreignInWindow(clock.Now()); got < tc.want || got > tc.want+1 {
				t.Fatalf("share %v of %d: %d phantoms in the window, want %d (or one more at a boundary)", tc.share, tc.limit, got, tc.want)
			}
		}
	}
	// A whole budget spent elsewhere leaves nothing, and Retry-After 1.
	h := newHarness(t, Config{RateLimitPerMinute: 4, ForeignShare: 1, Now: clock.Now})
	if ra := h.do(http.MethodGet, "/agents", nil).header.Get("Retry-After"); ra != "1" {
		t.Fatalf("Retry-After = %q, want 1", ra)
	}
}
