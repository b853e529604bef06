package emulator

import (
	"net/http"
	"sort"
	"strings"
)

// conversationStatuses are the documented values of the status filter.
var conversationStatuses = map[string]bool{
	"ACTIVE": true, "CLOSED": true, "IDLE": true, "OPEN": true, "OVERDUE": true, "TERMINATED": true,
}

// getConversation serves GET /conversations/{id}: the stored document as is.
// Its id is "_id", a string, although the page's table says "id", integer.
func (s *Server) getConversation(_ *http.Request, params map[string]string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.conversations[params["id"]]
	if !ok {
		return nil, missing("Conversation not found: %s", params["id"])
	}
	return copyDoc(doc), nil
}

// Conversation returns a copy of a stored conversation, for tests.
func (s *Server) Conversation(id string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.conversations[id]
	return copyDoc(doc), ok
}

// listConversations serves GET /conversations?skip=&limit=&status=&source=&language=.
// status may repeat and may hold comma-separated values; source and language
// match exactly. Newest first (createdAt descending, ties by _id).
func (s *Server) listConversations(r *http.Request, _ map[string]string) (any, *apiError) {
	q := r.URL.Query()
	skip, limit, e := s.skipLimit(q)
	if e != nil {
		return nil, e
	}
	skip, limit = s.readPaging(q, true, skip, limit)

	statuses := map[string]bool{}
	for _, v := range q["status"] {
		for _, st := range strings.Split(v, ",") {
			st = strings.TrimSpace(st)
			if st == "" {
				continue
			}
			if !conversationStatuses[st] {
				return nil, badRequest("status %q is not one of ACTIVE, CLOSED, IDLE, OPEN, OVERDUE, TERMINATED", st)
			}
			statuses[st] = true
		}
	}
	source, language := q.Get("source"), q.Get("language")

	s.mu.Lock()
	defer s.mu.Unlock()
	var matches []map[string]any
	for _, id := range s.conversationOrder {
		doc := s.conversations[id]
		if len(statuses) > 0 && !statuses[str(doc, "status")] {
			continue
		}
		if source != "" && str(doc, "source") != source {
			continue
		}
		if language != "" && str(doc, "language") != language {
			continue
		}
		matches = append(matches, doc)
	}
	return s.listPage(q, len(matches), skip, limit, func(i int) any { return copyDoc(matches[i]) }), nil
}

// sortConversations orders conversation ids newest first by createdAt, ties
// (and unparsable dates, compared as text) by _id.
func sortConversations(ids []string, docs map[string]map[string]any) {
	sort.SliceStable(ids, func(i, j int) bool {
		a, b := docs[ids[i]], docs[ids[j]]
		ca, cb := str(a, "createdAt"), str(b, "createdAt")
		ta, okA := parseTime(ca)
		tb, okB := parseTime(cb)
		switch {
		case okA && okB && !ta.Equal(tb):
			return ta.After(tb)
		case !(okA && okB) && ca != cb:
			return ca > cb
		}
		return ids[i] < ids[j]
	})
}
