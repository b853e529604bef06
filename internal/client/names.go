package client

import (
	"errors"
	"fmt"
	"strings"
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
