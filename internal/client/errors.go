package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"
)

// APIError is the one error type the client returns for an answer the API
// gave with a non-2xx status, or for a body the client could not use.
//
// The API documents a single error envelope, {"errors":[{"msg":…,"code":…}]}
// (API scopes and JWT errors, https://docs.kore.ai/ai-for-service/apis/contact-center/api-list).
// Its codes are not HTTP statuses (4002 is common), so both are kept. The message never contains a token or a secret: it is built
// only from the method, the path and what the server said.
type APIError struct {
	Method     string
	Path       string
	StatusCode int
	// Code is the first code from the error envelope, when there was one.
	Code int
	// Message is the API's own text: every msg of the envelope joined, or the
	// start of a non-JSON body.
	Message string
	// Attempts is how many times the request was sent. It is above 1 only
	// when retries were made, and set on the error that ended them.
	Attempts int
	// RetriesExhausted is true when the client stopped retrying because
	// Config.MaxRetries retries had been made.
	RetriesExhausted bool
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: ", e.Method, e.Path)
	if e.RetriesExhausted {
		fmt.Fprintf(&b, "gave up after %d attempts (retries exhausted); the last answer was ", e.Attempts)
	}
	fmt.Fprintf(&b, "HTTP %d", e.StatusCode)
	if text := http.StatusText(e.StatusCode); text != "" {
		fmt.Fprintf(&b, " %s", text)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.Code != 0 && e.Code != e.StatusCode {
		fmt.Fprintf(&b, " (API code %d)", e.Code)
	}
	return b.String()
}

type errorEnvelope struct {
	Errors []struct {
		Msg  json.RawMessage `json:"msg"`
		Code json.RawMessage `json:"code"`
	} `json:"errors"`
}

// maxErrorText bounds how much of a non-JSON body is quoted in an error.
const maxErrorText = 300

// newAPIError decodes an error answer. It never fails: a body that is not
// the envelope is quoted, shortened.
func newAPIError(method, path string, status int, body []byte) *APIError {
	e := &APIError{Method: method, Path: path, StatusCode: status}
	var env errorEnvelope
	if json.Unmarshal(body, &env) == nil && len(env.Errors) > 0 {
		msgs := make([]string, 0, len(env.Errors))
		for i, item := range env.Errors {
			if m := rawText(item.Msg); m != "" {
				msgs = append(msgs, m)
			}
			if i == 0 {
				e.Code = int(rawInt(item.Code))
			}
		}
		e.Message = strings.Join(msgs, "; ")
		return e
	}
	e.Message = shorten(strings.TrimSpace(string(body)), maxErrorText)
	return e
}

// shorten cuts text to at most max bytes and marks the cut, on a rune
// boundary so that a character is never split.
func shorten(text string, limit int) string {
	if len(text) <= limit {
		return text
	}
	cut := limit
	for cut > limit-utf8.UTFMax && cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut] + "…"
}

// rawText reads a JSON value as text whatever its type.
func rawText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return strings.TrimSpace(string(raw))
}

func rawInt(raw json.RawMessage) int64 {
	var n FlexInt
	if json.Unmarshal(raw, &n) == nil {
		return int64(n)
	}
	return 0
}

// IsNotFound reports whether err says that what was asked for is not
// there: the API answered 404, or a lookup through a list did not find it
// (*NotListedError). A 404 alone does not prove that an object is gone: a
// mistyped stream answers 404 too. The services' Gone methods decide that.
// Message text never counts.
func IsNotFound(err error) bool {
	var e *APIError
	if errors.As(err, &e) {
		return e.StatusCode == http.StatusNotFound
	}
	var nl *NotListedError
	return errors.As(err, &nl)
}

// NotListedError says that a walk through a list read the whole list and
// found no entry with the key.
type NotListedError struct {
	Kind  string // "agent group"
	Path  string // the list's path
	By    string // "name", "email"
	Value string
}

