package client

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// maxRetryAfter caps how long the client honours a Retry-After header.
const maxRetryAfter = 5 * time.Minute

// newRetryingHTTPClient builds the retrying client. Each attempt goes
// through the limiter and gets its own auth header.
func newRetryingHTTPClient(cfg Config, tokens tokenSource, limiter *Limiter, logger Logger) *retryablehttp.Client {
	base := cfg.Transport
	if base == nil {
		base = http.DefaultTransport.(*http.Transport).Clone()
	}
	timeout := cfg.RequestTimeout
	if timeout == 0 {
		timeout = DefaultRequestTimeout
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	rc := retryablehttp.NewClient()
	rc.HTTPClient = &http.Client{
		Transport: &authTransport{base: base, tokens: tokens, limiter: limiter},
		Timeout:   timeout,
	}
	rc.Logger = nil // our hooks log, without headers
	rc.RetryMax = cfg.MaxRetries
	if rc.RetryMax < 0 {
		rc.RetryMax = DefaultMaxRetries
	}
	rc.RetryWaitMin, rc.RetryWaitMax = cfg.RetryWaitMin, cfg.RetryWaitMax
	if rc.RetryWaitMin == 0 {
		rc.RetryWaitMin = time.Second
	}
	if rc.RetryWaitMax == 0 {
		rc.RetryWaitMax = 30 * time.Second
	}
	rc.CheckRetry = checkRetry
	rc.Backoff = func(min, max time.Duration, attempt int, resp *http.Response) time.Duration {
		return backoff(min, max, attempt, resp, now)
	}
	rc.ErrorHandler = func(resp *http.Response, err error, tries int) (*http.Response, error) {
		exhausted := tries > 1 && tries == rc.RetryMax+1
		if resp != nil {
			if exhausted {
				markAttempts(resp, tries)
			}
			return resp, nil
		}
		if exhausted && err != nil {
			return nil, &retriesExhaustedError{attempts: tries, err: err}
		}
		return nil, err
	}
	if logger != nil {
		rc.RequestLogHook = func(_ retryablehttp.Logger, req *http.Request, retry int) {
			logger.Debug(req.Context(), "SmartAssist API request", map[string]any{
				"method": req.Method, "path": req.URL.EscapedPath(), "attempt": retry + 1,
			})
		}
		rc.ResponseLogHook = func(_ retryablehttp.Logger, resp *http.Response) {
			logger.Debug(resp.Request.Context(), "SmartAssist API response", map[string]any{
				"method": resp.Request.Method, "path": resp.Request.URL.EscapedPath(), "status": resp.StatusCode,
			})
		}
	}
	return rc
}

// authTransport waits for the limiter and sets the auth header on each
// attempt. It works on a clone: a RoundTripper must not change its request.
type authTransport struct {
	base    http.RoundTripper
	tokens  tokenSource
	limiter *Limiter
}

func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := t.limiter.Wait(req.Context()); err != nil {
		closeBody(req)
		return nil, &notSentError{err}
	}
	token, err := t.tokens.Token()
	if err != nil {
		closeBody(req)
		return nil, &notSentError{err}
	}
	out := req.Clone(req.Context())
	// The header is "auth" with the raw token and no "Bearer" prefix, as in
	// every sample request of the vendor's pages (reference.md §0).
	out.Header.Set("auth", token)
	return t.base.RoundTrip(out)
}

func closeBody(req *http.Request) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
}

// checkRetry retries 429, 5xx (but 501) and connection errors, and never any
// other 4xx. A POST is retried only when it provably never reached the
// server: the connection could not be made, or the server answered 429,
// which means it refused the request unprocessed. Otherwise the error goes
// back to the caller, who can look for what the POST may have created, so a
// create never makes a duplicate.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		// Stop, and let the attempt's own error (which says whether the
		// request was sent) reach the caller.
		return false, nil
	}
	if err != nil {
		// DefaultRetryPolicy rules out what a retry cannot fix: bad
		// certificates, too many redirects, an invalid scheme or header.
		if retry, _ := retryablehttp.DefaultRetryPolicy(ctx, nil, err); !retry {
			return false, nil
		}
		var ue *url.Error
		isPost := errors.As(err, &ue) && strings.EqualFold(ue.Op, http.MethodPost)
		return !isPost || neverSent(err), nil
	}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		return true, nil
	case resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented:
		return resp.Request == nil || resp.Request.Method != http.MethodPost, nil
	}
	return false, nil
}

// notSentError is a failure before the request was handed to the network:
// the wait for a rate-limit slot was interrupted, or no token was made.
type notSentError struct{ err error }

func (e *notSentError) Error() string { return e.err.Error() }
func (e *notSentError) Unwrap() error { return e.err }

// neverSent reports whether the request provably never left: it failed
// before it was sent, or the connection itself could not be made.
func neverSent(err error) bool {
	var ns *notSentError
	if errors.As(err, &ns) {
		return true
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return true
	}
	var dnsErr *net.DNSError
	return errors.As(err, &dnsErr)
}

// backoff honours Retry-After (seconds or an HTTP date) and otherwise waits
// min·2^attempt, capped at max, with full jitter over its upper half.
func backoff(min, max time.Duration, attempt int, resp *http.Response, now func() time.Time) time.Duration {
	if resp != nil {
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), now()); ok {
			return d
		}
	}
	wait := min
	for i := 0; i < attempt && wait < max; i++ {
		wait *= 2
	}
	if wait > max {
		wait = max
	}
	half := wait / 2
	if half <= 0 {
		return wait
	}
	return half + rand.N(half+1)
}

// parseRetryAfter reads a Retry-After value given in seconds or as an HTTP
// date, capped at maxRetryAfter.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	var d time.Duration
	if secs, err := strconv.ParseFloat(v, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		d = time.Duration(secs * float64(time.Second))
	} else if at, err := http.ParseTime(v); err == nil {
		d = at.Sub(now)
		if d < 0 {
			d = 0
		}
	} else {
		return 0, false
	}
	if d > maxRetryAfter {
		d = maxRetryAfter
	}
	return d, true
}

// retriesExhaustedError ends a request whose every attempt failed without an
// answer.
type retriesExhaustedError struct {
	attempts int
	err      error
}

func (e *retriesExhaustedError) Error() string { return e.err.Error() }
func (e *retriesExhaustedError) Unwrap() error { return e.err }

// attemptsHeader carries, on the last answer of exhausted retries, how many
// attempts were made, from the error handler to Do. It never leaves the
// process.
const attemptsHeader = "X-Smartassist-Client-Attempts"

func markAttempts(resp *http.Response, n int) {
	resp.Header.Set(attemptsHeader, strconv.Itoa(n))
}

func attemptsFrom(resp *http.Response) int {
	n, _ := strconv.Atoi(resp.Header.Get(attemptsHeader))
	return n
}
