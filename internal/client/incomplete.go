package client

import (
	"errors"
	"fmt"
	"strings"
)

// IncompleteListError says that a walk through a list ended before the
// list's own answers say it should: it read fewer distinct entries than
// their totalResults, or met a page of entries already read while they said
// more follow (hasMore), or reached the page cap. An entry absent from such
// a walk may well exist, so callers treat "not listed" as unknown: never as
// gone, and never as "not created".
type IncompleteListError struct {
	Path string // the list's path, e.g. "/contacts"
	// Read is the number of distinct entries read, and Pages the number of
	// pages asked for.
	Read  int
	Pages int
	// Total is the answers' totalResults, 0 when they give none; HasMore
	// is the last answer's hasMore.
	Total   int
	HasMore bool
	// Tried lists the requests that brought nothing new, in order
	// ("skip=100", "page=2"), and Reason says why the walk stopped.
	Tried  []string
	Reason string
}

func (e *IncompleteListError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "GET %s: the list was read incompletely: %d distinct entries in %d pages", e.Path, e.Read, e.Pages)
	switch {
	case e.Total > 0:
		fmt.Fprintf(&b, ", while its answers say it holds %d (totalResults)", e.Total)
	case e.HasMore:
		b.WriteString(", while its last answer says more follow (hasMore: true)")
	}
	fmt.Fprintf(&b, "; %s", e.Reason)
	if len(e.Tried) > 0 {
		fmt.Fprintf(&b, " (asked with %s)", strings.Join(e.Tried, ", then "))
	}
	b.WriteString(". The server does not page this list the way the client asks, so an entry missing from what was read may still exist")
	return b.String()
}

// IsIncompleteList reports whether err is an *IncompleteListError.
func IsIncompleteList(err error) bool {
	var il *IncompleteListError
	return errors.As(err, &il)
}

// AsIncompleteList returns the *IncompleteListError in err's chain, or nil.
func AsIncompleteList(err error) *IncompleteListError {
	var il *IncompleteListError
	if errors.As(err, &il) {
		return il
	}
	return nil
}
