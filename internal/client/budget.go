package client

import (
	"context"
	"math"
	"sync"
	"time"
)

// budgetState is an account's request budget as seen from one machine: the
// next free slot, the slots granted in the last minute, and the pace. Every
// client that shares a budget runs the same functions on one budgetState,
// kept in memory for one client (memStore) or in a locked state file for
// every process on the machine that talks to one host and account
// (fileStore). Times are Unix nanoseconds, so the file needs no time zone.
type budgetState struct {
	// Next is the earliest time the next slot may be granted: one interval
	// after the latest slot granted, and not before Hold.
	Next int64 `json:"next"`
	// Hold is the earliest time any slot may be granted, set by a 429 (its
	// Retry-After). Kept apart from Next so that giving slots back never
	// brings Next before it.
	Hold int64 `json:"hold"`
	// Sent holds the slots granted within the last minute and windowGuard,
	// oldest first. A slot whose request was never sent is taken out again.
	Sent []int64 `json:"sent"`
	// Share is the pace as a share of the budget, lowered when the API
	// answers 429 and raised again with time (see share). Zero means a
	// state that was never lowered: the whole budget.
	Share float64 `json:"share"`
	// ShareAt is when Share was last lowered.
	ShareAt int64 `json:"shareAt"`
	// Epoch changes whenever a 429 moves or respaces the slots, so that a
	// request waiting for a slot granted before knows to take a new one.
	Epoch uint64 `json:"epoch"`
}

// The pace drops multiplicatively on a throttle, as TCP and the AWS SDKs'
// adaptive retry mode do: a throttle means someone else (on another
// machine: nothing else tells) spends the account's budget too.
//
// The drop is learned, not fixed: the API refuses a request when its
// window is full, so what this machine sent in that window (observed) is
// what the others left it. The pace drops to decreaseFactor of that (or of
// the pace, when it is lower), keeping a tenth free for the differences in
// time requests take to arrive. Five machines that start at once, each
// unable to tell it is not alone, thus learn their fifth from their first
// throttle, where halving would take three throttles each; a process that
// joins an account others fill starts near nothing and climbs, as TCP's
// slow start does. Throttles of requests sent before the drop say nothing
// new.
//
// The climb back has the shape of TCP CUBIC's: flat near the pace that was
// refused, then fast. For a window the pace keeps its tenth free, while
// requests the others sent before they learned are still in the API's
// window; then it takes one request a minute more (never more than it
// sent when refused), so that a runner that started late, and so was
// refused with a small count, is not held a request short of its work;
// two windows after the throttle (recoveryHold) it doubles every
// recoveryDoubling. Machines that share an account all probe for more at
// about the same time, and each probe costs each of them a throttle, so
// probes must be rare: a steady climb of a twentieth a minute after one
// (the rule until issue 28) brought five machines back into each other
// every minute and a half, five throttles each time. A machine the others
// have left, or one that joined at a twentieth, is back at the whole
// budget about a minute after the hold.
//
// The share bounds the requests in any minute, not their spacing (see
// reserve and spacing), so a machine whose pace dropped sends no more than
// its share in the window the API counts.
const (
	decreaseFactor = 0.9
	// recoveryStep is when the pace takes one request a minute more: one
	// window after the throttle.
	recoveryStep = time.Minute
	// recoveryHold is when the pace starts to climb beyond that: two
	// windows after the throttle, so that machines that found their
	// shares probe for more at most every two minutes or so.
	recoveryHold = 2 * time.Minute
	// recoveryDoubling is how fast the pace climbs after the hold.
	recoveryDoubling = 20 * time.Second
	// minShare keeps the pace from falling below a twentieth of the
	// budget, however many throttles come.
	minShare = 0.05
)

// share is the pace at now, as a share of a budget of perMinute, from
// minShare to 1.
func (s *budgetState) share(now int64, perMinute float64) float64 {
	if s.Share <= 0 {
		return 1
	}
	since := now - s.ShareAt
	if since < int64(recoveryStep) {
		return s.Share
	}
	climbing := max(0, since-int64(recoveryHold))
	grown := s.stepped(perMinute) * math.Exp2(float64(climbing)/float64(recoveryDoubling))
	return min(1, max(minShare, grown))
}

// stepped is the pace from one window after the throttle to the hold: one
// request a minute more than the drop left, and no more than this machine
// sent in the API's window when it was refused.
func (s *budgetState) stepped(perMinute float64) float64 {
	step := 0.0
	if perMinute > 0 {
		step = 1 / perMinute
	}
	return min(1, s.Share+step, s.Share/decreaseFactor)
}

