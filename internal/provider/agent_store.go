package provider

import (
	"context"
	"math"
	"sync"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
	"github.com/koreai/terraform-provider-smartassist/internal/coalesce"
)

// The agent store is shared by every agent resource of one provider
// process, so that a run spends as few of the account's 60 requests a minute
// as it can: refreshes choose between one GET each and the shared list, and
// the lookups of agents created together (whose create answer has no id)
// share one walk through the list (agent_lookups.go). The costs are in
// templates/guides/rate-limits.md.tmpl ("How long plans and applies take").
//
// The list carries no customId, and its queue entries may not say whether
// the agent is preferred: such agents are always read with a GET.

// agentReadsBeforeList is how many reads of a run use a GET before the store
// looks at the list at all.
const agentReadsBeforeList = 2

type agentStore struct {
	client *client.Client

	mu sync.Mutex

	// Reads.
	reads     int                      // reads that the list could serve
	expected  int                      // reads an adoption says are coming (agent_adoption.go)
	firstPage map[string]*client.Agent // by id; nil until read
	pages     int                      // the list's page count, from the first page
	probing   *coalesce.Load[struct{}] // the read of the first page
	list      map[string]*client.Agent // every agent, by id; nil until walked
	listing   *coalesce.Load[struct{}] // the walk

	// Create lookups (agent_lookups.go): one walk at a time, each starting
	// from the list's size as the previous one saw it.
	lookups  *coalesce.Batcher[string, *client.Agent]
	listSize client.ListSize
}

func newAgentStore(c *client.Client, clk coalesce.Clock) *agentStore {
	s := &agentStore{client: c}
	s.lookups = &coalesce.Batcher[string, *client.Agent]{Clock: clk, Quiet: agentLookupQuiet, MaxWait: agentLookupMaxWait,
		Timeout: agentLookupTimeout, Serial: true, LeaveSent: true, Run: s.scan}
	return s
}

// read reads one agent for a refresh. needGet asks for the get answer: the
// caller manages a field that only it carries.
func (s *agentStore) read(ctx context.Context, id string, needGet bool) (*client.Agent, error) {
	if needGet {
		return s.client.Agents.Get(ctx, id)
	}
	s.mu.Lock()
	if a := entry(s.list, id); a != nil {
		s.mu.Unlock()
		return s.usable(ctx, a)
	}
	listed := s.list != nil
	s.reads++
	n := max(s.reads, s.expected)
	s.mu.Unlock()
	if listed || n <= agentReadsBeforeList {
		// Not in the whole list (deleted, or created since): the GET says
		// which. Or one of the first reads of the run.
		return s.client.Agents.Get(ctx, id)
	}

	a, pages, err := s.probe(ctx, id)
	if err != nil {
		return s.client.Agents.Get(ctx, id)
	}
	if a != nil {
		return s.usable(ctx, a)
	}
	// Count every read of the run so far, not only those before this one:
	// Terraform refreshes in parallel, and reads that arrived while the
	// first page was read are as good a sign of a large run as earlier ones.
	s.mu.Lock()
	n = max(s.reads, s.expected)
	s.mu.Unlock()
	if n < agentReadsBeforeList+int(math.Ceil(float64(pages-1)/4)) {
		return s.client.Agents.Get(ctx, id)
	}
	a, err = s.walk(ctx, id)
	if err != nil {
		return s.client.Agents.Get(ctx, id)
	}
	if a != nil {
		return s.usable(ctx, a)
	}
	return s.client.Agents.Get(ctx, id)
}

// usable returns a list entry, or the get answer when the entry cannot tell
// the agent's queue preferences.
func (s *agentStore) usable(ctx context.Context, a *client.Agent) (*client.Agent, error) {
	for _, q := range a.Queues {
		if !q.PreferenceKnown(string(a.UserID), string(a.ID)) {
			return s.client.Agents.Get(ctx, string(a.ID))
		}
	}
	return a, nil
}

// probe reads the list's first page, once per run, and answers its entry for
// id (nil when the page has none) and the list's page count. The entry is
// looked up under the lock: forget deletes from the same map.
func (s *agentStore) probe(ctx context.Context, id string) (*client.Agent, int, error) {
	err := s.once(ctx, &s.probing, func() bool { return s.firstPage != nil }, func(ctx context.Context) (func(), error) {
		l, err := s.client.Agents.List(ctx, client.AgentListOptions{Page: 1, IncludeQueues: true})
		if err != nil {
			return nil, err
		}
		return func() {
			s.firstPage = byID(l.Results)
			s.pages = l.PageCount()
			if s.pages == 1 && s.list == nil {
				s.list = s.firstPage // the first page is the whole list
			}
		}, nil
	})
	if err != nil {
		return nil, 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return entry(s.firstPage, id), s.pages, nil
}

// walk reads the rest of the list, once per run, and answers its entry for
// id (nil when the list has none), looked up under the lock.
func (s *agentStore) walk(ctx context.Context, id string) (*client.Agent, error) {
	err := s.once(ctx, &s.listing, func() bool { return s.list != nil }, func(ctx context.Context) (func(), error) {
		s.mu.Lock()
		all := make(map[string]*client.Agent, len(s.firstPage))
		for id, a := range s.firstPage {
			all[id] = a
		}
		s.mu.Unlock()
		err := s.client.Agents.ListPages(ctx, client.AgentListOptions{Page: 2, IncludeQueues: true}, func(_ int, l *client.AgentList) bool {
			for id, a := range byID(l.Results) {
				all[id] = a
			}
			return true
		})
		if err != nil {
			return nil, err
		}
		return func() { s.list = all }, nil
	})
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return entry(s.list, id), nil
}

// once runs load once for every caller while done is false: the first
// caller starts it, and it runs on a coalesce.Group of those waiting for it,
// until the last of them gives up. load's store func runs with s.mu held. A
// failed load stays failed for the run: those waiting, and later callers,
// get its error and fall back to a GET.
func (s *agentStore) once(ctx context.Context, inflight **coalesce.Load[struct{}], done func() bool,
	load func(context.Context) (store func(), err error)) error {
	s.mu.Lock()
	if done() {
		s.mu.Unlock()
		return nil
	}
	l, first := *inflight, false
	if l == nil {
		l, first = coalesce.NewLoad[struct{}](ctx), true
		*inflight = l
		l.Run(func(ctx context.Context) (struct{}, error) {
			store, err := load(ctx)
			if err != nil {
				return struct{}{}, err
			}
			s.mu.Lock()
			defer s.mu.Unlock()
			store()
			return struct{}{}, nil
		})
	}
	s.mu.Unlock()
	_, err := l.Wait(ctx, first)
	return err
}

// entry is a copy of the agent with id in m, or nil. Call it with s.mu
// held: the maps change under the lock (forget), so no caller holds on to
// them or to their entries.
func entry(m map[string]*client.Agent, id string) *client.Agent {
	a := m[id]
	if a == nil {
		return nil
	}
	c := *a
	return &c
}

func byID(agents client.FlexList[client.Agent]) map[string]*client.Agent {
	out := make(map[string]*client.Agent, len(agents))
	for i := range agents {
		if id := string(agents[i].ID); id != "" {
			out[id] = &agents[i]
		}
	}
	return out
}

// expect says that n reads of this run are coming: an adoption lists the
// agents it imports and then refreshes, so the store need not count them.
func (s *agentStore) expect(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expected = max(s.expected, n)
}

// forget drops what the store read about an agent that is being changed.
func (s *agentStore) forget(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.firstPage, id)
	delete(s.list, id)
}
