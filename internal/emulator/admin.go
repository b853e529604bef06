package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"time"
)

// adminPrefix holds the emulator's own endpoints, for standalone use. They
// need no auth and are not counted.
const adminPrefix = "/_emulator/"

// faultRequest is the JSON form of a Fault for POST /_emulator/faults.
type faultRequest struct {
	Method        string `json:"method"`
	Route         string `json:"route"`
	Count         int    `json:"count"`
	Status        int    `json:"status"`
	RetryAfter    string `json:"retryAfter"`
	LatencyMs     int    `json:"latencyMs"`
	Drop          string `json:"drop"` // "", "before" or "after"
	Malformed     bool   `json:"malformed"`
	Truncated     bool   `json:"truncated"`
	OversizeBytes int    `json:"oversizeBytes"`

	Body              string `json:"body"`
	BodyAfterHandling bool   `json:"bodyAfterHandling"`
	DropRecords       int    `json:"dropRecords"`
	ReverseRecords    bool   `json:"reverseRecords"`
	OmitPhone         bool   `json:"omitPhone"`
}

// serveAdmin serves:
//
//	GET    /_emulator/counts        {"counts":{…},"statuses":{"200":n,…},"total":n,"rateLimited":n}
//	POST   /_emulator/reset-counts
//	POST   /_emulator/reset-rate-window
//	POST   /_emulator/faults        a JSON faultRequest
//	DELETE /_emulator/faults
//	GET    /_emulator/config        the readings in force (see Readings)
//	PUT    /_emulator/config        change some readings
func (s *Server) serveAdmin(w http.ResponseWriter, r *http.Request) {
	route := r.Method + " " + r.URL.Path
	switch route {
	case "GET /_emulator/counts":
		statuses := map[string]int{}
		for code, n := range s.StatusCounts() {
			statuses[strconv.Itoa(code)] = n
		}
		writeAdmin(w, http.StatusOK, map[string]any{
			"counts":      s.Counts(),
			"statuses":    statuses,
			"total":       s.TotalRequests(),
			"rateLimited": s.StatusCounts()[http.StatusTooManyRequests],
		})
	case "POST /_emulator/reset-counts":
		s.ResetCounts()
		writeAdmin(w, http.StatusOK, map[string]any{"ok": true})
	case "POST /_emulator/reset-rate-window":
		s.ResetRateWindow()
		writeAdmin(w, http.StatusOK, map[string]any{"ok": true})
	case "POST /_emulator/faults":
		f, err := decodeFault(r)
		if err != "" {
			writeAdmin(w, http.StatusBadRequest, envelope(err, http.StatusBadRequest))
			return
		}
		s.InjectFault(f)
		writeAdmin(w, http.StatusOK, map[string]any{"ok": true})
	case "DELETE /_emulator/faults":
		s.ClearFaults()
		writeAdmin(w, http.StatusOK, map[string]any{"ok": true})
	case "GET /_emulator/config":
		s.getAdminConfig(w)
	case "PUT /_emulator/config":
		s.putAdminConfig(w, r)
	default:
		writeAdmin(w, http.StatusNotFound, envelope("Unknown emulator endpoint: "+route, http.StatusNotFound))
	}
}

func decodeFault(r *http.Request) (Fault, string) {
	data, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBodyBytes))
	if err != nil {
		return Fault{}, "reading fault: " + err.Error()
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var fr faultRequest
	if err := dec.Decode(&fr); err != nil {
		return Fault{}, "fault must be a JSON object with method, route, count, status, retryAfter, latencyMs, drop, malformed, truncated, oversizeBytes, " +
			"body, bodyAfterHandling, dropRecords, reverseRecords, omitPhone: " + err.Error()
	}
	f := Fault{
		Method:        fr.Method,
		Route:         fr.Route,
		Count:         fr.Count,
		Status:        fr.Status,
		RetryAfter:    fr.RetryAfter,
		Latency:       time.Duration(fr.LatencyMs) * time.Millisecond,
		Malformed:     fr.Malformed,
		Truncated:     fr.Truncated,
		OversizeBytes: fr.OversizeBytes,

		Body:              fr.Body,
		BodyAfterHandling: fr.BodyAfterHandling,
		DropRecords:       fr.DropRecords,
		ReverseRecords:    fr.ReverseRecords,
		OmitPhone:         fr.OmitPhone,
	}
	switch fr.Drop {
	case "":
	case "before":
		f.Drop = DropBeforeHandling
	case "after":
		f.Drop = DropAfterHandling
	default:
		return Fault{}, `drop must be "before" or "after"`
	}
	if fr.Status != 0 && (fr.Status < 100 || fr.Status > 599) {
		return Fault{}, "status must be an HTTP status code"
	}
	if fr.Count < 0 || fr.LatencyMs < 0 || fr.OversizeBytes < 0 || fr.DropRecords < 0 {
		return Fault{}, "count, latencyMs, oversizeBytes and dropRecords must not be negative"
	}
	if fr.Body != "" && !json.Valid([]byte(fr.Body)) {
		return Fault{}, "body must be a JSON document"
	}
	return f, ""
}

func writeAdmin(w http.ResponseWriter, status int, body any) {
	payload := encodeJSON(body)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(payload)))
	w.WriteHeader(status)
	_, _ = w.Write(payload)
}
