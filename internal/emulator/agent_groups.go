package emulator

import (
	"net/http"
	"strings"
)

// agentGroupTextMax is the documented limit on an agent group's name and
// description.
const agentGroupTextMax = 50

// Manager access levels (update-an-agent-group page).
var managerAccessLevels = map[string]bool{"full": true, "view": true}

func newAgentGroupID() string { return "ag-" + newUUIDish(7) }

func agentGroupNotFound(id string) *apiError {
	return missing("Agent group not found: %s", id)
}

// defaultAgentGroupLocked returns the stored default agent group (the first
// marked isDefault), or nil when there is none.
func (s *Server) defaultAgentGroupLocked() map[string]any {
	for _, g := range s.agentGroups.all() {
		if b, _ := g["isDefault"].(bool); b {
			return g
		}
	}
	return nil
}

// parseAgentGroupText checks name and description, both required, at most
// 50 characters.
func parseAgentGroupText(body map[string]any) (name, description string, e *apiError) {
	if name, e = requiredText(body, "name", agentGroupTextMax); e != nil {
		return "", "", e
	}
	if description, e = requiredText(body, "description", agentGroupTextMax); e != nil {
		return "", "", e
	}
	return name, description, nil
}

func (s *Server) uniqueAgentGroupNameLocked(name, except string) *apiError {
	if s.agentGroups.byName(name, except) != nil {
		return duplicateKey("Agent group with name %s already exists", name)
	}
	return nil
}

