package client

import (
	"bytes"
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

// overlay returns a copy of doc with the keys of changes (a struct or a map
// that encodes as a JSON object) laid over it. doc is not modified.
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

// members says what a document's list of members (a skill's or a queue's
// agents, which are managed through the agents) is known to be, before a
// full-document PUT sends it back.
type members int

const (
	// membersListed: a JSON array, so the members are known.
	membersListed members = iota
	// membersNone: absent or null. Nothing was read that could be sent
	// back, so the key is left out rather than sent empty.
	membersNone
	// membersUnknown: anything else, such as the count the create-a-skill
	// sample gives ("agents": 15). The members are not known, and a body
	// built from this document would drop them.
	membersUnknown
)

func membersIn(raw json.RawMessage) members {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return membersNone
	case raw[0] == '[':
		return membersListed
	}
	return membersUnknown
}

// membersToSend decides what a full-document PUT of a kind (a skill, a
// queue) sends back as its agents: the agents read, with the state of their
// raw list. When that list is not known, reread reads the object again; if
// it still is not, the answer is an error and nothing must be sent.
func membersToSend[A any](kind, id string, agents []A, raw json.RawMessage, reread func() ([]A, json.RawMessage, error)) ([]A, members, error) {
	if state := membersIn(raw); state != membersUnknown {
		return agents, state, nil
	}
	agents, raw, err := reread()
	if err != nil {
		return nil, 0, fmt.Errorf("reading the %s %s again to learn its agents before the update: %w", kind, id, err)
	}
	state := membersIn(raw)
	if state == membersUnknown {
		return nil, 0, fmt.Errorf("the %s %s was not updated: the API does not list its agents (it sent agents as %s), "+
			"and a full-document update without them would remove them from the %s", kind, id, raw, kind)
	}
	return agents, state, nil
}

// objectIn reads raw as a JSON object; anything else reads as an empty
// one.
func objectIn(raw json.RawMessage) map[string]json.RawMessage {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil || m == nil {
		return map[string]json.RawMessage{}
	}
	return m
}

// entriesByID indexes the objects of the JSON array raw by their id. Other
// elements, and objects without an id, are left out.
func entriesByID(raw json.RawMessage) map[string]map[string]json.RawMessage {
	var items []json.RawMessage
	_ = json.Unmarshal(raw, &items)
	out := make(map[string]map[string]json.RawMessage, len(items))
	for _, item := range items {
		m := objectIn(item)
		var id FlexString
		if v, ok := m["id"]; ok {
			_ = json.Unmarshal(v, &id)
		}
		if id != "" {
			out[string(id)] = m
		}
	}
	return out
}
