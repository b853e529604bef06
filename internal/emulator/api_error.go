package emulator

import (
	"fmt"
	"net/http"
)

// apiError is an answer in the documented error envelope.
type apiError struct {
	status int
	msg    string

	// missingObject marks an answer about an object the path names and
	// that does not exist; its status is Readings.MissingObjectStatus.
	missingObject bool
	// duplicate marks the refusal of a create or update whose natural
	// key another object holds; its status is Readings.DuplicateStatus.
	duplicate bool
}

func errorf(status int, format string, args ...any) *apiError {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	return &apiError{status: status, msg: msg}
}

// missing is the answer to a request whose path names an object that does
// not exist. It is a 404 until the server applies
// Readings.MissingObjectStatus.
func missing(format string, args ...any) *apiError {
	e := errorf(http.StatusNotFound, format, args...)
	e.missingObject = true
	return e
}

// duplicateKey is the refusal of a write whose natural key (an agent's
// email, a routing object's name) another object holds. It is a 409 until
// the server applies Readings.DuplicateStatus.
func duplicateKey(format string, args ...any) *apiError {
	e := errorf(http.StatusConflict, format, args...)
	e.duplicate = true
	return e
}

// envelope is the documented error body,
// {"errors":[{"msg":"<text>","code":<status>}]}.
func envelope(msg string, code int) map[string]any {
	return map[string]any{"errors": []any{map[string]any{"msg": msg, "code": code}}}
}

func (s *Server) writeError(w http.ResponseWriter, e *apiError) {
	s.writeRaw(w, e.status, encodeJSON(envelope(e.msg, e.status)))
}
