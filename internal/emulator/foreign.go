package emulator

import "time"

// foreignInWindow is how many requests of the foreign consumer
// (Config.ForeignShare) are in the 60-second window ending at now. They
// come evenly, one every period, on a schedule fixed to the Unix epoch, so
// the window always holds the share of the limit, from the first request
// on, as if the consumer had been at it for ever; no state is kept.
func (s *Server) foreignInWindow(now time.Time) int {
	share, limit := s.cfg.ForeignShare, s.cfg.RateLimitPerMinute
	if share <= 0 || limit <= 0 {
		return 0
	}
	period := int64(float64(rateWindow) / (min(share, 1) * float64(limit)))
	if period <= 0 {
		return limit
	}
	end := now.UnixNano()
	return int(floorDiv(end, period) - floorDiv(end-int64(rateWindow), period))
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
