package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// A create the API refuses may be refused because the object exists
// already: most often one an earlier run created and could not record (a
// CI runner killed mid-apply). The pages document no status and no message
// for a duplicate, so the refusal's text and status are not read for that;
// the object is looked up by its natural key, and only what the lookup
// finds decides what the error says.

// ExistsError says that the API refused a create and that an object with
// the create's natural key exists, with the id ID. Err is the refusal.
type ExistsError struct {
	Kind  string // "agent", "queue"
	Where string // " in the skill group …", or ""
	By    string // the key: "email", "name", "phone number"
	Value string
	ID    string
	Err   error
}

func (e *ExistsError) Error() string {
	article := "a"
	if e.Kind != "" && strings.ContainsRune("aeiou", rune(e.Kind[0])) {
		article = "an"
	}
	return fmt.Sprintf("%v; %s %s%s with the %s %s exists already, with the id %s", e.Err, article, e.Kind, e.Where, e.By, e.Value, e.ID)
}

func (e *ExistsError) Unwrap() error { return e.Err }

// IsRefusal reports whether the API understood the request as sent and
// said no, so that the object's state (a duplicate, a group not empty) may
// explain it: a 4xx other than an authentication or scope failure, a
// throttle, a 408 (the request never arrived whole), or a 404 (the place
// the object would go, the stream or a parent, is not there). Every "the
// API refused it" decision of the provider rests on it.
func IsRefusal(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.StatusCode >= 400 && e.StatusCode < 500 &&
		e.StatusCode != http.StatusNotFound && e.StatusCode != http.StatusRequestTimeout &&
		!IsUnauthorized(err) && !IsRateLimited(err)
}

// refusedCreate is the error of a create that failed with postErr and
// created nothing. When the API refused it (IsRefusal), find looks the
// object up by its key (one lookup, on the caller's context: nothing was
// created, so nothing must be learnt after an interrupt): an object found
// makes an *ExistsError; otherwise the refusal is returned with what the
// lookup said.
func refusedCreate(ctx context.Context, postErr error, kind, where, by, value string, find func(context.Context) (string, error)) error {
	if !IsRefusal(postErr) {
		return postErr
	}
	id, err := find(ctx)
	switch {
	case err == nil && id != "":
		return &ExistsError{Kind: kind, Where: where, By: by, Value: value, ID: id, Err: postErr}
	case err == nil:
		return postErr
	case IsNotListed(err):
		return fmt.Errorf("%w (no %s%s with the %s %s exists, so the refusal is not about an existing one)", postErr, kind, where, by, value)
	}
	// Both are wrapped: the error stays the refusal (IsClientError), and a
	// caller can still tell an ambiguous name (IsAmbiguousName).
	return fmt.Errorf("%w (looking for an existing %s%s with the %s %s failed: %w)", postErr, kind, where, by, value, err)
}
