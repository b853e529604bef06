package provider

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// The create lookups of the agent store: create-an-agent answers without the
// new agent's id, so the lookups of agents created together are batched
// into one walk through the list (see agent_store.go for the costs).

const (
	// agentLookupQuiet is how long a batch of lookups waits, after the last
	// create began or had its answer, for another create to begin: Terraform
	// starts its parallel creates within a few milliseconds of each other.
	agentLookupQuiet = 75 * time.Millisecond
	// agentLookupMaxWait bounds how long a lookup waits for creates still in
	// flight before its batch goes anyway.
	agentLookupMaxWait = 90 * time.Second
	// agentLookupTimeout bounds one walk through the list. Its lookups run
	// on client.CreateLookupContext, which has no cap of its own while the
	// creates' callers live, so a large account's walk may take this long;
	// after Ctrl-C they end client.CreateLookupBound later at most.
	agentLookupTimeout = 5 * time.Minute
)

type agentLookup struct {
	ctx   context.Context // the create's lookup context
	email string          // lower case
	done  chan agentLookupResult
}

type agentLookupResult struct {
	agent *client.Agent
	err   error
}

// create creates an agent. When the answer has no id, the lookup joins the
// lookups of the other creates in flight.
func (s *agentStore) create(ctx context.Context, req *client.AgentRequest) (*client.Agent, error) {
	s.mu.Lock()
	s.creating++
	s.lastStir = s.clock.Now()
	s.mu.Unlock()
	answered := false
	answer := func() {
		if !answered {
			answered = true
			s.creating--
			s.lastStir = s.clock.Now()
			s.flushLocked()
		}
	}
	defer func() {
		s.mu.Lock()
		answer()
		s.mu.Unlock()
	}()
	return s.client.Agents.CreateWith(ctx, req, func(ctx context.Context, email string) (*client.Agent, error) {
		w := &agentLookup{ctx: ctx, email: strings.ToLower(email), done: make(chan agentLookupResult, 1)}
		s.mu.Lock()
		if len(s.waiting) == 0 {
			s.firstWait = s.clock.Now()
		}
		s.waiting = append(s.waiting, w)
		answer()
		s.mu.Unlock()
		select {
		case r := <-w.done:
			return r.agent, r.err
		case <-ctx.Done():
			s.mu.Lock()
			defer s.mu.Unlock()
			if i := slices.Index(s.waiting, w); i >= 0 {
				// Not in a walk yet: leave the batch.
				s.waiting = slices.Delete(s.waiting, i, i+1)
				s.flushLocked()
			}
			return nil, ctx.Err()
		}
	})
}

// flushLocked starts a walk for the waiting lookups once every create in
// flight has its answer (or the oldest lookup has waited
// agentLookupMaxWait) and no create has begun for agentLookupQuiet.
func (s *agentStore) flushLocked() {
	if s.scanning || len(s.waiting) == 0 {
		if len(s.waiting) == 0 && s.timer != nil {
			s.timer.Stop()
			s.timer = nil
		}
		return
	}
	now := s.clock.Now()
	waited, quiet := now.Sub(s.firstWait), now.Sub(s.lastStir)
	var wait time.Duration
	switch {
	case s.creating > 0 && waited < agentLookupMaxWait:
		wait = agentLookupMaxWait - waited
	case s.creating == 0 && quiet < agentLookupQuiet:
		wait = agentLookupQuiet - quiet
	}
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	if wait > 0 {
		s.timer = s.clock.AfterFunc(wait, func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			s.timer = nil
			s.flushLocked()
		})
		return
	}
	batch := s.waiting
	s.waiting = nil
	s.scanning = true
	// The new agents are the last len(batch) of the list when it is in
	// creation order: start on the page of the newest.
	go s.scan(batch, s.listSize.PageOf(s.listSize.Results+len(batch)))
}

// scan finds a batch of new agents in one walk through the list. The walk
// runs on a groupContext of the lookups it serves: it stops when every one
// of them has given up.
func (s *agentStore) scan(batch []*agentLookup, startPage int) {
	ctxs := make([]context.Context, 0, len(batch))
	emails := make([]string, 0, len(batch))
	for _, w := range batch {
		ctxs = append(ctxs, w.ctx)
		emails = append(emails, w.email)
	}
	group := newGroupContext(ctxs...)
	defer group.end()
	ctx, cancel := context.WithTimeout(group, agentLookupTimeout)
	defer cancel()
	found, size, err := s.client.Agents.FindByEmails(ctx, emails, startPage)
	for _, w := range batch {
		r := agentLookupResult{agent: found[w.email]}
		switch {
		case r.agent != nil:
		case err != nil:
			r.err = err
		default:
			r.err = &client.NotListedError{Kind: "agent", Path: "/agents", By: "email", Value: w.email}
		}
		w.done <- r
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if size.Results > 0 && size.PageSize > 0 {
		s.listSize = size
	}
	s.scanning = false
	s.flushLocked()
}
