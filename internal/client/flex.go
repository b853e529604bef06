package client

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// The API's samples do not always use the types its field tables document:
// create-an-agent returns phoneNumber as a JSON number, get-a-specific-
// conversation returns surveyRequired as "YES" where the table says boolean,
// and priority as a number where it says string (reference.md §7). The types
// below decode whatever JSON they are given and never fail, so one odd field
// can never fail the read of the rest.

// FlexString decodes a string, a number or a boolean as text. null, objects
// and arrays decode as "".
type FlexString string

func (s *FlexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*s = ""
	case b[0] == '"':
		var v string
		if json.Unmarshal(b, &v) == nil {
			*s = FlexString(v)
		} else {
			*s = ""
		}
	case b[0] == '{' || b[0] == '[':
		*s = ""
	default: // number or boolean: keep its literal text
		*s = FlexString(b)
	}
	return nil
}

func (s FlexString) String() string { return string(s) }

// FlexInt decodes a number or a numeric string. Anything else decodes as 0.
type FlexInt int64

func (n *FlexInt) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	text := string(b)
	if len(b) > 0 && b[0] == '"' {
		var v string
		if json.Unmarshal(b, &v) != nil {
			*n = 0
			return nil
		}
		text = strings.TrimSpace(v)
	}
	if i, err := strconv.ParseInt(text, 10, 64); err == nil {
		*n = FlexInt(i)
		return nil
	}
	if f, err := strconv.ParseFloat(text, 64); err == nil && f >= -9.2e18 && f <= 9.2e18 {
		*n = FlexInt(int64(f))
		return nil
	}
	*n = 0
	return nil
}

// FlexBool decodes a boolean, a string such as "true", "YES" or "1", or a
// number (non-zero is true). Anything else decodes as false.
type FlexBool bool

func (v *FlexBool) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	var out bool
	switch {
	case string(b) == "true":
		out = true
	case len(b) > 0 && b[0] == '"':
		var s string
		if json.Unmarshal(b, &s) == nil {
			switch strings.ToLower(strings.TrimSpace(s)) {
			case "true", "yes", "y", "1", "on":
				out = true
			}
		}
	case len(b) > 0 && (b[0] == '-' || (b[0] >= '0' && b[0] <= '9')):
		f, err := strconv.ParseFloat(string(b), 64)
		out = err == nil && f != 0
	}
	*v = FlexBool(out)
	return nil
}

// FlexList decodes a JSON array of T, skipping elements that do not decode.
// A value that is not an array decodes as an empty list.
type FlexList[T any] []T

func (l *FlexList[T]) UnmarshalJSON(b []byte) error {
	var raws []json.RawMessage
	if json.Unmarshal(b, &raws) != nil {
		*l = nil
		return nil
	}
	out := make([]T, 0, len(raws))
	for _, raw := range raws {
		var item T
		if json.Unmarshal(raw, &item) == nil {
			out = append(out, item)
		}
	}
	*l = out
	return nil
}

// FlexObject decodes a JSON object into T, and anything else into T's zero
// value.
type FlexObject[T any] struct {
	Value T
	Set   bool
}

func (o *FlexObject[T]) UnmarshalJSON(b []byte) error {
	var v T
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '{' && json.Unmarshal(b, &v) == nil {
		o.Value, o.Set = v, true
		return nil
	}
	o.Value, o.Set = v, false
	return nil
}

// Bool, Int64 and String return pointers, for the optional fields of request
// types.
func Bool(v bool) *bool       { return &v }
func Int64(v int64) *int64    { return &v }
func String(v string) *string { return &v }