// interval is the spacing between two slots at now, for a budget of
// perMinute.
func (s *budgetState) interval(now int64, perMinute float64) time.Duration {
	if perMinute <= 0 {
		return 0
	}
	return time.Duration(float64(time.Minute) / (perMinute * s.share(now, perMinute)))
}

// spacing is the least time between two slots: the budget's, whatever the
// pace. A lowered pace bounds how many slots any minute holds (trackedSize),
// not their spacing: after a throttle a machine sends again as its own
// requests of a minute before leave the API's window, at the rate the API
// took them then, which keeps the window as full as it was and no fuller.
// Spaced out at the lowered pace instead, the requests would leave most of
// the window empty once others finish, and a machine left alone would
// crawl at a fifth of the budget.
func spacing(perMinute float64) time.Duration {
	if perMinute <= 0 {
		return 0
	}
	return time.Duration(float64(time.Minute) / perMinute)
}

// trackedSize is how many recent slots bound the next one: a whole budget
// of requests, at the pace's share, must span at least a minute and
// windowGuard. Zero when the budget is too large to track.
func trackedSize(perMinute, share float64) int {
	if perMinute <= 0 || perMinute > maxTrackedBudget {
		return 0
	}
	return max(int(perMinute*share), 1)
}

// prune drops the slots that can no longer bound a new one.
func (s *budgetState) prune(now int64) {
	keep := 0
	for keep < len(s.Sent) && s.Sent[keep]+int64(time.Minute+windowGuard) <= now {
		keep++
	}
	s.Sent = s.Sent[keep:]
}

// reserve grants the next slot at or after now and returns it with the
// epoch it was granted in.
func (s *budgetState) reserve(now int64, perMinute float64) (int64, uint64) {
	s.prune(now)
	slot := max(now, s.Next, s.Hold)
	if trackedSize(perMinute, 1) > 0 {
		slot = s.windowSlot(slot, perMinute)
		s.Sent = append(s.Sent, slot)
		if over := len(s.Sent) - maxTrackedBudget; over > 0 {
			s.Sent = s.Sent[over:]
		}
	}
	s.Next = slot + int64(spacing(perMinute))
	return slot, s.Epoch
}

// windowSlot is the earliest time at or after from when the slots of the
// minute and windowGuard before it leave room for one more at the pace of
// that time. The pace climbs with time after a throttle, so a later time
// may leave room that an earlier one does not: the slot is the earliest
// time that either a slot leaves the window or the pace allows one more.
func (s *budgetState) windowSlot(from int64, perMinute float64) int64 {
	window := int64(time.Minute + windowGuard)
	best := int64(math.MaxInt64)
	for k := trackedSize(perMinute, s.share(from, perMinute)); ; k++ {
		at, ok := s.roomFor(k, from, perMinute)
		if !ok {
			break
		}
		slot := at
		if k <= len(s.Sent) {
			slot = max(slot, s.Sent[len(s.Sent)-k]+window)
		}
		best = min(best, slot)
		if slot == at {
			break // a larger k only comes later
		}
	}
	return best
}

// roomFor is the earliest time at or after from when the pace allows k
// slots in a window; false when it never does.
func (s *budgetState) roomFor(k int, from int64, perMinute float64) (int64, bool) {
	if trackedSize(perMinute, s.share(from, perMinute)) >= k {
		return from, true
	}
	if k > trackedSize(perMinute, 1) {
		return 0, false
	}
	need := float64(k) / perMinute
	var at int64
	if stepped := s.stepped(perMinute); need <= stepped {
		at = s.ShareAt + int64(recoveryStep)
	} else {
		at = s.ShareAt + int64(recoveryHold) + int64(math.Log2(need/stepped)*float64(recoveryDoubling))
	}
	at = max(at, from)
	for trackedSize(perMinute, s.share(at, perMinute)) < k { // rounding
		at += int64(time.Millisecond)
	}
	return at, true
}

// release takes back a slot whose request was never sent. When it was the
// latest slot granted, Next goes back to one interval after the latest
// slot still held (and not before Hold): a wait abandoned at Ctrl-C must
// not push the requests that still have to be made (the lookup of what
// was created) behind it. A slot given back between two held ones leaves a
// gap that is not granted again; the requests behind it keep their slots.
func (s *budgetState) release(slot, now int64, perMinute float64) {
	for i := len(s.Sent) - 1; i >= 0; i-- {
		if s.Sent[i] != slot {
			continue
		}
		s.Sent = append(s.Sent[:i], s.Sent[i+1:]...)
		if i < len(s.Sent) {
			return // a later slot is still held
		}
		next := s.Hold
		if i > 0 {
			next = max(next, s.Sent[i-1]+int64(spacing(perMinute)))
		}
		s.Next = min(s.Next, next)
		return
	}
}

