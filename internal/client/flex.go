package client

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// The API's samples do not always use the types their field tables
// document: create-an-agent returns phoneNumber as a JSON number
// (Create an agent, https://docs.kore.ai/ai-for-service/apis/contact-center/create-an-agent),
// get-a-specific-conversation returns surveyRequired as "YES" where the table
// says boolean, and priority as a number where it says string
// (Get a specific conversation, https://docs.kore.ai/ai-for-service/apis/contact-center/get-a-specific-conversation).
//
// The Flex types below accept those quirks, and nothing else: a value of
// another shape (an object where text belongs, a word where a number
// belongs) fails the decode, so a broken answer is an error instead of an
// empty value that would look like a change. The Loose types never fail, for
// fields that are only shown, never managed, and must not fail a read.

// FlexString decodes a string, a number or a boolean as text, and null as
// "". An object or an array is an error.
type FlexString string

func (s *FlexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*s = ""
	case b[0] == '"':
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = FlexString(v)
	case b[0] == '{' || b[0] == '[':
		return fmt.Errorf("expected text, got %s", shapeOf(b))
	default: // number or boolean: keep its literal text
		*s = FlexString(b)
	}
	return nil
}

func (s FlexString) String() string { return string(s) }

// LooseString is FlexString for fields that are only shown: an object or an
// array decodes as "" instead of failing.
type LooseString string

func (s *LooseString) UnmarshalJSON(b []byte) error {
	var f FlexString
	if f.UnmarshalJSON(b) != nil {
		*s = ""
		return nil
	}
	*s = LooseString(f)
	return nil
}

// FlexInt decodes a number or a numeric string, and null as 0. Anything else
// is an error.
type FlexInt int64

func (n *FlexInt) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	text := string(b)
	if text == "null" {
		*n = 0
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
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
	return fmt.Errorf("expected a number, got %s", shapeOf(b))
}

// FlexBool decodes a boolean; a string such as "true", "YES", "1" or "no";
// a number (non-zero is true); and null as false. Anything else is an
// error.
type FlexBool bool

func (v *FlexBool) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "true":
		*v = true
	case string(b) == "false" || string(b) == "null":
		*v = false
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "true", "yes", "y", "1", "on":
			*v = true
		case "false", "no", "n", "0", "off", "":
			*v = false
		default:
			return fmt.Errorf("expected a boolean, got %q", s)
		}
	case len(b) > 0 && (b[0] == '-' || (b[0] >= '0' && b[0] <= '9')):
		f, err := strconv.ParseFloat(string(b), 64)
		if err != nil {
			return err
		}
		*v = f != 0
	default:
		return fmt.Errorf("expected a boolean, got %s", shapeOf(b))
	}
	return nil
}

// FlexList decodes a JSON array of T, and null as an empty list. A value
// that is not an array, or an element that does not decode as T, is an
// error.
type FlexList[T any] []T

func (l *FlexList[T]) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		*l = nil
		return nil
	}
	if len(b) == 0 || b[0] != '[' {
		return fmt.Errorf("expected a list, got %s", shapeOf(b))
	}
	var items []T
	if err := json.Unmarshal(b, &items); err != nil {
		return err
	}
	*l = items
	return nil
}

// LooseBool is FlexBool for fields that are only shown: a value FlexBool
// refuses decodes as false instead of failing.
type LooseBool bool

func (v *LooseBool) UnmarshalJSON(b []byte) error {
	var f FlexBool
	if f.UnmarshalJSON(b) != nil {
		*v = false
		return nil
	}
	*v = LooseBool(f)
	return nil
}

// LooseList is FlexList for fields that are only shown: a value that is not
// an array decodes as an empty list, and elements that do not decode as T
// are left out.
type LooseList[T any] []T

func (l *LooseList[T]) UnmarshalJSON(b []byte) error {
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

// LooseObject is FlexObject for fields that are only shown: anything that
// does not decode as T reads as T's zero value, with Set false.
type LooseObject[T any] struct {
	Value T
	Set   bool
}

func (o *LooseObject[T]) UnmarshalJSON(b []byte) error {
	var f FlexObject[T]
	if f.UnmarshalJSON(b) != nil {
		var zero T
		o.Value, o.Set = zero, false
		return nil
	}
	o.Value, o.Set = f.Value, f.Set
	return nil
}

// FlexObject decodes a JSON object into T, and null into T's zero value
// with Set false. Anything else is an error.
type FlexObject[T any] struct {
	Value T
	Set   bool
}

func (o *FlexObject[T]) UnmarshalJSON(b []byte) error {
	var v T
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		o.Value, o.Set = v, false
		return nil
	}
	if len(b) == 0 || b[0] != '{' {
		return fmt.Errorf("expected an object, got %s", shapeOf(b))
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	o.Value, o.Set = v, true
	return nil
}

// shapeOf names the kind of a JSON value, for errors. It never quotes the
// value, which may be personal data.
func shapeOf(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return "nothing"
	}
	switch b[0] {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "text"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// complete is implemented by the answer types whose id and managed fields
// a 2xx answer must carry. missing names those it lacks.
type complete interface {
	missing() []string
}

// checkComplete is a *DecodeError naming the request when v lacks any of
// its required fields.
func checkComplete(method, path string, v complete) error {
	if m := v.missing(); len(m) > 0 {
		return &DecodeError{Method: method, Path: path, Reason: "the answer has no " + strings.Join(m, ", ")}
	}
	return nil
}

// absent lists the names whose values are empty; pairs alternate name and
// value.
func absent(pairs ...string) []string {
	var out []string
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.TrimSpace(pairs[i+1]) == "" {
			out = append(out, pairs[i])
		}
	}
	return out
}

// Bool, Int64 and String return pointers, for the optional fields of request
// types.
func Bool(v bool) *bool       { return &v }
func Int64(v int64) *int64    { return &v }
func String(v string) *string { return &v }
