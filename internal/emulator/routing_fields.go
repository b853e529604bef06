package emulator

import (
	"fmt"
	"math"
	"unicode/utf8"
)

// Field checks shared by the routing endpoints (queues, skill groups,
// skills, agent groups). Messages name the field, as the agent checks do.

// requiredText reads a required, non-empty string member of at most max
// characters (0: no limit).
func requiredText(doc map[string]any, key string, max int) (string, *apiError) {
	if e := requireStrings(doc, key); e != nil {
		return "", e
	}
	v := str(doc, key)
	if max > 0 && utf8.RuneCountInString(v) > max {
		return "", badRequest("%s must be at most %d characters", key, max)
	}
	return v, nil
}

// optionalText reads an optional string member of at most max characters
// (0: no limit); absent or null reads as "".
func optionalText(doc map[string]any, key string, max int) (string, *apiError) {
	v, present := doc[key]
	if !present || v == nil {
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", badRequest("%s must be a string", key)
	}
	if max > 0 && utf8.RuneCountInString(s) > max {
		return "", badRequest("%s must be at most %d characters", key, max)
	}
	return s, nil
}

// optionalBool reads an optional boolean member; absent or null reads as
// def. label names the member in the message.
func optionalBool(m map[string]any, key, label string, def bool) (bool, *apiError) {
	switch v := m[key].(type) {
	case nil:
		return def, nil
	case bool:
		return v, nil
	default:
		return false, badRequest("%s must be a boolean", label)
	}
}

// optionalObjects reads an optional array of objects; absent or null is
// an empty list, and sent is false.
func optionalObjects(doc map[string]any, key string) (list []map[string]any, sent bool, e *apiError) {
	v, present := doc[key]
	if !present || v == nil {
		return nil, false, nil
	}
	if _, ok := v.([]any); !ok {
		return nil, true, badRequest("%s must be an array", key)
	}
	list, e = objects(doc, key)
	return list, true, e
}

// minSec reads a {min, sec} duration (a queue's preferredAgentTimeout and
// a queue skill's expireTime): non-negative integers, sec below 60; a
// missing member is 0. label names the value in messages.
func minSec(v any, label string) (map[string]any, *apiError) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, badRequest("%s must be an object with min and sec", label)
	}
	out := map[string]any{"min": 0.0, "sec": 0.0}
	for _, k := range []string{"min", "sec"} {
		switch n := m[k].(type) {
		case nil:
		case float64:
			if n < 0 || n != math.Trunc(n) || n > 1e9 {
				return nil, badRequest("%s.%s must be a non-negative integer", label, k)
			}
			out[k] = n
		default:
			return nil, badRequest("%s.%s must be a non-negative integer", label, k)
		}
	}
	if out["sec"].(float64) >= 60 {
		return nil, badRequest("%s.sec must be less than 60", label)
	}
	return out, nil
}

// checkBodyID reports a body "id" that differs from the id in the path. A
// body without id is fine.
func checkBodyID(doc map[string]any, pathID, what string) *apiError {
	v, present := doc["id"]
	if !present || v == nil {
		return nil
	}
	if s, ok := v.(string); !ok || s != pathID {
		return badRequest("id in the body (%v) does not match the %s id in the path (%s)", v, what, pathID)
	}
	return nil
}

// agentRefLocked resolves an entry naming an agent by userId or aId (the
// agent's id), or both, which must then name the same agent.
func (s *Server) agentRefLocked(m map[string]any, array string, i int) (map[string]any, *apiError) {
	var ids [2]string
	for j, k := range []string{"userId", "aId"} {
		switch v := m[k].(type) {
		case nil:
		case string:
			ids[j] = v
		default:
			return nil, badRequest("%s[%d].%s must be a string", array, i, k)
		}
	}
	userID, aID := ids[0], ids[1]
	if userID == "" && aID == "" {
		return nil, badRequest("%s[%d].userId or %s[%d].aId is required", array, i, array, i)
	}
	var byUser, byID map[string]any
	if userID != "" {
		if byUser = s.agentByUserIDLocked(userID); byUser == nil {
			return nil, badRequest("%s[%d].userId %s is not an agent", array, i, userID)
		}
	}
	if aID != "" {
		if byID = s.agents[aID]; byID == nil {
			return nil, badRequest("%s[%d].aId %s is not an agent", array, i, aID)
		}
	}
	switch {
	case byUser == nil:
		return byID, nil
	case byID != nil && str(byID, "id") != str(byUser, "id"):
		return nil, badRequest("%s[%d]: userId %s and aId %s are different agents", array, i, userID, aID)
	}
	return byUser, nil
}

// agentByUserIDLocked finds the stored agent with this userId, or nil.
func (s *Server) agentByUserIDLocked(userID string) map[string]any {
	for _, id := range s.agentOrder {
		if doc := s.agents[id]; str(doc, "userId") == userID {
			return doc
		}
	}
	return nil
}

// removeEntries drops from the array doc[key] the objects match accepts. It
// leaves doc alone when nothing matches, so a record without that array,
// or of an odd shape, keeps its shape. It reports how many it dropped.
func removeEntries(doc map[string]any, key string, match func(m map[string]any) bool) int {
	arr, _ := doc[key].([]any)
	kept := make([]any, 0, len(arr))
	for _, e := range arr {
		if m, ok := e.(map[string]any); ok && match(m) {
			continue
		}
		kept = append(kept, e)
	}
	if dropped := len(arr) - len(kept); dropped > 0 {
		doc[key] = kept
		return dropped
	}
	return 0
}

// plural counts a noun: "1 skill", "2 skills".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
