package client

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// documentedThrottle is the rate-limit answer of the page Rate Limits, in
// the documented error envelope; its code says 429 whatever the status.
const documentedThrottle = `{"errors":[{"msg":"You've exceeded the per-minute rate limit. Please wait for sometime before retrying.","code":429}]}`

// scriptedAnswer is one answer of a scriptedTransport.
type scriptedAnswer struct {
	status     int
	retryAfter string
	body       string
}

// scriptedTransport gives its answers in turn, then 200 with an agent, and
// records the method and the clock's time of every request.
type scriptedTransport struct {
	mu      sync.Mutex
	clock   *testClock
	script  []scriptedAnswer
	sent    []time.Time
	methods []string
}

func (rt *scriptedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	rt.mu.Lock()
	n := len(rt.sent)
	rt.sent = append(rt.sent, rt.clock.Now())
	rt.methods = append(rt.methods, req.Method)
	rt.mu.Unlock()
	a := scriptedAnswer{status: http.StatusOK, body: `{"id":"a-1","emailId":"x@example.com"}`}
	if n < len(rt.script) {
		a = rt.script[n]
	}
	h := http.Header{"Content-Type": {"application/json"}}
	if a.retryAfter != "" {
		h.Set("Retry-After", a.retryAfter)
	}
	return &http.Response{StatusCode: a.status, Header: h, Body: nopBody(a.body), Request: req}, nil
}

// gaps is the time between one request and the next.
func (rt *scriptedTransport) gaps() []time.Duration {
	var out []time.Duration
	for i := 1; i < len(rt.sent); i++ {
		out = append(out, rt.sent[i].Sub(rt.sent[i-1]))
	}
	return out
}

// The documented rate-limit answer is a throttle under any status: a 400,
// a 403 or a 503 that carries it is waited on (Retry-After when given, else
// the pace), retried past max_retries, and slows the pace, exactly as a 429
// is. A POST so refused in a 4xx is retried too: a throttle in a 4xx
// created nothing. (A POST throttled in a 5xx is not: see
// TestAThrottleInA5xxDoesNotSendAPostAgain.)
func TestAThrottleUnderAnyStatusIsWaitedOnRetriedAndSlowsThePace(t *testing.T) {
	type outcome struct {
		gaps  []time.Duration
		pace  float64
		posts int
	}
	run := func(status int) outcome {
		clock := newTestClock()
		rt := &scriptedTransport{clock: clock, script: []scriptedAnswer{
			{status, "10", documentedThrottle},
			{status, "", documentedThrottle},
			{status, "4", documentedThrottle},
		}}
		c := clockedClient(t, clock, rt) // max_retries 2: three throttles go past it
		email := "x@example.com"
		var err error
		if status >= 500 {
			_, err = c.Agents.Get(t.Context(), "a-1")
		} else {
			_, err = c.Agents.Create(t.Context(), &AgentRequest{EmailID: &email})
		}
		if err != nil {
			t.Fatalf("status %d: %v", status, err)
		}
		posts := 0
		for _, m := range rt.methods {
			if m == http.MethodPost {
				posts++
			}
		}
		return outcome{gaps: rt.gaps(), pace: c.limiter.PerMinute(), posts: posts}
	}
	want := run(http.StatusTooManyRequests)
	if len(want.gaps) != 3 || want.gaps[0] != 10*time.Second || want.gaps[2] != 4*time.Second || want.posts != 4 {
		t.Fatalf("429s: gaps %v, %d POSTs; want 10s, the pace, 4s and 4 POSTs", want.gaps, want.posts)
	}
	if want.gaps[1] <= time.Second || want.pace >= 60 {
		t.Fatalf("429s: the wait without Retry-After was %s and the pace is %v a minute; want more than 1s and below 60", want.gaps[1], want.pace)
	}
	for _, status := range []int{http.StatusBadRequest, http.StatusServiceUnavailable, http.StatusForbidden} {
		got, wantPosts := run(status), want.posts
		if status >= 500 {
			wantPosts = 0 // a GET: retried the same way
		}
		if fmt.Sprint(got.gaps) != fmt.Sprint(want.gaps) || got.pace != want.pace || got.posts != wantPosts {
			t.Errorf("status %d with the rate-limit message: gaps %v, pace %v, %d POSTs; want %v, %v, %d as for a 429",
				status, got.gaps, got.pace, got.posts, want.gaps, want.pace, wantPosts)
		}
	}
}

