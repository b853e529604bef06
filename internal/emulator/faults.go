package emulator

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// DropMode says whether, and when, a fault closes the connection without an
// answer.
type DropMode int

const (
	// NoDrop answers normally.
	NoDrop DropMode = iota
	// DropBeforeHandling closes the connection before the handler runs, so
	// nothing changes on the server.
	DropBeforeHandling
	// DropAfterHandling runs the handler (a record IS created or updated),
	// then closes the connection without an answer.
	DropAfterHandling
)

// Fault is one injected misbehaviour. It applies to the next Count requests
// that match Method and Route and that pass auth and the rate limiter.
//
// Note for client tests: when a connection is closed without an answer, Go's
// http.Transport may silently resend an idempotent request (GET, or any
// request with an Idempotency-Key header) that went out on a reused
// connection. Such a resend consumes the next use of the fault. Use POST,
// Count >= 2, or a transport without keep-alives when the test needs the
// client to see the drop.
type Fault struct {
	Method string // "" = any
	Route  string // route template as in the counters, e.g. "/agents/{id}"; "" = any
	Count  int    // how many matching requests this fault applies to (0 means 1)

	// Status answers with this status and the error envelope instead of
	// handling the request; 0 = no status fault.
	Status     int
	RetryAfter string // Retry-After header sent with Status, verbatim

	Latency time.Duration // sleep before handling; a cancelled request ends the sleep
	Drop    DropMode

	// Body, when not "", is answered with status 200 verbatim in place of
	// the handler's answer (an answer of {} to a bulk delete, say). The
	// handler does not run, so nothing changes, unless BodyAfterHandling.
	Body              string
	BodyAfterHandling bool

	// DropRecords, ReverseRecords and OmitPhone rewrite a handled 2xx
	// answer's records (the array of a create-contacts answer, or a bulk
	// answer's successfulRecords; see answer_faults.go): the last
	// DropRecords are left out, the rest answered in reverse order, and
	// the first loses its cellPhone.
	DropRecords    int
	ReverseRecords bool
	OmitPhone      bool

	Malformed     bool // handle normally, then answer 200 with a syntactically broken JSON body
	Truncated     bool // handle normally, then send only the first half of the body (the connection is then closed)
	OversizeBytes int  // handle normally, then answer 200 with the body padded to this many bytes (still valid JSON)
}

type activeFault struct {
	Fault
	remaining int
}

// InjectFault queues a fault. Faults are checked in the order they were
// injected; each request consumes one use of the first matching fault.
func (s *Server) InjectFault(f Fault) {
	n := f.Count
	if n <= 0 {
		n = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &activeFault{Fault: f, remaining: n})
}

// ClearFaults removes every queued fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// takeFaultLocked consumes one use of the first fault matching the request.
func (s *Server) takeFaultLocked(method, route string) *Fault {
	for i, af := range s.faults {
		if af.Method != "" && !strings.EqualFold(af.Method, method) {
			continue
		}
		if af.Route != "" && af.Route != route {
			continue
		}
		af.remaining--
		if af.remaining <= 0 {
			s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
		}
		f := af.Fault
		return &f
	}
	return nil
}

// applyResponseFault sends the handled answer the way the fault says. It
// reports false when the fault does not touch the answer.
func (s *Server) applyResponseFault(w http.ResponseWriter, f *Fault, status int, payload []byte) bool {
	switch {
	case f.Drop == DropAfterHandling:
		dropConnection(w)
	case f.Body != "" && f.BodyAfterHandling:
		s.writeRaw(w, http.StatusOK, []byte(f.Body))
	case f.rewritesRecords() && status/100 == 2:
		s.writeRaw(w, status, f.rewriteRecords(payload))
	case f.Malformed:
		s.writeRaw(w, http.StatusOK, malformed(payload))
	case f.Truncated:
		// Declare the full length and send half: the server then closes the
		// connection, and the client's body read ends with an unexpected EOF.
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(payload)))
		w.WriteHeader(status)
		_, _ = w.Write(payload[:len(payload)/2])
		s.countStatus(status)
	case f.OversizeBytes > 0:
		s.writeRaw(w, http.StatusOK, pad(payload, f.OversizeBytes))
	default:
		return false
	}
	return true
}

// dropConnection closes the connection without writing anything. Where the
// connection cannot be hijacked (HTTP/2, a recorder), it aborts the handler,
// which net/http turns into a reset.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err == nil {
		_ = conn.Close()
		return
	}
	panic(http.ErrAbortHandler)
}

// malformed breaks a JSON document: its last closing bracket becomes ",}",
// e.g. {"a":1} turns into {"a":1,}.
func malformed(payload []byte) []byte {
	p := bytes.TrimRight(payload, " \n\r\t")
	if len(p) == 0 {
		return []byte("{,}")
	}
	out := append([]byte{}, p[:len(p)-1]...)
	return append(out, []byte(",}\n")...)
}

// paddingKey is the member added to an object to make it oversized.
const paddingKey = "_emulatorPadding"

// pad grows a JSON document to exactly size bytes, keeping it valid: objects
// gain a long string member, other documents gain leading whitespace. A
// document already that large is returned unchanged.
func pad(payload []byte, size int) []byte {
	if size <= len(payload) {
		return payload
	}
	trimmed := bytes.TrimLeft(payload, " \n\r\t")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		body := bytes.TrimLeft(trimmed[1:], " \n\r\t")
		sep := ","
		if len(body) > 0 && body[0] == '}' {
			sep = ""
		}
		head := `{"` + paddingKey + `":"`
		tail := `"` + sep
		fill := size - len(head) - len(tail) - len(body)
		if fill >= 0 {
			var b bytes.Buffer
			b.Grow(size)
			b.WriteString(head)
			b.Write(bytes.Repeat([]byte("x"), fill))
			b.WriteString(tail)
			b.Write(body)
			return b.Bytes()
		}
	}
	return append(bytes.Repeat([]byte(" "), size-len(payload)), payload...)
}