func (e *NotListedError) Error() string {
	prefix := ""
	if e.Path != "" {
		prefix = "GET " + e.Path + ": "
	}
	if e.By == "name" {
		return fmt.Sprintf("%sno %s is named %q", prefix, e.Kind, e.Value)
	}
	return fmt.Sprintf("%sno %s has the %s %s", prefix, e.Kind, e.By, e.Value)
}

// IsNotListed reports whether err is a *NotListedError: the list was read,
// and the object is not in it.
func IsNotListed(err error) bool {
	var nl *NotListedError
	return errors.As(err, &nl)
}

// IsRateLimited reports whether err is the API's rate-limit answer, a
// throttle (see isThrottle). It only ever means "wait", never a change to
// what the caller knows of an object.
func IsRateLimited(err error) bool {
	var e *APIError
	return errors.As(err, &e) && isThrottle(e)
}

// throttleSentence is the part of the documented rate-limit message that
// identifies it: Rate limits
// (https://docs.kore.ai/ai-for-service/apis/contact-center/rate-limit-ccai)
// gives the whole message as "You've exceeded the per-minute rate limit.
// Please wait for sometime before retrying."
const throttleSentence = "exceeded the per-minute rate limit"

// isThrottle is the one place that says whether an answer is the API's
// rate-limit answer, a throttle: an HTTP 429, the error envelope's code
// 429, or the documented rate-limit sentence (throttleSentence) under any
// status. The page documents the message but not the status, so a 400 or
// a 503 that carries it is a throttle too. Any other text, even one that
// speaks of a rate limit ("rate limit plan not enabled"), is not: it would
// be retried for minutes and slow every process sharing the budget.
//
// This is the one decision the client takes on an answer's text, and it
// only ever decides "wait and retry": the transport waits, retries within
// the operation's time (a POST only when the throttle came in a 4xx: see
// checkRetry) and slows the shared pace. It never decides that an object
// exists or is gone.
func isThrottle(e *APIError) bool {
	return e.StatusCode == http.StatusTooManyRequests || e.Code == http.StatusTooManyRequests ||
		strings.Contains(strings.ToLower(e.Message), throttleSentence)
}

// IsConflict reports whether err is a 409: the object already exists. The
// pages document no status for a duplicate, so callers must not depend on
// it; it only lets an error say more.
func IsConflict(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.StatusCode == http.StatusConflict
}

// IsClientError reports whether the API refused the request as sent: an
// answer with a 4xx status. Such a request had no effect.
func IsClientError(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.StatusCode >= 400 && e.StatusCode < 500
}

// IsUnauthorized reports whether err is an authentication or scope failure.
func IsUnauthorized(err error) bool {
	var e *APIError
	return errors.As(err, &e) && (e.StatusCode == http.StatusUnauthorized || e.StatusCode == http.StatusForbidden)
}

// RetriesExhausted reports whether err ended a request that failed on
// every attempt the client's MaxRetries allowed (a 429 aside, which is
// retried for as long as the context allows).
func RetriesExhausted(err error) bool {
	var e *APIError
	if errors.As(err, &e) && e.RetriesExhausted {
		return true
	}
	var exhausted *retriesExhaustedError
	return errors.As(err, &exhausted)
}

// DecodeError says that a 2xx answer could not be used: its body was not the
// JSON the endpoint documents, or it was too large.
type DecodeError struct {
	Method string
	Path   string
	Reason string
	Err    error
}

func (e *DecodeError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s %s: %s: %v", e.Method, e.Path, e.Reason, e.Err)
	}
	return fmt.Sprintf("%s %s: %s", e.Method, e.Path, e.Reason)
}

func (e *DecodeError) Unwrap() error { return e.Err }

// notFound is the error a lookup through a list answers when nothing
// matched: a 404, so IsNotFound classifies it like the API's own.
func notFound(method, path, msg string) *APIError {
	return &APIError{Method: method, Path: path, StatusCode: http.StatusNotFound, Message: msg}
}
