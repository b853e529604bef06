package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// "The object with this name" has one meaning everywhere: in the lookup
// after a create whose answer did not name the new object, in the data
// sources by name and in import by name. It is exactly one object with
// exactly that name (case included), or an error that lists the ids of
// all of them. The pages do not say that names are unique, so taking the
// first of several would be a guess.

// AmbiguousNameError says that several objects have the name asked for, so
// the name does not tell which one is meant.
type AmbiguousNameError struct {
	Kind  string // "queue"
	Where string // " in the skill group 633f…", or ""
	Name  string
	// IDs are the ids of every object with the name, in list order.
	IDs []string
	// Reason, when set, says why the caller's way of choosing among them
	// (after a create: when each was created) did not choose one.
	Reason string
}

func (e *AmbiguousNameError) Error() string {
	s := fmt.Sprintf("%d %ss%s are named %q: %s", len(e.IDs), e.Kind, e.Where, e.Name, strings.Join(e.IDs, ", "))
	if e.Reason != "" {
		s += "; " + e.Reason
	}
	return s
}

// IsAmbiguousName reports whether err is an *AmbiguousNameError.
func IsAmbiguousName(err error) bool {
	var a *AmbiguousNameError
	return errors.As(err, &a)
}

// OneNamed applies the name policy to matches, the entries of a whole list
// whose name is name: the one entry, a *NotListedError (IsNotFound) when
// there is none, or an *AmbiguousNameError listing every id. kind and where
// name the list in the errors.
func OneNamed[T any](kind, where, name string, matches []T, id func(*T) string) (*T, error) {
	switch len(matches) {
	case 0:
		return nil, &NotListedError{Kind: kind, By: "name", Value: name}
	case 1:
		return &matches[0], nil
	}
	return nil, ambiguous(kind, where, name, matches, id, "")
}

func ambiguous[T any](kind, where, name string, matches []T, id func(*T) string, reason string) *AmbiguousNameError {
	ids := make([]string, len(matches))
	for i := range matches {
		ids[i] = id(&matches[i])
	}
	return &AmbiguousNameError{Kind: kind, Where: where, Name: name, IDs: ids, Reason: reason}
}

// pickCreated applies the name policy after a create the API confirmed
// without naming the new object. One entry with the name is the new one.
// Among several, the new one is the only one created at or after began,
// when the request was made, by the creation time each entry carries; no
// such entry, several, or an entry without a readable creation time leave
// it unknown, and the error lists every id. began is compared to the
// millisecond, the precision of the API's timestamps.
func pickCreated[T any](kind, where, name string, matches []T, id func(*T) string, began time.Time) (*T, error) {
	if len(matches) <= 1 {
		return OneNamed(kind, where, name, matches, id)
	}
	since := began.Truncate(time.Millisecond)
	var after []T
	for i := range matches {
		at, ok := creationTime(&matches[i])
		if !ok {
			return nil, ambiguous(kind, where, name, matches, id,
				"the list does not say when each was created, so the new one cannot be told from the others")
		}
		if !at.Before(since) {
			after = append(after, matches[i])
		}
	}
	switch len(after) {
	case 1:
		return &after[0], nil
	case 0:
		return nil, ambiguous(kind, where, name, matches, id,
			"none was created after the create began (by their createdAt), so the new one cannot be told from the others")
	}
	ids := make([]string, len(after))
	for i := range after {
		ids[i] = id(&after[i])
	}
	return nil, ambiguous(kind, where, name, matches, id, fmt.Sprintf(
		"%s were all created after the create began (by their createdAt), so the new one cannot be told from the others",
		strings.Join(ids, ", ")))
}

// creationTime reads an entry's createdAt: the typed field of agent
// groups, or the raw document of the others, whose samples do not all show
// it.
func creationTime(e any) (time.Time, bool) {
	var s string
	switch v := e.(type) {
	case *AgentGroup:
		s = string(v.CreatedAt)
	case *Queue:
		s = rawCreatedAt(v.Raw)
	case *Skill:
		s = rawCreatedAt(v.Raw)
	case *SkillGroup:
		s = rawCreatedAt(v.Raw)
	}
	return parseTimestamp(s)
}

func rawCreatedAt(raw map[string]json.RawMessage) string {
	if v, ok := raw["createdAt"]; ok {
		return rawText(v)
	}
	return ""
}
