package emulator

import (
	"net/http"
	"strings"
)

// Which agents are in a queue, and whether each is a preferred agent, is
// stored on the agent records (their queues entries, as an agent create or
// update writes them); the queue endpoints read and write those entries.

func newQueueID() string { return "qu-" + newUUIDish(7) }

func queueNotFound(id string) *apiError {
	return missing("Queue not found: %s", id)
}

func (s *Server) uniqueQueueNameLocked(name, except string) *apiError {
	if s.queues.byName(name, except) != nil {
		return duplicateKey("Queue with name %s already exists", name)
	}
	return nil
}

// createQueue serves POST /queues (create-a-queue page). agents is a
// documented required array; it may be empty. A new queue is active and
// not the default. The answer is the queue in the GET shape.
func (s *Server) createQueue(r *http.Request, _ map[string]string) (any, *apiError) {
	body, e := decodeObject(r)
	if e != nil {
		return nil, e
	}
	if v, present := body["agents"]; !present || v == nil {
		return nil, badRequest("agents is required")
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	in, e := s.parseQueueLocked(body)
	if e != nil {
		return nil, e
	}
	if e := s.uniqueQueueNameLocked(str(in.fields, "name"), ""); e != nil {
		return nil, e
	}
	now := s.timestamp()
	doc := map[string]any{
		"id":                newQueueID(),
		"isActive":          true,
		"isDefault":         false,
		"orgId":             s.ref.orgID,
		"createdBy":         s.ref.createdBy,
		"sourceAgentGroups": []any{},
		"createdAt":         now,
		"updatedAt":         now,
	}
	for k, v := range in.fields {
		doc[k] = v
	}
	s.queues.put(doc)
	s.setQueueMembersLocked(doc, in.members)
	return s.queueViewLocked(doc), nil
}

// listQueues serves GET /queues?page=&limit=, in creation order, each
// queue in the GET shape.
func (s *Server) listQueues(r *http.Request, _ map[string]string) (any, *apiError) {
	page, limit, e := s.pageLimit(r.URL.Query())
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pagedList(r.URL.Query(), s.queues.len(), page, limit, func(i int) any { return s.queueViewLocked(s.queues.at(i)) }), nil
}

// getQueue serves GET /queues/{id}.
func (s *Server) getQueue(_ *http.Request, params map[string]string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.queues.get(params["id"])
	if !ok {
		return nil, queueNotFound(params["id"])
	}
	return s.queueViewLocked(doc), nil
}

// updateQueue serves PUT /queues/{id}. The update page's sample body is
// empty; we read it as the create body, the whole queue: it replaces the
// name, description, hours of operation, skills, agent groups, routing flag
// and advanced settings, and agents replaces the membership, so agents not
// listed leave the queue and a PUT without agents empties it. A client
// must send the members back to keep them. The answer is the GET shape.
func (s *Server) updateQueue(r *http.Request, params map[string]string) (any, *apiError) {
	id := params["id"]
	body, e := decodeObject(r)
	if e != nil {
		return nil, e
	}
	if e := checkBodyID(body, id, "queue"); e != nil {
		return nil, e
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.queues.get(id)
	if !ok {
		return nil, queueNotFound(id)
	}
	in, e := s.parseQueueLocked(body)
	if e != nil {
		return nil, e
	}
	if e := s.uniqueQueueNameLocked(str(in.fields, "name"), id); e != nil {
		return nil, e
	}
	for k, v := range in.fields {
		doc[k] = v
	}
	doc["updatedAt"] = s.timestamp()
	s.setQueueMembersLocked(doc, in.members)
	s.refreshAllAgentsLocked()
	return s.queueViewLocked(doc), nil
}

// deleteQueue serves DELETE /queues/{id}: the queue leaves every agent, and
// the answer is the queue as it was, in the GET shape. The default queue
// cannot be deleted.
func (s *Server) deleteQueue(_ *http.Request, params map[string]string) (any, *apiError) {
	id := params["id"]
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.queues.get(id)
	if !ok {
		return nil, queueNotFound(id)
	}
	if b, _ := doc["isDefault"].(bool); b {
		return nil, badRequest("The default queue cannot be deleted")
	}
	out := s.queueViewLocked(doc)
	s.removeQueueLocked(id)
	return out, nil
}

// removeQueueLocked deletes a queue and takes it from every agent record.
func (s *Server) removeQueueLocked(id string) bool {
	if _, ok := s.queues.remove(id); !ok {
		return false
	}
	for _, agentID := range s.agentOrder {
		removeEntries(s.agents[agentID], "queues", func(m map[string]any) bool { return str(m, "id") == id })
	}
	return true
}

// setQueueMembersLocked makes members exactly the agents in queue: a member
// already in it keeps its entry with isPreferredAgent as sent, a new member
// gets an entry, and every other agent leaves the queue.
func (s *Server) setQueueMembersLocked(queue map[string]any, members []queueMember) {
	id := str(queue, "id")
	byAgent := map[string]queueMember{}
	for _, m := range members {
		byAgent[str(m.agent, "id")] = m
	}
	isQueue := func(m map[string]any) bool { return str(m, "id") == id }
	for _, agentID := range s.agentOrder {
		doc := s.agents[agentID]
		member, listed := byAgent[agentID]
		if !listed {
			removeEntries(doc, "queues", isQueue)
			continue
		}
		found := false
		for _, m := range entries(doc["queues"]) {
			if isQueue(m) {
				m["isPreferredAgent"] = member.preferred
				found = true
				break
			}
		}
		if !found {
			held, _ := doc["queues"].([]any)
			doc["queues"] = append(held, queueEntry(queue, member.preferred))
		}
	}
}

// queueViewLocked is a queue as GET answers it: the stored queue with the
// current names of its hours of operation, skills (and their groups) and
// agent groups, and agents built from the agent records in the queue.
func (s *Server) queueViewLocked(doc map[string]any) map[string]any {
	out := copyDoc(doc)
	if h, ok := out["hoursOfOperation"].(map[string]any); ok {
		if hours, known := s.ref.hours[str(h, "id")]; known {
			h["name"] = hours["name"]
		}
	}
	for _, m := range entries(out["skills"]) {
		skill, known := s.skills.get(str(m, "id"))
		if !known {
			continue
		}
		group, _ := s.skillGroups.get(str(skill, "skillGroupId"))
		m["name"] = skill["name"]
		m["skillGroupName"] = group["name"]
		m["skillGroupColor"] = group["color"]
	}
	for _, m := range entries(out["agentGroups"]) {
		if group, known := s.agentGroups.get(str(m, "id")); known {
			m["name"] = group["name"]
		}
	}
	setDefault(out, "sourceAgentGroups", []any{})

	id := str(doc, "id")
	agents := []any{}
	for _, agentID := range s.agentOrder {
		agent := s.agents[agentID]
		for _, m := range entries(agent["queues"]) {
			if str(m, "id") != id {
				continue
			}
			preferred, _ := m["isPreferredAgent"].(bool)
			skills, ok := s.agentViewLocked(agent)["skills"].([]any)
			if !ok {
				skills = []any{}
			}
			agents = append(agents, map[string]any{
				"userId":           agent["userId"],
				"aId":              agent["id"],
				"name":             agentName(agent),
				"isPreferredAgent": preferred,
				"skills":           skills,
			})
			break
		}
	}
	out["agents"] = agents
	return out
}

// agentName is an agent's full name.
func agentName(agent map[string]any) string {
	if n := str(agent, "fullName"); n != "" {
		return n
	}
	return strings.TrimSpace(str(agent, "firstName") + " " + str(agent, "lastName"))
}
