package emulator

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// maxBodyBytes bounds request bodies.
const maxBodyBytes = 1 << 20

// timestampLayout is the API's timestamp format: RFC 3339, milliseconds, Z.
const timestampLayout = "2006-01-02T15:04:05.000Z"

func (s *Server) timestamp() string { return s.now().UTC().Format(timestampLayout) }

// randomHex returns n random lowercase hex digits.
func randomHex(n int) string {
	b := make([]byte, (n+1)/2)
	if _, err := rand.Read(b); err != nil {
		panic("emulator: reading random bytes: " + err.Error())
	}
	return hex.EncodeToString(b)[:n]
}

// newUUIDish returns a random id shaped like a UUID whose first group has
// first hex digits, as in the samples: 8 for users, 7 for agents, layouts,
// queues and conversations.
func newUUIDish(first int) string {
	return randomHex(first) + "-" + randomHex(4) + "-" + randomHex(4) + "-" + randomHex(4) + "-" + randomHex(12)
}

func newAgentID() string   { return "a-" + newUUIDish(7) }
func newUserID() string    { return "u-" + newUUIDish(8) }
func newLayoutID() string  { return "ly-" + newUUIDish(7) }
func newMappingID() string { return randomHex(24) }

// decodeObject reads a request body that must be one JSON object.
func decodeObject(r *http.Request) (map[string]any, *apiError) {
	data, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, errorf(http.StatusBadRequest, "request body is larger than %d bytes", maxBodyBytes)
		}
		return nil, errorf(http.StatusBadRequest, "reading request body: %v", err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, errorf(http.StatusBadRequest, "request body must be a JSON object: %v", err)
	}
	if doc == nil {
		return nil, errorf(http.StatusBadRequest, "request body must be a JSON object")
	}
	return doc, nil
}

// normalizeDoc turns any Go value built by a test into the decoded-JSON form
// the emulator works on (map[string]any, []any, float64, string, bool, nil),
// and returns a copy that shares nothing with the input.
func normalizeDoc(v map[string]any) (map[string]any, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, err
	}
	if out == nil {
		out = map[string]any{}
	}
	return out, nil
}

// deepCopy copies a decoded-JSON value.
func deepCopy(v any) any {
	switch t := v.(type) {
	case map[string]any:
		return copyDoc(t)
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = deepCopy(e)
		}
		return out
	default:
		return t
	}
}

// copyDoc deep-copies a document; nil stays nil.
func copyDoc(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, e := range m {
		out[k] = deepCopy(e)
	}
	return out
}

// str returns m[key] when it is a string.
func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

// entries returns the objects of a decoded-JSON array; anything else in it,
// or a v that is not an array, is skipped. The maps are not copies.
func entries(v any) []map[string]any {
	arr, _ := v.([]any)
	out := make([]map[string]any, 0, len(arr))
	for _, e := range arr {
		if m, ok := e.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// parseTime parses an API timestamp; ok is false when it is not one.
func parseTime(v string) (time.Time, bool) {
	t, err := time.Parse(time.RFC3339Nano, v)
	return t, err == nil
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(fmt.Sprintf("emulator: %v", err))
	}
	return v
}
