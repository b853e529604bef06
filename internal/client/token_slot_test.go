package client

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// failingTokens fails its first fails tokens, then gives "token".
type failingTokens struct{ fails int }

func (f *failingTokens) Token() (string, error) {
	if f.fails > 0 {
		f.fails--
		return "", errors.New("signing the JWT for client id cs-test failed")
	}
	return "token", nil
}

// Issue 25, item 6: a request whose token cannot be made is not sent, so it
// gives its slot back: the next request goes at once, not one interval (2s
// at 30 a minute) behind a request that never left. In memory and in the
// shared state file alike, where a phantom slot would slow every process.
func TestFailedTokenGivesItsSlotBack(t *testing.T) {
	for name, limiter := range map[string]func(*testing.T, *testClock) *Limiter{
		"memory": func(_ *testing.T, clock *testClock) *Limiter {
			return newLimiter(30, &memStore{}, clock.Now, clock.Sleep)
		},
		"file": func(t *testing.T, clock *testClock) *Limiter {
			return sharedLimiter(t, t.TempDir(), "acct-1", 30, clock)
		},
	} {
		t.Run(name, func(t *testing.T) {
			clock := newTestClock()
			start := clock.Now()
			var sent []time.Duration
			tr := &authTransport{
				base: roundTripFunc(func(r *http.Request) (*http.Response, error) {
					sent = append(sent, clock.Now().Sub(start))
					return &http.Response{StatusCode: http.StatusOK, Header: http.Header{}, Body: io.NopCloser(strings.NewReader("{}")), Request: r}, nil
				}),
				tokens: &failingTokens{fails: 1}, limiter: limiter(t, clock), timeout: time.Minute, now: clock.Now, sleep: clock.Sleep,
			}
			req := func() (*http.Response, error) {
				r, err := http.NewRequestWithContext(t.Context(), http.MethodGet, "https://platform.example.com/queues", nil)
				if err != nil {
					t.Fatal(err)
				}
				return tr.RoundTrip(r)
			}
			if _, err := req(); err == nil || !strings.Contains(err.Error(), "signing the JWT for client id cs-test failed") {
				t.Fatalf("first request: %v, want the token's error", err)
			}
			var nse *notSentError
			resp, err := req()
			if err != nil || errors.As(err, &nse) {
				t.Fatalf("second request: %v", err)
			}
			resp.Body.Close()
			if len(sent) != 1 || sent[0] != 0 {
				t.Fatalf("requests sent at %v, want one at +0s", sent)
			}
			if len(clock.slept) != 0 {
				t.Fatalf("waited %v for the budget, want no wait", clock.slept)
			}
			// The next one keeps the pace: one interval after the one sent.
			resp, err = req()
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if len(sent) != 2 || sent[1] != 2*time.Second {
				t.Fatalf("requests sent at %v, want the second at +2s", sent)
			}
		})
	}
}