// An error answer without the rate-limit message is no throttle: a 400 is
// not retried and leaves the pace alone, and its body reaches the caller
// whole, however large, although the transport read its start.
func TestAnErrorWithoutTheRateLimitMessageIsNoThrottle(t *testing.T) {
	long := strings.Repeat("x", 3*maxThrottleBody)
	for _, tc := range []struct {
		name, body, message string
		status              int
	}{
		{"envelope", `{"errors":[{"msg":"Agent with this email already exists","code":400}]}`, "Agent with this email already exists", http.StatusBadRequest},
		// A non-JSON body is quoted, shortened, from its start: what the
		// transport read ahead came back first.
		{"long text", "start " + long, "start " + long[:maxErrorText-6] + "…", http.StatusBadRequest},
		// Text that speaks of a rate limit is not the documented sentence:
		// retried, it would be for 15 minutes, halving the pace of every
		// process sharing the budget.
		{"a rate-limit plan refusal", `{"errors":[{"msg":"rate limit plan not enabled","code":403}]}`, "rate limit plan not enabled", http.StatusForbidden},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clock := newTestClock()
			rt := &scriptedTransport{clock: clock, script: []scriptedAnswer{{tc.status, "", tc.body}}}
			c := clockedClient(t, clock, rt)
			_, err := c.Agents.Get(t.Context(), "a-1")
			var apiErr *APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != tc.status || apiErr.Message != tc.message {
				t.Fatalf("err = %v; want the %d with the message %.60q…", err, tc.status, tc.message)
			}
			if len(rt.sent) != 1 || c.limiter.PerMinute() != 60 {
				t.Fatalf("%d attempts, pace %v a minute; want 1 attempt and the pace untouched", len(rt.sent), c.limiter.PerMinute())
			}
			if IsRateLimited(err) {
				t.Fatalf("IsRateLimited = %v", IsRateLimited(err))
			}
		})
	}
}

// After maxThrottledWait of throttles sent as 400, the error says the
// status of the last answer, and IsRateLimited knows it.
func TestRateLimitedErrorNamesTheLastStatus(t *testing.T) {
	clock := newTestClock()
	var script []scriptedAnswer
	for range 20 {
		script = append(script, scriptedAnswer{http.StatusBadRequest, "60", documentedThrottle})
	}
	rt := &scriptedTransport{clock: clock, script: script}
	c := clockedClient(t, clock, rt)
	_, err := c.Agents.Get(t.Context(), "a-1")
	if err == nil || !IsRateLimited(err) || !strings.Contains(err.Error(), "still rate limited after 16 attempts over 15m0s") ||
		!strings.HasSuffix(err.Error(), "the last answer was HTTP 400: You've exceeded the per-minute rate limit. Please wait for sometime before retrying.") {
		t.Fatalf("err = %v", err)
	}
}

// isThrottle is the one decision on an answer's text: an HTTP 429, the
// envelope's code 429, or the documented sentence, under any status.
func TestIsThrottle(t *testing.T) {
	for _, tc := range []struct {
		status, code int
		msg          string
		want         bool
	}{
		{429, 0, "", true},
		{429, 4002, "anything", true},
		{400, 429, "", true},
		{503, 429, "Service busy", true},
		{400, 0, "You've exceeded the per-minute rate limit. Please wait for sometime before retrying.", true},
		{503, 0, "you've EXCEEDED the per-minute rate limit", true},
		{403, 0, "rate limit plan not enabled", false},
		{400, 0, "Rate limit for this API has been reached. Please try again later", false},
		{500, 0, "rate limiter unavailable", false},
		{400, 400, "exceeded the hourly rate limit", false},
		{404, 0, "", false},
	} {
		if got := isThrottle(&APIError{StatusCode: tc.status, Code: tc.code, Message: tc.msg}); got != tc.want {
			t.Errorf("isThrottle(HTTP %d, code %d, %q) = %v, want %v", tc.status, tc.code, tc.msg, got, tc.want)
		}
	}
}

// A POST answered with a throttle in a 5xx is not sent again: a gateway
// may have passed the create on before it answered. It goes the way of any
// 5xx, a lookup for what it may have made; the throttle still slows the
// pace.
func TestAThrottleInA5xxDoesNotSendAPostAgain(t *testing.T) {
	for _, body := range []string{documentedThrottle, `{"errors":[{"msg":"Service unavailable","code":429}]}`} {
		c, api := newFakeAPI(t, func(r apiCall) (int, string) {
			if r.Method == http.MethodPost {
				return http.StatusServiceUnavailable, body
			}
			return 0, `{"results":[],"hasMore":false}`
		})
		email := "x@example.com"
		pace := c.limiter.PerMinute()
		_, err := c.Agents.Create(t.Context(), &AgentRequest{EmailID: &email})
		posts := 0
		for _, call := range api.Calls() {
			if call.Method == http.MethodPost {
				posts++
			}
		}
		if posts != 1 || len(api.Calls()) != 2 {
			t.Fatalf("%s: %d POSTs in %d calls (%v); want 1 POST, then the lookup", body, posts, len(api.Calls()), api.Calls())
		}
		want := "(no agent with the email x@example.com exists afterwards, so none was created)"
		if err == nil || !IsRateLimited(err) || !strings.HasSuffix(err.Error(), want) {
			t.Fatalf("%s: err = %v; want the throttle, ending %s", body, err, want)
		}
		if c.limiter.PerMinute() >= pace {
			t.Fatalf("%s: the pace is %v a minute, was %v; a throttle lowers it", body, c.limiter.PerMinute(), pace)
		}
	}
}
