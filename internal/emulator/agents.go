package emulator

import (
	"net/http"
	"strings"
)

// agentsPageSize is the page size of the agents lists in the default reading
// (the sample's "limit": 10; no limit parameter is documented).
const agentsPageSize = 10

// createAgent serves POST /agents (vendor page create-an-agent).
func (s *Server) createAgent(r *http.Request, _ map[string]string) (any, *apiError) {
	doc, e := decodeObject(r)
	if e != nil {
		return nil, e
	}
	if e := requireStrings(doc, "emailId", "firstName", "lastName", "roleId"); e != nil {
		return nil, e
	}

	s.mu.Lock()
	defer s.mu.Unlock()

	userID := newUserID()
	if e := s.normalizeAgentLocked(doc, userID, nil); e != nil {
		return nil, e
	}
	email := str(doc, "emailId")
	if s.agentByEmailLocked(email, "") != nil {
		return nil, duplicateKey("Agent with emailId %s already exists", email)
	}

	groupID := str(doc, "agentGroupId")
	if groupID == "" {
		groupID = str(s.defaultAgentGroupLocked(), "id")
	}
	layoutFlag, hasLayoutFlag := doc["createDefaultLayoutAndAssign"]
	layouts, layoutsSent := doc["desktopLayouts"].([]any)
	delete(doc, "agentGroupId")
	delete(doc, "createDefaultLayoutAndAssign")

	now := s.timestamp()
	fullName := str(doc, "firstName") + " " + str(doc, "lastName")
	doc["id"] = newAgentID()
	doc["userId"] = userID
	doc["orgId"] = s.ref.orgID
	doc["accountId"] = s.cfg.AccountID
	doc["iId"] = s.cfg.StreamID
	doc["status"] = "ACTIVE"
	doc["createdAt"] = now
	doc["updatedAt"] = now
	doc["createdBy"] = s.ref.createdBy
	doc["fullName"] = fullName
	doc["lFullName"] = strings.ToLower(fullName)
	doc["isAccountOwner"] = false
	doc["onlineStatus"] = "Offline"
	doc["onlineStatusType"] = "OFFLINE"
	doc["agentGroups"] = []any{}
	if groupID != "" {
		doc["agentGroups"] = []any{map[string]any{"groupId": groupID, "role": "agent"}}
	}
	setDefault(doc, "attachmentsEnabled", true)
	setDefault(doc, "emojisEnabled", true)
	setDefault(doc, "maxDigitalChatSupport", float64(5))
	setDefault(doc, "maxEmailChatSupport", float64(5))
	setDefault(doc, "maxMessagingChatSupport", float64(5))
	setDefault(doc, "callRegion", "US")
	setDefault(doc, "profImage", "no-avatar")
	setDefault(doc, "skills", []any{})
	setDefault(doc, "queues", []any{})
	// No layouts sent: a default layout is created and assigned, unless the
	// caller sent an empty list and explicitly declined one.
	if len(layouts) == 0 && !(layoutsSent && layoutFlag == false) {
		doc["desktopLayouts"] = []any{map[string]any{"id": newLayoutID(), "isDefault": true, "name": "Default Layout"}}
	}

	s.insertAgentLocked(doc)
	return createView(doc, groupID, layoutFlag, hasLayoutFlag, s.cfg.CreateAgentReturnsID), nil
}

func setDefault(doc map[string]any, key string, v any) {
	if _, ok := doc[key]; !ok {
		doc[key] = v
	}
}

