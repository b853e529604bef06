package emulator

import (
	"net/http"
	"testing"
)

// TestUnknownStreamReadings: a path naming a stream the emulator does not
// serve answers 404 by default, and 400 or 401 when asked, always in the
// documented envelope with a message naming the stream. Nothing is created,
// and the rate limiter is not charged.
func TestUnknownStreamReadings(t *testing.T) {
	const stream = "st-typo-0000"
	cases := []struct {
		name    string
		config  int
		status  int
		wantMsg string
	}{
		{"default", 0, http.StatusNotFound, "App not found: st-typo-0000"},
		{"404", http.StatusNotFound, http.StatusNotFound, "App not found: st-typo-0000"},
		{"400", http.StatusBadRequest, http.StatusBadRequest, "App not found: st-typo-0000"},
		{"401", http.StatusUnauthorized, http.StatusUnauthorized, "Invalid SDK credentials: unknown streamId st-typo-0000"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			clock := newFakeClock()
			h := newHarness(t, Config{Now: clock.Now, RateLimitPerMinute: 1,
				Readings: Readings{UnknownStreamStatus: tc.config}})
			for _, req := range []struct{ method, rel string }{
				{http.MethodGet, "/agents"},
				{http.MethodGet, "/agents/" + mariaID},
				{http.MethodPost, "/agents"},
				{http.MethodGet, "/no-such-route"},
			} {
				var body any
				if req.method == http.MethodPost {
					body = newAgentBody("stream.probe@example.com")
				}
				res, err := h.request(req.method, basePath+stream+req.rel, body, nil)
				if err != nil {
					t.Fatal(err)
				}
				if msg := res.errorMsg(t, tc.status); msg != tc.wantMsg {
					t.Errorf("%s %s: msg = %q, want %q", req.method, req.rel, msg, tc.wantMsg)
				}
			}
			if _, ok := h.srv.AgentByEmail("stream.probe@example.com"); ok {
				t.Error("a request to an unknown stream created an agent")
			}
			if got := h.srv.StatusCounts()[tc.status]; got != 4 {
				t.Errorf("%d count = %d, want 4", tc.status, got)
			}
			// The budget of one request a minute is still whole.
			h.do(http.MethodGet, "/agents", nil).object(t, http.StatusOK)
		})
	}
}

// TestUnknownStreamNeedsGoodCredentials: bad credentials are reported
// before the stream is looked at, whatever the stream reading.
func TestUnknownStreamNeedsGoodCredentials(t *testing.T) {
	h := newHarness(t, Config{Readings: Readings{UnknownStreamStatus: http.StatusBadRequest}})
	res, err := h.request(http.MethodGet, basePath+"st-typo/agents", nil, map[string]*string{"auth": nil})
	if err != nil {
		t.Fatal(err)
	}
	if msg := res.errorMsg(t, http.StatusUnauthorized); msg != "auth header is missing" {
		t.Fatalf("msg = %q", msg)
	}
	res, err = h.request(http.MethodGet, basePath+"st-typo/agents", nil, map[string]*string{"accountId": ptr("acc-other")})
	if err != nil {
		t.Fatal(err)
	}
	if msg := res.errorMsg(t, http.StatusUnauthorized); msg != "Invalid accountId" {
		t.Fatalf("msg = %q", msg)
	}
}

// TestUnknownAccountReadings: an accountId header naming another account
// answers 401 by default and UnknownAccountStatus when set; a missing
// header stays a 401.
func TestUnknownAccountReadings(t *testing.T) {
	for _, tc := range []struct {
		config, status int
	}{
		{0, http.StatusUnauthorized},
		{http.StatusForbidden, http.StatusForbidden},
		{http.StatusNotFound, http.StatusNotFound},
	} {
		h := newHarness(t, Config{Readings: Readings{UnknownAccountStatus: tc.config}})
		res, err := h.request(http.MethodGet, apiPath("/queues"), nil, map[string]*string{"accountId": ptr("000000000000000000000000")})
		if err != nil {
			t.Fatal(err)
		}
		if msg := res.errorMsg(t, tc.status); msg != "Invalid accountId" {
			t.Errorf("UnknownAccountStatus %d: msg = %q", tc.config, msg)
		}
		res, err = h.request(http.MethodGet, apiPath("/queues"), nil, map[string]*string{"accountId": nil})
		if err != nil {
			t.Fatal(err)
		}
		if msg := res.errorMsg(t, http.StatusUnauthorized); msg != "Invalid accountId: the accountId header is missing" {
			t.Errorf("UnknownAccountStatus %d, no header: msg = %q", tc.config, msg)
		}
	}
}
