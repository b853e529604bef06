package client

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofrs/flock"
)

// recordingTransport answers every request itself and records, per
// request, the clock's time and the deadline of the request's context.
type recordingTransport struct {
	mu        sync.Mutex
	clock     *testClock
	sent      []time.Time
	deadlines []time.Duration // from the real now; -1 when none
	answer    func(n int) (int, string)
}

func (rt *recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	rt.mu.Lock()
	rt.sent = append(rt.sent, rt.clock.Now())
	d := time.Duration(-1)
	if dl, ok := req.Context().Deadline(); ok {
		d = time.Until(dl)
	}
	rt.deadlines = append(rt.deadlines, d)
	n := len(rt.sent)
	rt.mu.Unlock()
	status, retryAfter := http.StatusOK, ""
	if rt.answer != nil {
		status, retryAfter = rt.answer(n)
	}
	h := http.Header{"Content-Type": {"application/json"}}
	if retryAfter != "" {
		h.Set("Retry-After", retryAfter)
	}
	body := `{"id":"a-1","emailId":"x@example.com"}`
	if status != http.StatusOK {
		body = fmt.Sprintf(`{"errors":[{"msg":"status %d","code":%d}]}`, status, status)
	}
	return &http.Response{StatusCode: status, Header: h, Body: nopBody(body), Request: req}, nil
}

// failFirst answers the first k requests with status and retryAfter, then
// 200.
func failFirst(k, status int, retryAfter string) func(n int) (int, string) {
	return func(n int) (int, string) {
		if n <= k {
			return status, retryAfter
		}
		return http.StatusOK, ""
	}
}

func nopBody(s string) *bodyReader { return &bodyReader{Reader: strings.NewReader(s)} }

type bodyReader struct{ *strings.Reader }

func (*bodyReader) Close() error { return nil }

