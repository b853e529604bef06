package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
)

// The pages document no status for an object that does not exist, and a
// mistyped stream, account or host fails every request in ways that can
// look the same (the vendor's API list,
// https://docs.kore.ai/ai-for-service/apis/contact-center/api-list, shows no
// error answers). So a failed read of one object is never taken on its own
// as proof that the object is gone. It is gone when:
//
//   - the API answered 404 for it, and a call under the same stream and
//     credentials to the same collection succeeded in this process; or
//   - the API answered 404 or 400 for it, and the collection's list, read
//     now, answers and does not hold it.
//
// When that list fails too, the stream (or the account, or the host)
// answers nothing, and the answer is a *StreamError, never "gone". When
// the list answers but cannot be read completely (an *IncompleteListError),
// the object's absence from it proves nothing: the answer is an error
// that wraps both failures, never "gone".

// answered records the collections (a path's first segment, such as
// "agents" or "skill-groups") that have answered a call with a 2xx status.
type answered struct {
	mu  sync.Mutex
	set map[string]bool
}

func (a *answered) mark(collection string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.set == nil {
		a.set = map[string]bool{}
	}
	a.set[collection] = true
}

func (a *answered) has(collection string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.set[collection]
}

// collectionOf is the first segment of a path relative to the stream.
func collectionOf(path string) string {
	path = strings.TrimPrefix(path, "/")
	if i := strings.IndexAny(path, "/?"); i >= 0 {
		path = path[:i]
	}
	return path
}

// StreamError says that the stream, the account or the host answers
// nothing: a request about one object failed, and so did the list of its
// collection. Nothing can be concluded about the object.
type StreamError struct {
	Host      string
	StreamID  string
	AccountID string
	// ObjectErr is the failure of the request about the object; Err is the
	// failure of the list that was read to check it.
	ObjectErr error
	Err       error
}

func (e *StreamError) Error() string {
	return fmt.Sprintf("the API at %s does not answer for the stream %s and the account %s: %v; and the list read to check it: %v",
		e.Host, e.StreamID, e.AccountID, e.ObjectErr, e.Err)
}

func (e *StreamError) Unwrap() error { return e.Err }

// IsStreamError reports whether err is a *StreamError.
func IsStreamError(err error) bool {
	var se *StreamError
	return errors.As(err, &se)
}

// IsNoAnswer reports whether err is a request that got no HTTP answer at
// all (the host could not be reached, the connection was dropped): neither
// an *APIError nor a *DecodeError, nor a walk's *NotListedError or
// *IncompleteListError, nor the caller's own cancellation.
func IsNoAnswer(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var apiErr *APIError
	var decErr *DecodeError
	var nl *NotListedError
	var il *IncompleteListError
	return !errors.As(err, &apiErr) && !errors.As(err, &decErr) && !errors.As(err, &nl) && !errors.As(err, &il)
}

// gone decides whether err, the failure of a request about one object of
// collection, proves that the object does not exist. listed reads the
// collection's list and says whether the object is in it. The answer is
// (true, nil) when the object is gone, and (false, an error) otherwise: err
// itself, or a *StreamError when the list fails too.
func (c *Client) gone(ctx context.Context, err error, collection string, listed func(context.Context) (bool, error)) (bool, error) {
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return false, err
	}
	switch apiErr.StatusCode {
	case http.StatusNotFound:
		if c.answered.has(collection) {
			return true, nil
		}
	case http.StatusBadRequest:
	default:
		return false, err
	}
	found, listErr := listed(ctx)
	switch {
	case listErr == nil && !found:
		return true, nil
	case listErr == nil:
		return false, err // listed, so it exists: the read failed for another reason
	case IsClientError(listErr) || IsNoAnswer(listErr):
		return false, &StreamError{Host: c.host, StreamID: c.stream, AccountID: c.accountID, ObjectErr: err, Err: listErr}
	}
	return false, fmt.Errorf("%w; reading the list to check whether it still exists failed: %w", err, listErr)
}
