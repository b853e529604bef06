package client

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sync"
	"testing"
	"time"
)

// testClock is a clock the tests move; its sleep moves it instead of
// waiting.
type testClock struct {
	mu  sync.Mutex
	now time.Time
	// onSleep, when set, runs at the start of every sleep, with the clock
	// not yet moved.
	onSleep func(d time.Duration)
	slept   []time.Duration
}

func newTestClock() *testClock {
	return &testClock{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func (c *testClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	hook := c.onSleep
	c.slept = append(c.slept, d)
	c.mu.Unlock()
	if hook != nil {
		hook(d)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	c.Advance(d)
	return nil
}

func (c *testClock) Slept() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.slept...)
}

// sharedLimiter is a limiter on the state file of host and account in dir,
// as a client with Config.BudgetDir = dir makes it.
func sharedLimiter(t *testing.T, dir, account string, perMinute float64, clock *testClock) *Limiter {
	t.Helper()
	store, err := openFileStore(dir, "https://platform.example.com", account, clock.Now, clock.Sleep)
	if err != nil {
		t.Fatal(err)
	}
	return newLimiter(perMinute, store, clock.Now, clock.Sleep)
}

func TestBudgetPaceDropsOnceARoundHoldsThenDoubles(t *testing.T) {
	start := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC).UnixNano()
	at := func(d time.Duration) int64 { return start + int64(d) }
	var s budgetState
	if got := s.interval(start, 60); got != time.Second {
		t.Fatalf("interval of a fresh budget = %s, want 1s", got)
	}
	// 31 requests a second apart; the 31st, sent at 30s, is answered 429 at
	// 31s with Retry-After 5.
	for i := range 31 {
		if slot, _ := s.reserve(at(time.Duration(i)*time.Second), 60); slot != at(time.Duration(i)*time.Second) {
			t.Fatalf("slot %d at +%s", i, time.Duration(slot-start))
		}
	}
	if !s.throttled(at(31*time.Second), at(30*time.Second), 5*time.Second, 60) {
		t.Fatal("the first 429 changed nothing")
	}
	// The API's window was full with 30 of this budget's requests in it:
	// others took the other half. The pace drops to nine tenths of that.
	if got := s.share(at(31*time.Second), 60); got < 0.45-1e-9 || got > 0.45+1e-9 || s.Epoch != 1 || s.Next != at(36*time.Second) {
		t.Fatalf("after the first 429: share %v, epoch %d, next +%s; want 0.45, 1, +36s", got, s.Epoch, time.Duration(s.Next-start))
	}
	// A 429 of a request sent before the drop says nothing new: no second
	// drop, and Retry-After 2 ends before the pause already set.
	if s.throttled(at(31*time.Second), at(30500*time.Millisecond), 2*time.Second, 60) {
		t.Fatal("a 429 of a request sent before the drop changed the state")
	}
	// The budget's 30 requests of the last minute already pass 0.45 × 60 =
	// 27, so the next slot is not the pause's end (36s) but when the fourth
	// of them (at 3s) has left the window and guard; the next a second on.
	for _, want := range []time.Duration{3*time.Second + time.Minute + windowGuard, 4*time.Second + time.Minute + windowGuard} {
		slot, epoch := s.reserve(at(31*time.Second), 60)
		if slot != at(want) || epoch != 1 {
			t.Fatalf("slot +%s epoch %d, want +%s epoch 1", time.Duration(slot-start), epoch, want)
		}
	}
	// For a window the pace keeps its tenth free; then it takes one request
	// a minute more (27 + 1 of 60, short of the 30 sent) until two minutes
	// after the drop; then it doubles every 20 seconds, as TCP CUBIC's
	// window stays near where it was cut and then probes faster and
	// faster. (Until issue 20 it dropped to 0.7 and climbed a tenth a
	// minute at once, and until issue 28 it climbed a twentieth a minute
	// after one minute: machines sharing an account kept running into
	// each other.)
	stepped := 28.0 / 60
	for _, tc := range []struct {
		after time.Duration
		want  float64
	}{{30 * time.Second, 0.45}, {59 * time.Second, 0.45}, {time.Minute, stepped}, {2 * time.Minute, stepped},
		{2*time.Minute + 10*time.Second, stepped * math.Sqrt2}, {2*time.Minute + 20*time.Second, 2 * stepped}, {2*time.Minute + 40*time.Second, 1}, {time.Hour, 1}} {
		if got := s.share(at(31*time.Second+tc.after), 60); got < tc.want-1e-9 || got > tc.want+1e-9 {
			t.Errorf("share %s after the drop = %v, want %v", tc.after, got, tc.want)
		}
	}
	// A 429 of a request sent after the drop drops the pace again; many
	// never take it below a twentieth.
	for i := 0; i < 40; i++ {
		now := at(40*time.Second + time.Duration(i)*time.Second)
		s.throttled(now, now, 0, 60)
	}
	if got := s.share(at(79*time.Second), 60); got != minShare {
		t.Fatalf("share after 40 drops = %v, want %v", got, minShare)
	}
}