// createAgentGroup serves POST /agent-groups (create-an-agent-group page).
// The answer echoes {name, description} without the new group's id, as the
// page's sample does, unless Config.CreateAgentGroupReturnsID.
func (s *Server) createAgentGroup(r *http.Request, _ map[string]string) (any, *apiError) {
	body, e := decodeObject(r)
	if e != nil {
		return nil, e
	}
	name, description, e := parseAgentGroupText(body)
	if e != nil {
		return nil, e
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.uniqueAgentGroupNameLocked(name, ""); e != nil {
		return nil, e
	}
	now := s.timestamp()
	doc := map[string]any{
		"id":           newAgentGroupID(),
		"name":         name,
		"lname":        strings.ToLower(name),
		"description":  description,
		"isDefault":    false,
		"isUnassigned": false,
		"status":       "ACTIVE",
		"iId":          s.cfg.StreamID,
		"orgId":        s.ref.orgID,
		"createdBy":    s.ref.createdBy,
		"createdByAId": s.ref.createdByAID,
		"managers":     []any{},
		"createdAt":    now,
		"updatedAt":    now,
	}
	s.agentGroups.put(doc)
	out := map[string]any{"name": name, "description": description}
	if s.cfg.CreateAgentGroupReturnsID {
		out["id"] = doc["id"]
	}
	return out, nil
}

// listAgentGroups serves GET /agent-groups. The answer pages with skip, as
// the page's sample does; skip and limit are read as for contacts, and page
// (from 1) is accepted in place of skip.
func (s *Server) listAgentGroups(r *http.Request, _ map[string]string) (any, *apiError) {
	q := r.URL.Query()
	skip, limit, e := s.skipLimit(q)
	if e != nil {
		return nil, e
	}
	page := 0
	if q.Has("page") {
		if q.Has("skip") {
			return nil, badRequest("skip and page cannot be used together")
		}
		if page, e = queryPage(q.Get("page")); e != nil {
			return nil, e
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	total := s.agentGroups.len()
	if page > 0 {
		skip = pageSkip(page, limit, total)
	}
	skip, limit = s.readPaging(q, true, skip, limit)
	return s.listPage(q, total, skip, limit, func(i int) any { return s.agentGroupListItemLocked(s.agentGroups.at(i)) }), nil
}

// getAgentGroup serves GET /agent-groups/{id}.
func (s *Server) getAgentGroup(_ *http.Request, params map[string]string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.agentGroups.get(params["id"])
	if !ok {
		return nil, agentGroupNotFound(params["id"])
	}
	return s.agentGroupViewLocked(doc), nil
}

// updateAgentGroup serves PUT /agent-groups/{id}: name, description and
// managers, all required, replace the stored ones. A manager is
// {userId, accessLevel}: an agent's userId, and full or view. The answer
// echoes the request body, as the page's sample does.
func (s *Server) updateAgentGroup(r *http.Request, params map[string]string) (any, *apiError) {
	id := params["id"]
	body, e := decodeObject(r)
	if e != nil {
		return nil, e
	}
	name, description, e := parseAgentGroupText(body)
	if e != nil {
		return nil, e
	}
	if v, present := body["managers"]; !present || v == nil {
		return nil, badRequest("managers is required")
	}
	list, _, e := optionalObjects(body, "managers")
	if e != nil {
		return nil, e
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.agentGroups.get(id)
	if !ok {
		return nil, agentGroupNotFound(id)
	}
	managers := make([]any, 0, len(list))
	seen := map[string]bool{}
	for i, m := range list {
		userID, e := entryString(m, "managers", i, "userId")
		if e != nil {
			return nil, e
		}
		if s.agentByUserIDLocked(userID) == nil {
			return nil, badRequest("managers[%d].userId %s is not an agent", i, userID)
		}
		if seen[userID] {
			return nil, badRequest("manager %s is listed more than once", userID)
		}
		seen[userID] = true
		level, e := entryString(m, "managers", i, "accessLevel")
		if e != nil {
			return nil, e
		}
		if !managerAccessLevels[level] {
			return nil, badRequest("managers[%d].accessLevel must be full or view, got %q", i, level)
		}
		managers = append(managers, map[string]any{"userId": userID, "accessLevel": level})
	}
	if e := s.uniqueAgentGroupNameLocked(name, id); e != nil {
		return nil, e
	}
	doc["name"] = name
	doc["lname"] = strings.ToLower(name)
	doc["description"] = description
	doc["managers"] = managers
	doc["updatedAt"] = s.timestamp()
	return body, nil
}

// deleteAgentGroup serves DELETE /agent-groups/{id} and answers the group
// as it was, in the list's shape. The default group cannot be deleted, nor
// a group that still has agents (the pages do not say where they would
// go); queues that named the group stop naming it.
func (s *Server) deleteAgentGroup(_ *http.Request, params map[string]string) (any, *apiError) {
	id := params["id"]
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.agentGroups.get(id)
	if !ok {
		return nil, agentGroupNotFound(id)
	}
	if b, _ := doc["isDefault"].(bool); b {
		return nil, badRequest("The default agent group cannot be deleted")
	}
	if n := s.agentGroupSizeLocked(id); n > 0 {
		return nil, badRequest("Agent group %q still has %s; move them to another group first", str(doc, "name"), plural(n, "agent"))
	}
	out := s.agentGroupListItemLocked(doc)
	s.removeAgentGroupLocked(id)
	return out, nil
}

// removeAgentGroupLocked deletes a group; agent records and queues stop
// naming it.
func (s *Server) removeAgentGroupLocked(id string) bool {
	if _, ok := s.agentGroups.remove(id); !ok {
		return false
	}
	for _, agentID := range s.agentOrder {
		removeEntries(s.agents[agentID], "agentGroups", func(m map[string]any) bool { return str(m, "groupId") == id })
	}
	for _, q := range s.queues.all() {
		removeEntries(q, "agentGroups", func(m map[string]any) bool { return str(m, "id") == id })
	}
	return true
}

// agentGroupSizeLocked counts the agent records that name the group in
// their agentGroups.
func (s *Server) agentGroupSizeLocked(id string) int {
	n := 0
	for _, agentID := range s.agentOrder {
		for _, m := range entries(s.agents[agentID]["agentGroups"]) {
			if str(m, "groupId") == id {
				n++
				break
			}
		}
	}
	return n
}

// agentGroupViewLocked is a group as GET answers it.
func (s *Server) agentGroupViewLocked(doc map[string]any) map[string]any {
	out := map[string]any{"managers": s.managersViewLocked(doc)}
	for _, k := range []string{"id", "name", "description", "isDefault", "status", "createdAt", "updatedAt"} {
		if v, ok := doc[k]; ok {
			out[k] = deepCopy(v)
		}
	}
	return out
}

// agentGroupListItemLocked is a group as the list answers it: the stored
// record with totalAgents and the managers as GET shows them.
func (s *Server) agentGroupListItemLocked(doc map[string]any) map[string]any {
	out := copyDoc(doc)
	out["totalAgents"] = s.agentGroupSizeLocked(str(doc, "id"))
	out["managers"] = s.managersViewLocked(doc)
	return out
}

// managersViewLocked builds the managers from the agent records. The
// page's sample entries have no userId; we add it, so that a client can
// tell which agent a manager is and notice a change. A manager whose agent
// has gone is left out.
func (s *Server) managersViewLocked(doc map[string]any) []any {
	out := []any{}
	for _, m := range entries(doc["managers"]) {
		agent := s.agentByUserIDLocked(str(m, "userId"))
		if agent == nil {
			continue
		}
		skills, ok := s.agentViewLocked(agent)["skills"].([]any)
		if !ok {
			skills = []any{}
		}
		out = append(out, map[string]any{
			"userId":      agent["userId"],
			"firstName":   agent["firstName"],
			"lastName":    agent["lastName"],
			"emailId":     agent["emailId"],
			"accessLevel": m["accessLevel"],
			"skills":      skills,
		})
	}
	return out
}
