package emulator

import (
	"fmt"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
)

// hookLog records hook calls as "phase METHOD route".
type hookLog struct {
	mu     sync.Mutex
	events []string
}

func (l *hookLog) add(p HookPhase, method, route string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, fmt.Sprintf("%s %s %s", p, method, route))
}

func (l *hookLog) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.events)
}

// TestHookInterleavesQueueAndAgentUpdates plays the race of issue 13: a
// queue update read the queue before an agent update added the agent to
// it, and is held back until the agent update has been handled. The queue
// update, a whole document, then takes the agent out again. The hook runs
// without the server's lock: the agent update is served while the queue
// update waits in it.
func TestHookInterleavesQueueAndAgentUpdates(t *testing.T) {
	h := newHarness(t, Config{})
	staleQueue := h.do(http.MethodGet, "/queues/"+supportQueueID, nil).object(t, http.StatusOK)

	var log hookLog
	queueArrived, agentDone := make(chan struct{}), make(chan struct{})
	h.srv.SetHook(func(p HookPhase, method, route string, params map[string]string) {
		log.add(p, method, route)
		switch {
		case p == BeforeHandle && method == http.MethodPut && route == "/queues/{id}":
			if params["id"] != supportQueueID {
				t.Errorf("params = %v", params)
			}
			close(queueArrived)
			<-agentDone
		case p == AfterHandle && method == http.MethodPut && route == "/agents/{id}":
			close(agentDone)
		}
	})

	queueStatus := make(chan int, 1)
	go func() {
		res, err := h.request(http.MethodPut, apiPath("/queues/"+supportQueueID), staleQueue, nil)
		if err != nil {
			t.Error(err)
			queueStatus <- 0
			return
		}
		queueStatus <- res.status
	}()
	<-queueArrived

	admin, _ := h.srv.Agent(adminID)
	put := putBody(admin)
	put["queues"] = []any{map[string]any{"id": supportQueueID}}
	h.do(http.MethodPut, "/agents/"+adminID, put).object(t, http.StatusOK)
	if got := <-queueStatus; got != http.StatusOK {
		t.Fatalf("queue update status = %d, want 200", got)
	}

	want := []string{
		"BeforeHandle PUT /queues/{id}",
		"BeforeHandle PUT /agents/{id}",
		"AfterHandle PUT /agents/{id}",
		"AfterHandle PUT /queues/{id}",
	}
	if got := log.all(); !slices.Equal(got, want) {
		t.Fatalf("hook calls = %q, want %q", got, want)
	}
	if e := queueEntryOf(t, h.srv, adminID, supportQueueID); e != nil {
		t.Fatalf("admin is still in the queue (%v): the stale queue update should have reverted the agent update", e)
	}
	if e := queueEntryOf(t, h.srv, mariaID, supportQueueID); e == nil {
		t.Fatal("maria left the queue")
	}
}

