package provider

import (
	"context"
	"math"
	"sync"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// Under 60 requests a minute, the calls an agent costs set the time a user
// waits. The agent store is shared by every agent resource of one provider
// process (one terraform command's plan, or its apply) and spends as few as
// it can:
//
//   - Refresh. The first reads of a run use one GET each: for a handful of
//     agents that is cheapest. From the third on, the store reads the list's
//     first page (ten agents, and the page count P). Reads the page does not
//     serve use a GET each until they reach a quarter of the remaining
//     pages; then the store walks the rest of the list once and serves every
//     later read from it. A run that refreshes n agents of an account of T
//     therefore costs n calls when n is small and about 2 + 1 + (P-1)/4 + P
//     when it is large (P = T/10): 66 calls for 500 agents, where one GET
//     each would cost 500. At worst, when n just passes the switch, it costs
//     about five times the cheaper of the two paths.
//   - What the list cannot show. list-all-agents carries no customId, so an
//     agent with a custom_id is always read with its own GET; a custom id
//     added in the UI to an agent that has none is therefore not seen. The
//     list's queue entries are documented as {name, description, agents[],
//     id}: when their agents[] does not name the agent, whether it is a
//     preferred agent is unknown, and the agent is read with a GET too.
//   - Create. create-an-agent answers without the new agent's id. Instead of
//     one lookup per agent, the lookups of agents created together wait for
//     each other (until every create in flight has its answer) and are
//     served by one walk through the list. The walk starts on the page
//     where the newest agent should be, from the list's size as the
//     previous walk saw it: about two pages for ten new agents (agent_lookups.go).

// agentReadsBeforeList is how many reads of a run use a GET before the store
// looks at the list at all.
const agentReadsBeforeList = 2

type agentStore struct {
	client *client.Client
	clock  clock

	mu sync.Mutex

	// Reads.
	reads     int                      // reads that the list could serve
	firstPage map[string]*client.Agent // by id; nil until read
	pages     int                      // the list's page count, from the first page
	probing   *sharedLoad[struct{}]    // the read of the first page
	list      map[string]*client.Agent // every agent, by id; nil until walked
	listing   *sharedLoad[struct{}]    // the walk

	// Create lookups (agent_lookups.go).
	creating  int // creates whose answer has not arrived
	waiting   []*agentLookup
	firstWait time.Time
	lastStir  time.Time // when a create last began or had its answer
	timer     timer
	scanning  bool
	listSize  client.ListSize // as the previous walk saw the list
}

func newAgentStore(c *client.Client, clk clock) *agentStore {
	return &agentStore{client: c, clock: clk}
}

// read reads one agent for a refresh. needGet asks for the get answer: the
// caller manages a field that only it carries.
func (s *agentStore) read(ctx context.Context, id string, needGet bool) (*client.Agent, error) {
	if needGet {
		return s.client.Agents.Get(ctx, id)
	}
	s.mu.Lock()
	if a := s.list[id]; a != nil {
		s.mu.Unlock()
		return s.usable(ctx, a)
	}
	listed := s.list != nil
	s.reads++
	n := s.reads
	s.mu.Unlock()
	if listed || n <= agentReadsBeforeList {
		// Not in the whole list (deleted, or created since): the GET says
		// which. Or one of the first reads of the run.
		return s.client.Agents.Get(ctx, id)
	}

	page, pages, err := s.probe(ctx)
	if err != nil {
		return s.client.Agents.Get(ctx, id)
	}
	if a := page[id]; a != nil {
		return s.usable(ctx, a)
	}
	// Count every read of the run so far, not only those before this one:
	// Terraform refreshes in parallel, and reads that arrived while the
	// first page was read are as good a sign of a large run as earlier ones.
	s.mu.Lock()
	n = s.reads
	s.mu.Unlock()
	if n < agentReadsBeforeList+int(math.Ceil(float64(pages-1)/4)) {
		return s.client.Agents.Get(ctx, id)
	}
	list, err := s.walk(ctx)
	if err != nil {
		return s.client.Agents.Get(ctx, id)
	}
	if a := list[id]; a != nil {
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

// probe reads the list's first page, once per run.
func (s *agentStore) probe(ctx context.Context) (map[string]*client.Agent, int, error) {
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
	return s.firstPage, s.pages, nil
}

// walk reads the rest of the list, once per run.
func (s *agentStore) walk(ctx context.Context) (map[string]*client.Agent, error) {
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
	return s.list, nil
}

// once runs load once for every caller while done is false: the first
// caller starts it, and it runs on a groupContext of those waiting for it,
// until the last of them gives up. load's store func runs with s.mu held. A
// failed load stays failed for the run: those waiting, and later callers,
// get its error and fall back to a GET.
func (s *agentStore) once(ctx context.Context, inflight **sharedLoad[struct{}], done func() bool,
	load func(context.Context) (store func(), err error)) error {
	s.mu.Lock()
	if done() {
		s.mu.Unlock()
		return nil
	}
	l, first := *inflight, false
	if l == nil {
		l, first = newSharedLoad[struct{}](ctx), true
		*inflight = l
		l.run(func(ctx context.Context) (struct{}, error) {
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
	_, err := l.wait(ctx, first)
	return err
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

// forget drops what the store read about an agent that is being changed.
func (s *agentStore) forget(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.firstPage, id)
	delete(s.list, id)
}