// A budget whose first request is refused (others fill the account) learns
// that it has nothing yet: its pace starts at the least and climbs, as
// TCP's slow start does, instead of assuming half the account.
func TestABudgetRefusedAtOnceStartsSlow(t *testing.T) {
	start := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC).UnixNano()
	var s budgetState
	slot, _ := s.reserve(start, 60)
	s.throttled(start+int64(time.Second), slot, 0, 60)
	if got := s.share(start+int64(time.Second), 60); got != minShare {
		t.Fatalf("share after a refused first request = %v, want %v", got, minShare)
	}
	// Three a minute after the pause of one interval at that pace (20s),
	// a second apart; three more as those leave the window and guard; the
	// seventh when the climb, two minutes after the drop and then doubling
	// every 20s from the 3⅓ a minute that a twentieth is nine tenths of,
	// makes room for four a minute: 20s × log2(4 ÷ 3⅓) after the hold,
	// before the fourth slot leaves the window.
	var slots []time.Duration
	for range 7 {
		n, _ := s.reserve(start+int64(time.Second), 60)
		slots = append(slots, time.Duration(n-start))
	}
	want := []time.Duration{21 * time.Second, 22 * time.Second, 23 * time.Second,
		81*time.Second + windowGuard, 82*time.Second + windowGuard, 83*time.Second + windowGuard}
	if !slices.Equal(slots[:6], want) {
		t.Fatalf("slots %v, want %v then one at 126.3s", slots, want)
	}
	climb := time.Second + 2*time.Minute + time.Duration(math.Log2((4.0/60)/(minShare/decreaseFactor))*float64(20*time.Second))
	if slots[6] < climb || slots[6] > climb+time.Millisecond {
		t.Fatalf("the seventh slot at %s, want %s (the climb to 4 a minute)", slots[6], climb)
	}
}

func TestTwoLimitersOnOneStateFileShareTheBudget(t *testing.T) {
	dir := t.TempDir()
	clock := newTestClock()
	a := sharedLimiter(t, dir, "acct-1", 60, clock)
	b := sharedLimiter(t, dir, "acct-1", 60, clock)
	other := sharedLimiter(t, dir, "acct-2", 60, clock)

	var waits []time.Duration
	for i := 0; i < 3; i++ {
		waits = append(waits, a.Reserve(t.Context()), b.Reserve(t.Context()))
	}
	want := []time.Duration{0, time.Second, 2 * time.Second, 3 * time.Second, 4 * time.Second, 5 * time.Second}
	for i := range want {
		if waits[i] != want[i] {
			t.Fatalf("waits of a, b, a, b, … = %v, want %v", waits, want)
		}
	}
	if w := other.Reserve(t.Context()); w != 0 {
		t.Fatalf("another account waited %s: its budget is its own", w)
	}

	// Slots taken in turn keep a whole budget off any minute and guard.
	clock.Advance(time.Hour)
	var slots []time.Duration
	for i := 0; i < 61; i++ {
		l := a
		if i%2 == 1 {
			l = b
		}
		slots = append(slots, l.Reserve(t.Context()))
	}
	if slots[59] != 59*time.Second || slots[60] != time.Minute+windowGuard {
		t.Fatalf("slot 59 at %s and 60 at %s, want 59s and 1m0.25s", slots[59], slots[60])
	}
}

