package emulator

import (
	"fmt"
	"net/http"
	"testing"
	"time"
)

func TestRateLimitSlidingWindow(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{RateLimitPerMinute: 3, Now: clock.Now})

	h.do(http.MethodGet, "/agents", nil).object(t, http.StatusOK) // t=0
	clock.Advance(10 * time.Second)
	h.do(http.MethodGet, "/agents", nil).object(t, http.StatusOK) // t=10s
	clock.Advance(10 * time.Second)
	h.do(http.MethodGet, "/agents", nil).object(t, http.StatusOK) // t=20s

	clock.Advance(500 * time.Millisecond) // t=20.5s: the oldest leaves the window at t=60s
	res := h.do(http.MethodGet, "/agents", nil)
	msg := res.errorMsg(t, http.StatusTooManyRequests)
	if want := "You've exceeded the per-minute rate limit. Please wait for sometime before retrying."; msg != want {
		t.Fatalf("msg = %q, want %q", msg, want)
	}
	if ra := res.header.Get("Retry-After"); ra != "40" {
		t.Fatalf("Retry-After = %q, want 40 (ceil of 39.5s)", ra)
	}

	// A 429 is not an accepted request: it does not push the window out.
	clock.Advance(39 * time.Second) // t=59.5s
	if ra := h.do(http.MethodGet, "/agents", nil).header.Get("Retry-After"); ra != "1" {
		t.Fatalf("Retry-After at 59.5s = %q, want 1", ra)
	}
	clock.Advance(500 * time.Millisecond) // t=60s: the first request has left
	h.do(http.MethodGet, "/agents", nil).object(t, http.StatusOK)
	h.do(http.MethodGet, "/agents", nil).errorMsg(t, http.StatusTooManyRequests)

	if got := h.srv.StatusCounts()[http.StatusTooManyRequests]; got != 3 {
		t.Errorf("429 count = %d, want 3", got)
	}
	if got := h.srv.Count("GET /agents"); got != 7 {
		t.Errorf(`Count("GET /agents") = %d, want 7`, got)
	}
}

func TestRateLimitIgnoresAuthFailures(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{RateLimitPerMinute: 1, Now: clock.Now})
	for range 3 {
		res, err := h.request(http.MethodGet, apiPath("/agents"), nil, map[string]*string{"auth": nil})
		if err != nil {
			t.Fatal(err)
		}
		res.errorMsg(t, http.StatusUnauthorized)
	}
	h.do(http.MethodGet, "/agents", nil).object(t, http.StatusOK)
	h.do(http.MethodGet, "/agents", nil).errorMsg(t, http.StatusTooManyRequests)
}

func TestRateLimitOffByDefault(t *testing.T) {
	h := newHarness(t, Config{})
	for range 100 {
		if res := h.do(http.MethodGet, "/conversations", nil); res.status != http.StatusOK {
			t.Fatalf("status = %d", res.status)
		}
	}
}

func TestResetRateWindow(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{RateLimitPerMinute: 1, Now: clock.Now})
	h.do(http.MethodGet, "/agents", nil).object(t, http.StatusOK)
	h.do(http.MethodGet, "/agents", nil).errorMsg(t, http.StatusTooManyRequests)

	h.srv.ResetRateWindow()
	h.do(http.MethodGet, "/agents", nil).object(t, http.StatusOK)
	h.do(http.MethodGet, "/agents", nil).errorMsg(t, http.StatusTooManyRequests)
}

// Readings.ThrottleStatus sends the over-limit answer with another status:
// the body stays the documented message with the code 429, Retry-After is
// set, Throttles counts it, and a PUT of /_emulator/config switches it.
func TestRateLimitThrottleStatus(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{RateLimitPerMinute: 1, Now: clock.Now, Readings: Readings{ThrottleStatus: http.StatusBadRequest}})
	h.do(http.MethodGet, "/agents", nil).object(t, http.StatusOK)
	res := h.do(http.MethodGet, "/agents", nil)
	body := res.object(t, http.StatusBadRequest)
	want := `[map[code:429 msg:You've exceeded the per-minute rate limit. Please wait for sometime before retrying.]]`
	if got := fmt.Sprint(body["errors"]); got != want {
		t.Fatalf("errors = %s, want %s", got, want)
	}
	if ra := res.header.Get("Retry-After"); ra != "60" {
		t.Fatalf("Retry-After = %q, want 60", ra)
	}

	h.admin(http.MethodPut, "/_emulator/config", `{"throttleStatus":503}`)
	if got := fmt.Sprint(h.do(http.MethodGet, "/agents", nil).object(t, http.StatusServiceUnavailable)["errors"]); got != want {
		t.Fatalf("errors of the 503 = %s, want %s", got, want)
	}
	h.admin(http.MethodPut, "/_emulator/config", `{"throttleStatus":0}`)
	h.do(http.MethodGet, "/agents", nil).errorMsg(t, http.StatusTooManyRequests)

	statuses := h.srv.StatusCounts()
	if h.srv.Throttles() != 3 || statuses[http.StatusBadRequest] != 1 || statuses[http.StatusServiceUnavailable] != 1 || statuses[http.StatusTooManyRequests] != 1 {
		t.Fatalf("Throttles = %d, statuses %v; want 3, one each of 400, 503 and 429", h.srv.Throttles(), statuses)
	}
	h.srv.ResetCounts()
	if h.srv.Throttles() != 0 {
		t.Fatalf("Throttles after ResetCounts = %d", h.srv.Throttles())
	}
	if err := h.srv.SetReadings(Readings{ThrottleStatus: 200}); err == nil || err.Error() != "throttle status 200 must be 0 (the default) or an error status from 400 to 599" {
		t.Fatalf("SetReadings(ThrottleStatus 200) = %v", err)
	}
}
