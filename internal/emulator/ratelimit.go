package emulator

import (
	"time"
)

// rateLimitMessage is the documented text (the page "Rate Limits",
// https://docs.kore.ai/ai-for-service/apis/contact-center/rate-limit-ccai).
const rateLimitMessage = "You've exceeded the per-minute rate limit. Please wait for sometime before retrying."

// rateWindow is the documented sixty-second window.
const rateWindow = 60 * time.Second

// admit runs, atomically, the rate limiter and the fault queue for a request
// that passed auth. When the limit is reached (the foreign consumer's
// phantom requests count too) it reports the whole seconds until the
// oldest accepted request leaves the window (at least 1): a phantom that
// leaves is replaced by the next at once, so only those free a place.
// Otherwise it consumes the first matching fault, if any, and records the
// request as accepted unless that fault answers with a status instead of
// handling it (the server turned the request away, so it spends no budget).
func (s *Server) admit(method, route string) (f *Fault, retryAfter int, limited bool) {
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()

	if limit := s.cfg.RateLimitPerMinute; limit > 0 {
		s.pruneWindowLocked(now)
		if len(s.accepted)+s.foreignInWindow(now) >= limit {
			s.throttles++
			if len(s.accepted) == 0 {
				return nil, 1, true // the foreign consumer spends it all
			}
			wait := s.accepted[0].Add(rateWindow).Sub(now)
			secs := int((wait + time.Second - 1) / time.Second)
			return nil, max(secs, 1), true
		}
	}

	f = s.takeFaultLocked(method, route)
	if s.cfg.RateLimitPerMinute > 0 && (f == nil || f.Status == 0) {
		s.accepted = append(s.accepted, now)
	}
	return f, 0, false
}

// pruneWindowLocked drops accepted requests that are 60 seconds old or more.
func (s *Server) pruneWindowLocked(now time.Time) {
	keep := 0
	for keep < len(s.accepted) && now.Sub(s.accepted[keep]) >= rateWindow {
		keep++
	}
	s.accepted = s.accepted[keep:]
}

// ResetRateWindow forgets the requests the rate limiter has counted, as if
// a minute had passed without any. Benchmarks call it between terraform
// commands: a fresh provider process cannot know what the previous command
// spent, and each command should be measured on its own.
func (s *Server) ResetRateWindow() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.accepted = nil
}