// confirm keeps slot, granted in epoch, if no 429 has moved the slots
// since; otherwise it gives the slot back and grants a new one at or after
// now. It reports whether the slot moved.
func (s *budgetState) confirm(slot int64, epoch uint64, now int64, perMinute float64) (int64, uint64, bool) {
	if s.Epoch == epoch {
		return slot, epoch, false
	}
	s.release(slot, now, perMinute)
	slot, epoch = s.reserve(now, perMinute)
	return slot, epoch, true
}

// maxBudgetAhead bounds how far ahead of now any time in a budget may lie:
// a whole window of slots, then the longest Retry-After the client honours.
// A later one was not written by a budget that works (the clock stepped
// back, or a writer is broken) and would make every request wait for it.
const maxBudgetAhead = time.Minute + windowGuard + maxRetryAfter

// clamp brings every time of the state that lies further ahead than
// maxBudgetAhead back to that bound, and a last drop of the pace in the
// future back to now. It reports whether s changed.
func (s *budgetState) clamp(now int64) bool {
	limit := now + int64(maxBudgetAhead)
	changed := false
	bound := func(v *int64, to int64) {
		if *v > to {
			*v, changed = to, true
		}
	}
	bound(&s.Next, limit)
	bound(&s.Hold, limit)
	for i := range s.Sent {
		bound(&s.Sent[i], limit)
	}
	bound(&s.ShareAt, now)
	return changed
}

// observed is the share of the budget this budget's own requests took in
// the API's window ending at now: the slots granted that are due by now,
// within the last minute. When the API refuses a request, that window is
// full, so the rest of it went to others (other machines, the UI, an
// integration) and this share is what this machine can count on. Five
// machines that start at once at the whole budget thus each learn a fifth
// from their first throttle, where halving the pace would take three
// throttles each to get there. A budget too large to track observes the
// whole of it.
func (s *budgetState) observed(now int64, perMinute float64) float64 {
	if trackedSize(perMinute, 1) == 0 {
		return 1
	}
	n := 0
	for _, slot := range s.Sent {
		if slot > now-int64(time.Minute) && slot <= now {
			n++
		}
	}
	return float64(n) / perMinute
}

// throttled records a throttle at now for a request sent at sentAt. The
// pace drops once for every throttle of a request sent after the last
// drop: throttles of requests that were already under way when the pace
// dropped say nothing new. No slot is granted before now plus retryAfter
// (or one interval at the new pace, when the API gave no Retry-After), and
// the epoch changes so that waiting requests take new slots. The refused
// request leaves the slots of the last minute: the API did not count it.
// It reports whether s changed.
func (s *budgetState) throttled(now, sentAt int64, retryAfter time.Duration, perMinute float64) bool {
	before := len(s.Sent)
	s.release(sentAt, now, perMinute)
	changed := len(s.Sent) != before
	if s.ShareAt == 0 || sentAt >= s.ShareAt {
		s.Share = max(minShare, min(s.share(now, perMinute), s.observed(now, perMinute))*decreaseFactor)
		s.ShareAt = now
		changed = true
	}
	pause := retryAfter
	if pause <= 0 {
		pause = s.interval(now, perMinute)
	}
	// Hold keeps the pause when slots are given back; it alone moves no
	// waiting request, so it does not change the epoch.
	held := false
	if until := now + int64(pause); until > s.Hold {
		s.Hold, held = until, true
	}
	if until := now + int64(pause); until > s.Next {
		s.Next = until
		changed = true
	}
	if changed {
		s.Epoch++
	}
	return changed || held
}

// budgetStore keeps a budgetState. update runs fn on the current state
// while no other user of the store can, and keeps the state fn leaves when
// fn reports a change. It gives up with ctx's error when ctx ends while it
// waits for the other users.
type budgetStore interface {
	update(ctx context.Context, fn func(s *budgetState) (changed bool)) error
}

// memStore is a budget of one client, in memory.
type memStore struct {
	mu sync.Mutex
	st budgetState
}

func (m *memStore) update(_ context.Context, fn func(s *budgetState) bool) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	fn(&m.st)
	return nil
}
