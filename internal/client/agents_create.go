package client

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
)

// GetByCustomID reads the agents with a custom id. The page
// (get-the-agent-id-using-custom-id) says it answers "one agent id when the
// mapping is one-to-one, and an array when several agents share the custom
// id", and its sample is an array of agents. Every one of those shapes is
// read: an array of agents or of ids, one agent, or one id. An entry that is
// only an id has an empty EmailID. An empty answer or a 404 means none.
func (s *AgentsService) GetByCustomID(ctx context.Context, customID string) ([]Agent, error) {
	seg, err := segment("custom", customID)
	if err != nil {
		return nil, err
	}
	var raw json.RawMessage
	if err := s.client.do(ctx, http.MethodGet, "agents/customId/"+seg, nil, nil, &raw); err != nil {
		return nil, err
	}
	return decodeAgentRefs(raw), nil
}

func decodeAgentRefs(raw json.RawMessage) []Agent {
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		items = []json.RawMessage{raw}
	}
	var out []Agent
	for _, item := range items {
		var a Agent
		if json.Unmarshal(item, &a) == nil {
			if a.ID == "" {
				// {"agentId": …} or {"aId": …} in place of an agent.
				var ref struct {
					AgentID FlexString `json:"agentId"`
					AID     FlexString `json:"aId"`
				}
				_ = json.Unmarshal(item, &ref)
				a.ID = ref.AgentID
				if a.ID == "" {
					a.ID = ref.AID
				}
			}
			if a.ID != "" {
				out = append(out, a)
			}
			continue
		}
		var id FlexString
		if json.Unmarshal(item, &id) == nil && id != "" {
			out = append(out, Agent{ID: id})
		}
	}
	return out
}

// Create adds an agent and returns it with its id.
//
// The sample answer of Create an agent
// (https://docs.kore.ai/ai-for-service/apis/contact-center/create-an-agent) has no id. When the
// answer has one it is used; otherwise the agent is found by custom id,
// or by email through the list. When the POST failed in a way that may still
// have created the agent (no answer, or a 5xx), the agent is looked for by
// email before the error is returned, so a create never leaves an agent the
// caller does not know of. The email is unique, but an agent found after a
// failed create is taken only when it is provably the new one (see
// DecideCreated): one that had the email before the create is not. If the
// agent may exist but which one cannot be told, the error is an
// *UnconfirmedCreateError.
func (s *AgentsService) Create(ctx context.Context, req *AgentRequest) (*Agent, error) {
	return s.CreateWith(ctx, req, nil)
}

// AgentFinder finds an agent by email; it answers a *NotListedError when
// none has it.
type AgentFinder func(ctx context.Context, email string) (*Agent, error)

// CreateWith is Create with the caller's way of finding the new agent when
// the answer does not name it, or may have been lost. A caller that creates
// many agents at once can coalesce those lookups into one walk through the
// list (see FindByEmails). A nil find is Create's own: by custom id (after
// a confirmed create), else by email. find is called on a
// CreateLookupContext: the caller's while it lives, and for at most
// CreateLookupBound after it ends.
func (s *AgentsService) CreateWith(ctx context.Context, req *AgentRequest, find AgentFinder) (*Agent, error) {
	email := ""
	if req.EmailID != nil {
		email = *req.EmailID
	}
	byEmail := find
	if byEmail == nil {
		byEmail = s.FindByEmail
	}
	return create(ctx, s.client, "agents", req, creation[Agent]{
		key: CreateKey{Kind: "agent", By: "email", Value: email, Unique: true},
		id:  func(a *Agent) string { return string(a.ID) },
		get: s.Get,
		refused: func(ctx context.Context, postErr error) error {
			return refusedCreate(ctx, postErr, "agent", "", "email", email, func(ctx context.Context) (string, error) {
				a, err := byEmail(ctx, email)
				if err != nil {
					return "", err
				}
				return string(a.ID), nil
			})
		},
		lookup: func(ctx context.Context, confirmed bool) ([]Agent, error) {
			var a *Agent
			var err error
			if confirmed && find == nil {
				a, err = s.find(ctx, req)
			} else {
				a, err = byEmail(ctx, email)
			}
			if err != nil {
				return nil, err
			}
			return []Agent{*a}, nil
		},
	})
}

// find looks a just-created agent up: by custom id when there is one (one
// call, the full document), else by email.
func (s *AgentsService) find(ctx context.Context, req *AgentRequest) (*Agent, error) {
	email := ""
	if req.EmailID != nil {
		email = *req.EmailID
	}
	if req.CustomID != nil && *req.CustomID != "" {
		agents, err := s.GetByCustomID(ctx, *req.CustomID)
		if err == nil {
			for i := range agents {
				if strings.EqualFold(string(agents[i].EmailID), email) {
					return &agents[i], nil
				}
			}
			if len(agents) == 1 && agents[0].EmailID == "" {
				// An id alone: the custom id was just given to this agent.
				return &agents[0], nil
			}
		} else if ctx.Err() != nil {
			return nil, err
		}
		// get-the-agent-id-using-custom-id needs the Configuration scope,
		// which an app may lack: fall back to the list.
	}
	return s.FindByEmail(ctx, email)
}