// TestHookPhases: a hook sees every API request that passed auth and the
// rate limiter, once before and once after, whatever the answer; it sees no
// admin request and no refused one; it gets a copy of the parameters; and
// SetHook(nil) removes it.
func TestHookPhases(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now, RateLimitPerMinute: 5})
	var log hookLog
	h.srv.SetHook(func(p HookPhase, method, route string, params map[string]string) {
		log.add(p, method, route)
		params["id"] = "changed-by-the-hook"
	})

	h.do(http.MethodGet, "/agents/"+mariaID, nil).object(t, http.StatusOK)           // the hook's change of id does not reach the handler
	h.do(http.MethodGet, "/queues/qu-missing", nil).errorMsg(t, http.StatusNotFound) // a missing object
	h.do(http.MethodGet, "/nowhere", nil).errorMsg(t, http.StatusNotFound)           // an unknown route
	h.srv.InjectFault(Fault{Route: "/skill-groups", Status: http.StatusServiceUnavailable})
	h.do(http.MethodGet, "/skill-groups", nil).errorMsg(t, http.StatusServiceUnavailable)
	h.srv.InjectFault(Fault{Method: http.MethodPost, Route: "/agent-groups", Drop: DropAfterHandling})
	if _, err := h.request(http.MethodPost, apiPath("/agent-groups"), map[string]any{"name": "Dropped", "description": "d"}, nil); err == nil {
		t.Fatal("the drop fault answered")
	}
	if res, err := h.request(http.MethodGet, apiPath("/agents"), nil, map[string]*string{"auth": nil}); err != nil || res.status != http.StatusUnauthorized {
		t.Fatalf("refused request: %v, %v", res, err)
	}
	if res, err := h.request(http.MethodGet, basePath+"st-typo/agents", nil, nil); err != nil || res.status != http.StatusNotFound {
		t.Fatalf("unknown stream: %v, %v", res, err)
	}
	h.admin(http.MethodGet, "/_emulator/counts", "").object(t, http.StatusOK)
	h.do(http.MethodGet, "/conversations", nil).object(t, http.StatusOK) // the fifth request to spend budget (a status fault spends none)
	h.do(http.MethodGet, "/conversations", nil).errorMsg(t, http.StatusTooManyRequests)

	want := []string{
		"BeforeHandle GET /agents/{id}", "AfterHandle GET /agents/{id}",
		"BeforeHandle GET /queues/{id}", "AfterHandle GET /queues/{id}",
		"BeforeHandle GET <unmatched>", "AfterHandle GET <unmatched>",
		"BeforeHandle GET /skill-groups", "AfterHandle GET /skill-groups",
		"BeforeHandle POST /agent-groups", "AfterHandle POST /agent-groups",
		"BeforeHandle GET /conversations", "AfterHandle GET /conversations",
	}
	if got := log.all(); !slices.Equal(got, want) {
		t.Fatalf("hook calls =\n%q\nwant\n%q", got, want)
	}

	h.srv.SetHook(nil)
	clock.Advance(rateWindow)
	h.do(http.MethodGet, "/agents", nil).object(t, http.StatusOK)
	if got := len(log.all()); got != len(want) {
		t.Fatalf("a removed hook was called: %d calls", got)
	}
}

// TestHookConcurrentRequests: hooks of concurrent requests run
// concurrently, and each request calls the hook once in each phase.
func TestHookConcurrentRequests(t *testing.T) {
	h := newHarness(t, Config{})
	var before, after atomic.Int64
	h.srv.SetHook(func(p HookPhase, _, _ string, _ map[string]string) {
		if p == BeforeHandle {
			before.Add(1)
		} else {
			after.Add(1)
		}
	})
	const n = 20
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := h.request(http.MethodPost, apiPath("/skill-groups"), map[string]any{"name": fmt.Sprintf("Concurrent %02d", i)}, nil)
			if err != nil || res.status != http.StatusOK {
				t.Errorf("create %d: %v, %v", i, res, err)
			}
		}()
	}
	wg.Wait()
	if before.Load() != n || after.Load() != n {
		t.Fatalf("before = %d, after = %d, want %d each", before.Load(), after.Load(), n)
	}
}

// TestHookAfterHandleHoldsTheAnswer: in AfterHandle the change is made and
// visible to other requests, while the request's own answer waits for the
// hook to return.
func TestHookAfterHandleHoldsTheAnswer(t *testing.T) {
	h := newHarness(t, Config{})
	inAfter, release := make(chan struct{}), make(chan struct{})
	h.srv.SetHook(func(p HookPhase, method, _ string, _ map[string]string) {
		if p == AfterHandle && method == http.MethodPut {
			close(inAfter)
			<-release
		}
	})
	answered := make(chan int, 1)
	go func() {
		res, err := h.request(http.MethodPut, apiPath("/skill-groups/"+languagesGroupID), map[string]any{"id": languagesGroupID, "name": "Tongues"}, nil)
		if err != nil {
			t.Error(err)
			answered <- 0
			return
		}
		answered <- res.status
	}()
	<-inAfter
	got := h.do(http.MethodGet, "/skill-groups/"+languagesGroupID, nil).object(t, http.StatusOK)
	if got["name"] != "Tongues" {
		t.Fatalf("name during AfterHandle = %v, want Tongues", got["name"])
	}
	select {
	case st := <-answered:
		t.Fatalf("the PUT was answered (%d) while its hook was still running", st)
	default:
	}
	close(release)
	if st := <-answered; st != http.StatusOK {
		t.Fatalf("PUT status = %d, want 200", st)
	}
}
