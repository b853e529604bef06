package emulator

// countRequest records an arriving API request.
func (s *Server) countRequest(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts[key]++
	s.total++
}

func (s *Server) countStatus(status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.statuses[status]++
}

// Counts returns the number of API requests per "METHOD /route" key.
func (s *Server) Counts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.counts))
	for k, v := range s.counts {
		out[k] = v
	}
	return out
}

// Count returns the number of API requests for one key, e.g. "POST /agents".
func (s *Server) Count(key string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[key]
}

// TotalRequests returns the number of API requests since the last reset.
func (s *Server) TotalRequests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.total
}

// StatusCounts returns the number of answers per HTTP status. Requests whose
// connection was dropped, or whose client went away, have no status.
func (s *Server) StatusCounts() map[int]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[int]int, len(s.statuses))
	for k, v := range s.statuses {
		out[k] = v
	}
	return out
}

// ResetCounts zeroes the request and status counters. It leaves the
// rate-limit window and the fault queue alone.
func (s *Server) ResetCounts() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts = map[string]int{}
	s.statuses = map[int]int{}
	s.total = 0
	s.throttles = 0
}

// Throttles returns the number of requests the rate limiter turned away
// since the last reset, whatever status it answered them with (see
// Readings.ThrottleStatus).
func (s *Server) Throttles() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.throttles
}
