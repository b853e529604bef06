package emulator

// The accessors below let tests assert on stored queues and change them
// out of band. Every document going out is a deep copy in the GET shape,
// its agents built from the agent records in the queue.

// Queue returns a queue, or nil when there is none with id.
func (s *Server) Queue(id string) map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.queues.get(id)
	if !ok {
		return nil
	}
	return s.queueViewLocked(doc)
}

// Queues returns every queue in creation order (seeded ones first).
func (s *Server) Queues() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]map[string]any, 0, s.queues.len())
	for _, doc := range s.queues.all() {
		out = append(out, s.queueViewLocked(doc))
	}
	return out
}

// UpdateQueue changes a stored queue out of band, as another admin would
// in the UI, the way UpdateAgent does. mutate gets the stored record, which
// has no agents and keeps ids only for its hours of operation, skills and
// agent groups; which agents are in the queue is on the agent records
// (change it with UpdateAgent). The agents' copies of the queue's name and
// description follow. It reports whether the queue existed.
func (s *Server) UpdateQueue(id string, mutate func(doc map[string]any)) bool {
	return s.updateRoutingRecord(s.queues, id, mutate)
}

// DeleteQueue deletes a queue out of band, without the API's check (the
// default queue goes too); like the API's delete, it takes the queue from
// every agent record. It reports whether the queue existed.
func (s *Server) DeleteQueue(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.removeQueueLocked(id)
}
