package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
)

// Update sends the full agent document: current, as read, with the fields
// req sets replaced. update-a-specific-agent documents the body as the whole
// agent, with userId, accountId, orgId, iId, id and agentGroupId required;
// whether it merges is not documented, so nothing is ever left out. The
// legacy page requires ?groupId=, the current one drops it; it is sent
// whenever the group is known (Update a specific agent with group,
// https://docs.kore.ai/ai-for-service/apis/contact-center/update-a-specific-agent-with-group).
func (s *AgentsService) Update(ctx context.Context, current *Agent, req *AgentRequest) (*Agent, error) {
	doc, err := overlay(current.Raw, req)
	if err != nil {
		return nil, fmt.Errorf("encoding the agent update: %w", err)
	}

	id := string(current.ID)
	seg, err := segment("agent", id)
	if err != nil {
		return nil, err
	}
	oldGroup := current.GroupID()
	group := oldGroup
	if req.AgentGroupID != nil && *req.AgentGroupID != "" {
		group = *req.AgentGroupID
	}
	setIfMissing(doc, "id", id)
	setIfMissing(doc, "userId", string(current.UserID))
	setIfMissing(doc, "orgId", string(current.OrgID))
	setIfMissing(doc, "accountId", s.client.accountID)
	setIfMissing(doc, "iId", s.client.streamID())
	if group != "" {
		doc["agentGroupId"] = mustJSON(group)
	}
	if group != oldGroup && len(current.AgentGroups) > 0 {
		// Move the membership that named the old group, keeping its role.
		groups := make([]map[string]string, 0, len(current.AgentGroups))
		for _, g := range current.AgentGroups {
			gid := string(g.GroupID)
			if gid == oldGroup {
				gid = group
			}
			role := string(g.Role)
			if role == "" {
				role = "agent"
			}
			groups = append(groups, map[string]string{"groupId": gid, "role": role})
		}
		doc["agentGroups"] = mustJSON(groups)
	}

	var q url.Values
	if group != "" {
		q = url.Values{"groupId": {group}}
	}
	var updated Agent
	if err := s.client.do(ctx, http.MethodPut, "agents/"+seg, q, doc, &updated); err != nil {
		return nil, err
	}
	if updated.ID == "" {
		updated.ID = FlexString(id)
	}
	if err := checkComplete(http.MethodPut, "/agents/"+seg, &updated); err != nil {
		return nil, err
	}
	return &updated, nil
}