// listAgents serves GET /agents and GET /organizations/{orgId}/agents (the
// page "List All Agents",
// https://docs.kore.ai/ai-for-service/apis/contact-center/list-all-agents).
// It takes page, from 1, and answers skip, as the sample does. Its page
// size is fixed in the default reading (see ListLimitMode).
func (s *Server) listAgents(r *http.Request, params map[string]string) (any, *apiError) {
	if org, ok := params["orgId"]; ok && org != s.ref.orgID {
		return nil, missing("Organization not found: %s", org)
	}
	q := r.URL.Query()
	page, e := queryPage(q.Get("page"))
	if e != nil {
		return nil, e
	}
	limit, e := s.pageSize(q, true)
	if e != nil {
		return nil, e
	}
	includeQueues := false
	switch v := q.Get("includeQueues"); {
	case strings.EqualFold(v, "true"):
		includeQueues = true
	case v == "" || strings.EqualFold(v, "false"):
	default:
		return nil, badRequest("includeQueues must be true or false, got %q", v)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	total := len(s.agentOrder)
	start, limit := s.readPaging(q, false, pageSkip(page, limit, total), limit)
	return s.listPage(q, total, start, limit, func(i int) any {
		return s.listView(s.agents[s.agentOrder[i]], includeQueues)
	}), nil
}

// getAgent serves GET /agents/{id}: the stored record.
func (s *Server) getAgent(_ *http.Request, params map[string]string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.agents[params["id"]]
	if !ok {
		return nil, agentNotFound(params["id"])
	}
	return s.agentViewLocked(doc), nil
}

func agentNotFound(id string) *apiError {
	return missing("Agent not found: %s", id)
}

// updateAgent serves PUT /agents/{id}[?groupId=]. The body is the full agent
// document and replaces the stored one: a field missing from the body is
// gone afterwards. Only createdAt, userId, orgId, accountId and iId are kept
// from the old record, and updatedAt is set now.
func (s *Server) updateAgent(r *http.Request, params map[string]string) (any, *apiError) {
	id := params["id"]
	doc, e := decodeObject(r)
	if e != nil {
		return nil, e
	}
	if e := requireStrings(doc, "firstName", "lastName", "emailId", "userId", "accountId",
		"orgId", "roleId", "iId", "id", "agentGroupId"); e != nil {
		return nil, e
	}
	if bodyID := str(doc, "id"); bodyID != id {
		return nil, badRequest("id in the body (%s) does not match the agent id in the path (%s)", bodyID, id)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.agents[id]
	if !ok {
		return nil, agentNotFound(id)
	}
	if q := r.URL.Query(); q.Has("groupId") {
		g := q.Get("groupId")
		if _, known := s.agentGroups.get(g); !known {
			return nil, badRequest("groupId %q does not exist", g)
		}
	}
	if e := s.normalizeAgentLocked(doc, str(old, "userId"), old); e != nil {
		return nil, e
	}
	email := str(doc, "emailId")
	if s.agentByEmailLocked(email, id) != nil {
		return nil, duplicateKey("Agent with emailId %s already exists", email)
	}

	if _, sent := doc["agentGroups"]; !sent {
		doc["agentGroups"] = []any{map[string]any{"groupId": str(doc, "agentGroupId"), "role": "agent"}}
	}
	delete(doc, "agentGroupId")
	for _, k := range []string{"createdAt", "userId", "orgId", "accountId", "iId"} {
		if v, ok := old[k]; ok {
			doc[k] = v
		} else {
			delete(doc, k)
		}
	}
	doc["id"] = id
	doc["updatedAt"] = s.timestamp()
	s.agents[id] = doc
	return s.agentViewLocked(doc), nil
}

// deleteAgent serves DELETE /agents/{id}; it answers with the record as it
// was.
func (s *Server) deleteAgent(_ *http.Request, params map[string]string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.removeAgentLocked(params["id"])
	if !ok {
		return nil, agentNotFound(params["id"])
	}
	return s.agentViewLocked(doc), nil
}

// getAgentsByCustomID serves GET /agents/customId/{customId}: an array of
// every agent with that custom id (exact, case-sensitive match).
func (s *Server) getAgentsByCustomID(_ *http.Request, params map[string]string) (any, *apiError) {
	customID := params["customId"]
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []any{}
	for _, id := range s.agentOrder {
		if doc := s.agents[id]; str(doc, "customId") == customID {
			out = append(out, s.agentViewLocked(doc))
		}
	}
	if len(out) == 0 {
		return nil, missing("No agent found with customId %s", customID)
	}
	return out, nil
}

// agentByEmailLocked finds an agent by email, ignoring case, skipping the
// agent with id except.
func (s *Server) agentByEmailLocked(email, except string) map[string]any {
	for _, id := range s.agentOrder {
		if id == except {
			continue
		}
		if doc := s.agents[id]; strings.EqualFold(str(doc, "emailId"), email) {
			return doc
		}
	}
	return nil
}

func (s *Server) insertAgentLocked(doc map[string]any) {
	id := str(doc, "id")
	if _, exists := s.agents[id]; !exists {
		s.agentOrder = append(s.agentOrder, id)
	}
	s.agents[id] = doc
}

func (s *Server) removeAgentLocked(id string) (map[string]any, bool) {
	doc, ok := s.agents[id]
	if !ok {
		return nil, false
	}
	delete(s.agents, id)
	for i, o := range s.agentOrder {
		if o == id {
			s.agentOrder = append(s.agentOrder[:i:i], s.agentOrder[i+1:]...)
			break
		}
	}
	return doc, true
}