// clockedClient is a client whose limiter and retries run on clock, with
// rt as its transport.
func clockedClient(t *testing.T, clock *testClock, rt http.RoundTripper, mutate ...func(*Config)) *Client {
	t.Helper()
	cfg := Config{
		Host: "https://platform.example.com", StreamID: testStream, AccountID: testAccount, JWT: "t",
		RequestsPerMinute: 60, MaxRetries: 2, RequestTimeout: 5 * time.Second,
		RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond,
		Transport: rt, Now: clock.Now, Sleep: clock.Sleep,
	}
	for _, m := range mutate {
		m(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The wait for a slot has no deadline of its own, and the request timeout
// starts when the slot is granted: a request queued for a minute is sent
// with its whole timeout ahead of it.
func TestTheWaitForASlotIsNotTimeOnTheWire(t *testing.T) {
	clock := newTestClock()
	var waitDeadlines []bool
	clock.onSleep = func(time.Duration) {}
	rt := &recordingTransport{clock: clock}
	c := clockedClient(t, clock, rt)
	c.limiter.sleep = func(ctx context.Context, d time.Duration) error {
		_, has := ctx.Deadline()
		waitDeadlines = append(waitDeadlines, has)
		return clock.Sleep(ctx, d)
	}
	for i := 0; i < 3; i++ {
		if _, err := c.Agents.Get(t.Context(), "a-1"); err != nil {
			t.Fatal(err)
		}
	}
	start := rt.sent[0]
	for i, want := range []time.Duration{0, time.Second, 2 * time.Second} {
		if got := rt.sent[i].Sub(start); got != want {
			t.Errorf("request %d sent at %s, want %s", i, got, want)
		}
		if d := rt.deadlines[i]; d <= 4*time.Second || d > 5*time.Second {
			t.Errorf("request %d was sent with %s of its 5s timeout left", i, d)
		}
	}
	if len(waitDeadlines) != 2 || waitDeadlines[0] || waitDeadlines[1] {
		t.Fatalf("the waits for a slot had deadlines %v, want [false false]: the timeout must not cover them", waitDeadlines)
	}
}

func TestAnAttemptWithoutAnswerNamesTheTimeout(t *testing.T) {
	clock := newTestClock()
	blocked := roundTripFunc(func(req *http.Request) (*http.Response, error) {
		<-req.Context().Done() // the attempt's own timer ends it
		return nil, req.Context().Err()
	})
	c := clockedClient(t, clock, blocked, func(cfg *Config) { cfg.RequestTimeout, cfg.MaxRetries = 10*time.Millisecond, 0 })
	_, err := c.Agents.Get(t.Context(), "a-1")
	if err == nil || !strings.HasPrefix(err.Error(), "GET /agents/a-1: ") || !strings.HasSuffix(err.Error(), ": no answer within the request timeout of 10ms (context deadline exceeded)") {
		t.Fatalf("err = %v", err)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

// A 429 is retried past max_retries, each retry after Retry-After, and
// lowers the pace; a 5xx keeps to max_retries.
func TestA429IsRetriedPastMaxRetriesAndLowersThePace(t *testing.T) {
	clock := newTestClock()
	rt := &recordingTransport{clock: clock, answer: failFirst(4, http.StatusTooManyRequests, "10")}
	c := clockedClient(t, clock, rt) // max_retries 2
	if _, err := c.Agents.Get(t.Context(), "a-1"); err != nil {
		t.Fatal(err)
	}
	if len(rt.sent) != 5 {
		t.Fatalf("%d attempts, want 5 (4 answered 429)", len(rt.sent))
	}
	for i := 1; i < 5; i++ {
		if gap := rt.sent[i].Sub(rt.sent[i-1]); gap != 10*time.Second {
			t.Errorf("attempt %d came %s after the previous one, want 10s (Retry-After)", i+1, gap)
		}
	}
	// None of the client's requests got through: the window was full of
	// others', so the pace is the least, 3 of 60 a minute.
	want := 60 * minShare
	if got := c.limiter.PerMinute(); got != want {
		t.Fatalf("pace = %v a minute, want %v", got, want)
	}

	rt5 := &recordingTransport{clock: clock, answer: func(int) (int, string) { return http.StatusBadGateway, "" }}
	c5 := clockedClient(t, clock, rt5)
	_, err := c5.Agents.Get(t.Context(), "a-1")
	if len(rt5.sent) != 3 || err == nil || !strings.Contains(err.Error(), "gave up after 3 attempts") {
		t.Fatalf("a 502: %d attempts, err %v; want 3 attempts (max_retries 2)", len(rt5.sent), err)
	}
}

// Without a deadline, a request answered 429 again and again stops after
// maxThrottledWait; with one, it stops as soon as the next slot would come
// after it, without waiting for nothing.
func TestA429RetryEndsWithTheOperation(t *testing.T) {
	clock := newTestClock()
	clock.now = time.Now().Add(time.Hour) // contexts' deadlines are on the real clock
	always := func(int) (int, string) { return http.StatusTooManyRequests, "60" }

	rt := &recordingTransport{clock: clock, answer: always}
	c := clockedClient(t, clock, rt)
	start := clock.Now()
	_, err := c.Agents.Get(t.Context(), "a-1")
	if len(rt.sent) != 16 || clock.Now().Sub(start) != 15*time.Minute {
		t.Fatalf("%d attempts over %s, want 16 over 15m (one a minute)", len(rt.sent), clock.Now().Sub(start))
	}
	want := "GET /agents/a-1: still rate limited after 16 attempts over 15m0s: the account's request budget is being spent by other clients; " +
		"try again later; the last answer was HTTP 429: status 429"
	if err == nil || err.Error() != want || !IsRateLimited(err) {
		t.Fatalf("err = %v\nwant %s (and IsRateLimited)", err, want)
	}

	rt = &recordingTransport{clock: clock, answer: always}
	c = clockedClient(t, clock, rt)
	start = clock.Now()
	ctx, cancel := context.WithDeadline(t.Context(), start.Add(150*time.Second))
	defer cancel()
	_, err = c.Agents.Get(ctx, "a-1")
	if len(rt.sent) != 3 || clock.Now().Sub(start) != 2*time.Minute || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("%d attempts over %s, err %v; want 3 over 2m, then the deadline", len(rt.sent), clock.Now().Sub(start), err)
	}
}

// Two clients of one host and account on one state file space their
// requests as one.
func TestTwoClientsShareOneBudget(t *testing.T) {
	dir := t.TempDir()
	clock := newTestClock()
	rt := &recordingTransport{clock: clock}
	a := clockedClient(t, clock, rt, func(cfg *Config) { cfg.BudgetDir = dir })
	b := clockedClient(t, clock, rt, func(cfg *Config) { cfg.BudgetDir = dir })
	for i := 0; i < 2; i++ {
		for _, c := range []*Client{a, b} {
			if _, err := c.Agents.Get(t.Context(), "a-1"); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i, want := range []time.Duration{0, time.Second, 2 * time.Second, 3 * time.Second} {
		if got := rt.sent[i].Sub(rt.sent[0]); got != want {
			t.Errorf("request %d sent at %s, want %s", i, got, want)
		}
	}
}

// A process killed while it holds the lock holds nothing afterwards: the
// OS releases it, and the budget goes on.
func TestAKilledProcessHoldsNoLock(t *testing.T) {
	if dir := os.Getenv("SMARTASSIST_TEST_HOLD_BUDGET_LOCK"); dir != "" {
		holdBudgetLock(dir)
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestAKilledProcessHoldsNoLock$")
	cmd.Env = append(os.Environ(), "SMARTASSIST_TEST_HOLD_BUDGET_LOCK="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "locked\n" {
		_ = cmd.Process.Kill()
		t.Fatalf("the helper said %q", line)
	}
	store := killedStore(dir) // not openFileStore: its first update would wait for the lock
	if ok, _ := store.lock.TryLock(); ok {
		t.Fatal("the lock was free while the helper held it")
	}
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	if ok, err := store.lock.TryLock(); !ok || err != nil {
		t.Fatalf("the lock is still held after the helper was killed: %v", err)
	}
	_ = store.lock.Unlock()
	clock := newTestClock()
	l := newLimiter(60, store, clock.Now, clock.Sleep)
	if w := l.Reserve(t.Context()); w != 0 {
		t.Fatalf("wait %s after the kill, want 0", w)
	}
}

// holdBudgetLock is the helper process: it takes the lock, says so, and
// waits to be killed.
func holdBudgetLock(dir string) {
	store, err := openFileStore(dir, "https://platform.example.com", "acct-killed", nil, nil)
	if err == nil {
		err = store.lock.Lock()
	}
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println("locked")
	select {}
}

// killedStore is the store the helper locks, as a second process sees it.
func killedStore(dir string) *fileStore {
	path := filepath.Join(dir, BudgetFileName("https://platform.example.com", "acct-killed"))
	return &fileStore{
		lock: flock.New(strings.TrimSuffix(path, ".json") + ".lock"),
		path: path, host: "https://platform.example.com", accountID: "acct-killed",
		turn: make(chan struct{}, 1), now: time.Now, sleep: sleepContext,
	}
}

// The backoff between retries of a failed request is waited on the client's
// clock (Config.Sleep), not on retryablehttp's timer: two 503s with a
// backoff of 10 to 40 seconds cost no real time, and the clock records both
// waits, each in its upper half of min·2^attempt.
func TestRetryBackoffWaitsOnTheClientsClock(t *testing.T) {
	clock := newTestClock()
	rt := &recordingTransport{clock: clock, answer: failFirst(2, http.StatusServiceUnavailable, "")}
	c := clockedClient(t, clock, rt, func(cfg *Config) {
		cfg.RequestsPerMinute = 1e9 // no slot waits: every sleep is a backoff
		cfg.RetryWaitMin, cfg.RetryWaitMax = 10*time.Second, 40*time.Second
	})
	start := time.Now()
	if _, err := c.Agents.Get(t.Context(), "a-1"); err != nil {
		t.Fatal(err)
	}
	if real := time.Since(start); real > 5*time.Second {
		t.Fatalf("the retries took %s of real time", real)
	}
	var backoffs []time.Duration
	for _, d := range clock.slept {
		if d > 0 {
			backoffs = append(backoffs, d)
		}
	}
	if len(rt.sent) != 3 || len(backoffs) != 2 {
		t.Fatalf("%d attempts and waits %v, want 3 attempts after 2 backoffs", len(rt.sent), clock.slept)
	}
	for i, want := range []time.Duration{10 * time.Second, 20 * time.Second} {
		if d := backoffs[i]; d < want/2 || d > want {
			t.Errorf("backoff %d was %s, want between %s and %s", i+1, d, want/2, want)
		}
		if gap := rt.sent[i+1].Sub(rt.sent[i]); gap < backoffs[i] {
			t.Errorf("attempt %d came %s after the one before, before its backoff of %s ended", i+2, gap, backoffs[i])
		}
	}
}