func TestAThrottledLimiterHoldsBackTheOthersWaiters(t *testing.T) {
	dir := t.TempDir()
	clock := newTestClock()
	a := sharedLimiter(t, dir, "acct-1", 60, clock)
	b := sharedLimiter(t, dir, "acct-1", 60, clock)
	start := clock.Now()

	first, err := a.wait(t.Context())
	if err != nil || !first.Equal(start) {
		t.Fatalf("first slot %v, %v", first.Sub(start), err)
	}
	// b waits for the slot at 1s; while it waits, a's request is answered
	// 429 with Retry-After 10 at 0.5s.
	clock.onSleep = func(time.Duration) {
		clock.onSleep = nil
		clock.Advance(500 * time.Millisecond)
		a.Throttled(t.Context(), first, 10*time.Second)
		clock.Advance(-500 * time.Millisecond)
	}
	slot, err := b.wait(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if got := slot.Sub(start); got != 10500*time.Millisecond {
		t.Fatalf("b's request went at %s, want 10.5s (Retry-After from 0.5s)", got)
	}
	if got := clock.Slept(); len(got) != 2 || got[0] != time.Second || got[1] != 9500*time.Millisecond {
		t.Fatalf("b slept %v, want [1s 9.5s]: its first slot was taken back", got)
	}
	// a's only request was refused: the machine has nothing of the window
	// yet, so the pace starts at the least, 3 of 60 a minute, for both.
	if got := b.PerMinute(); got != 60*minShare {
		t.Fatalf("b's pace = %v a minute, want %v (shared with a: nothing of the full window was theirs)", got, 60*minShare)
	}
}

func TestACancelledWaitGivesItsSlotBack(t *testing.T) {
	dir := t.TempDir()
	clock := newTestClock()
	l := sharedLimiter(t, dir, "acct-1", 60, clock)
	l.Reserve(t.Context())
	ctx, cancel := context.WithCancel(t.Context())
	clock.onSleep = func(time.Duration) { cancel() }
	if _, err := l.wait(ctx); err != context.Canceled {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	st := readBudgetFile(t, dir, "acct-1")
	if len(st.Sent) != 1 {
		t.Fatalf("%d slots held after the cancelled wait, want 1 (the first request's)", len(st.Sent))
	}
}

func TestAWaitPastTheDeadlineEndsAtOnce(t *testing.T) {
	clock := newTestClock()
	clock.now = time.Now().Add(time.Hour)                   // the context's deadline is on the real clock
	l := newLimiter(1, &memStore{}, clock.Now, clock.Sleep) // one a minute
	l.Reserve(t.Context())
	ctx, cancel := context.WithDeadline(t.Context(), clock.Now().Add(30*time.Second))
	defer cancel()
	_, err := l.wait(ctx)
	if err == nil || err.Error() != "the next free slot of the rate limit is 1m0.25s away, after the deadline of this operation (context deadline exceeded)" {
		t.Fatalf("err = %v", err)
	}
	if len(clock.Slept()) != 0 {
		t.Fatalf("slept %v before giving up", clock.Slept())
	}
}

func TestStateFileNameAndContent(t *testing.T) {
	dir := t.TempDir()
	name := BudgetFileName("https://Platform.Example.com/", "acct-1")
	if !regexp.MustCompile(`^budget-v2-[0-9a-f]{16}\.json$`).MatchString(name) {
		t.Fatalf("name = %q", name)
	}
	if name != BudgetFileName("https://platform.example.com", "acct-1") || name == BudgetFileName("https://platform.example.com", "acct-2") {
		t.Fatal("the name must depend on the host (whatever its case or trailing slash) and the account, and only on them")
	}
	clock := newTestClock()
	l := sharedLimiter(t, dir, "acct-1", 60, clock)
	l.Reserve(t.Context())
	l.Reserve(t.Context())
	raw, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	var st budgetFile
	if err := json.Unmarshal(raw, &st); err != nil {
		t.Fatal(err)
	}
	start := clock.Now().UnixNano()
	if st.Version != 2 || st.Host != "https://platform.example.com" || st.AccountID != "acct-1" ||
		len(st.Sent) != 2 || st.Sent[1] != start+int64(time.Second) || st.Next != start+int64(2*time.Second) {
		t.Fatalf("state file = %s", raw)
	}
	if _, err := os.Stat(filepath.Join(dir, name[:len(name)-len(".json")]+".lock")); err != nil {
		t.Fatalf("no lock file beside the state: %v", err)
	}

	// A damaged file is a cache: it starts afresh.
	if err := os.WriteFile(filepath.Join(dir, name), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if w := l.Reserve(t.Context()); w != 0 {
		t.Fatalf("wait %s on a damaged state file, want 0", w)
	}
}

func TestClientWithoutAUsableDirectoryKeepsItsOwnBudget(t *testing.T) {
	notADir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notADir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		dir  string
		rpm  float64
		want string
	}{
		"not a directory": {notADir, 60, "the state file in " + notADir + " cannot be used: mkdir " + notADir + ": not a directory"},
		"no limit":        {t.TempDir(), 60000, ""},
		"not asked":       {"", 60, ""},
	} {
		c, err := New(Config{Host: "https://platform.example.com", StreamID: "s", AccountID: "a", JWT: "j",
			RequestsPerMinute: tc.rpm, BudgetDir: tc.dir})
		if err != nil {
			t.Fatal(err)
		}
		file, why := c.SharedBudget()
		if file != "" || (why == nil) != (tc.want == "") || (why != nil && why.Error() != tc.want) {
			t.Errorf("%s: SharedBudget() = %q, %v; want \"\", %q", name, file, why, tc.want)
		}
	}
	dir := t.TempDir()
	c, err := New(Config{Host: "https://platform.example.com", StreamID: "s", AccountID: "a", JWT: "j", BudgetDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if file, why := c.SharedBudget(); file != filepath.Join(dir, BudgetFileName("https://platform.example.com", "a")) || why != nil {
		t.Fatalf("SharedBudget() = %q, %v", file, why)
	}
}

func TestAFailingStateFileFallsBackOnceAndSaysSo(t *testing.T) {
	dir := t.TempDir()
	clock := newTestClock()
	l := sharedLimiter(t, dir, "acct-1", 60, clock)
	logger := &captureLogger{}
	l.logger = logger
	l.Reserve(t.Context())
	// The directory goes away under the running client.
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, nil, 0o600); err != nil { // a file where the directory was
		t.Fatal(err)
	}
	if w := l.Reserve(t.Context()); w != 0 {
		t.Fatalf("wait %s: the fallback budget starts afresh", w)
	}
	for i := 0; i < 2; i++ {
		if _, err := l.wait(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	if len(logger.lines) != 1 || !regexp.MustCompile(`rate budget shared with other processes failed \(locking .*: not a directory\); this client keeps a budget of its own`).MatchString(logger.lines[0]) {
		t.Fatalf("log = %q, want one line saying the shared budget failed", logger.lines)
	}
}

func readBudgetFile(t *testing.T, dir, account string) budgetFile {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, BudgetFileName("https://platform.example.com", account)))
	if err != nil {
		t.Fatal(err)
	}
	var st budgetFile
	if err := json.Unmarshal(raw, &st); err != nil {
		t.Fatal(err)
	}
	return st
}
