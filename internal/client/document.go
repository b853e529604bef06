package client

import (
	"encoding/json"
	"fmt"
)

// Objects that are updated with a full-document PUT (agents, skills,
// queues) keep the document they were read from in a Raw field, so an
// update can send back the fields their Go type does not model. The helpers
// below are shared by those types.

// decodeDocument decodes b into into (a plain copy of the type, without its
// UnmarshalJSON) and returns the document as a map, for Raw. Only a body
// that is not a JSON object fails; kind names the object in that error.
func decodeDocument[T any](b []byte, kind string, into *T) (map[string]json.RawMessage, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%s must be a JSON object: %w", kind, err)
	}
	var fresh T
	if err := json.Unmarshal(b, &fresh); err != nil {
		return nil, err
	}
	*into = fresh
	return raw, nil
}

// overlay returns a copy of doc with every key that changes (a struct or a
// map, encoded as a JSON object) sets laid over it. doc is not modified.
func overlay(doc map[string]json.RawMessage, changes any) (map[string]json.RawMessage, error) {
	out := make(map[string]json.RawMessage, len(doc)+8)
	for k, v := range doc {
		out[k] = v
	}
	b, err := json.Marshal(changes)
	if err != nil {
		return nil, err
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		return nil, err
	}
	for k, v := range top {
		out[k] = v
	}
	return out, nil
}

func setIfMissing(doc map[string]json.RawMessage, key, value string) {
	if value == "" {
		return
	}
	if v, ok := doc[key]; ok && string(v) != "null" && string(v) != `""` {
		return
	}
	doc[key] = mustJSON(value)
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only called with values that always encode
	}
	return b
}
