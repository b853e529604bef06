package provider

import (
	"context"
	"strings"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
	"github.com/koreai/terraform-provider-smartassist/internal/coalesce"
)

// The create lookups of the agent store: create-an-agent answers without the
// new agent's id, so the lookups of agents created together wait for every
// create in flight and are served by one walk through the list.

const (
	// agentLookupQuiet is how long a batch of lookups waits, after the last
	// create began or had its answer, for another create to begin: Terraform
	// starts its parallel creates within a few milliseconds of each other.
	agentLookupQuiet = 75 * time.Millisecond
	// agentLookupMaxWait bounds how long a lookup waits for creates still in
	// flight before its batch goes anyway.
	agentLookupMaxWait = 90 * time.Second
	// agentLookupTimeout bounds one walk. Its lookups run on
	// client.CreateLookupContext, which has no cap of its own while the
	// creates' callers live; after Ctrl-C they end client.CreateLookupBound
	// later at most.
	agentLookupTimeout = 5 * time.Minute
)

// create creates an agent. When the answer has no id, the lookup joins the
// lookups of the other creates in flight.
func (s *agentStore) create(ctx context.Context, req *client.AgentRequest) (*client.Agent, error) {
	pending := s.lookups.Begin()
	defer pending.End()
	return s.client.Agents.CreateWith(ctx, req, func(ctx context.Context, email string) (*client.Agent, error) {
		return pending.Do(ctx, strings.ToLower(email))
	})
}

// scan finds a batch of new agents (by lower-case email) in one walk through
// the list. The new agents are the last len(emails) of the list when it is
// in creation order, so the walk starts on the page of the newest.
func (s *agentStore) scan(ctx context.Context, emails []string) []coalesce.Result[*client.Agent] {
	s.mu.Lock()
	start := s.listSize.PageOf(s.listSize.Results + len(emails))
	s.mu.Unlock()
	found, size, err := s.client.Agents.FindByEmails(ctx, emails, start)
	out := make([]coalesce.Result[*client.Agent], len(emails))
	for i, email := range emails {
		switch out[i].Val = found[email]; {
		case out[i].Val != nil:
		case err != nil:
			out[i].Err = err
		default:
			out[i].Err = &client.NotListedError{Kind: "agent", Path: "/agents", By: "email", Value: email}
		}
	}
	if size.Results > 0 && size.PageSize > 0 {
		s.mu.Lock()
		s.listSize = size
		s.mu.Unlock()
	}
	return out
}
