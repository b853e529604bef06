package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
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

// newRetryingHTTPClient builds the retrying client. Each attempt waits for
// the limiter, gets its own auth header, and then has the request timeout
// for itself: the wait for a slot is not time on the wire.
//
// A throttle (a 429, or the rate-limit answer under any status: see
// isThrottle) is retried for as long as the caller's context allows (a POST
// only when the throttle came in a 4xx: see checkRetry) (or,
// when it has no deadline, for maxThrottledWait): the limiter, told of the
// throttle where the answer arrives, makes the retry wait for Retry-After
// and lowers the pace. Other failures are retried MaxRetries times with
// exponential backoff, waited at the start of the next attempt on the
// configured clock (Config.Sleep), not on retryablehttp's timer, so tests
// that drive time do not spend real seconds on it.
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
	sleep := cfg.Sleep
	if sleep == nil {
		sleep = sleepContext
	}
	rc := retryablehttp.NewClient()
	rc.HTTPClient = &http.Client{
		Transport: &authTransport{base: base, tokens: tokens, limiter: limiter, timeout: timeout, now: now, sleep: sleep},
	}
	rc.Logger = nil // our hooks log, without headers
	policy := &retryPolicy{maxRetries: cfg.MaxRetries, now: now, waitMin: cfg.RetryWaitMin, waitMax: cfg.RetryWaitMax}
	if policy.maxRetries < 0 {
		policy.maxRetries = DefaultMaxRetries
	}
	if policy.waitMin == 0 {
		policy.waitMin = time.Second
	}
	if policy.waitMax == 0 {
		policy.waitMax = 30 * time.Second
	}
	// The policy decides when to stop, and the transport waits; RetryMax
	// and Backoff only have to stay out of their way.
	rc.RetryMax = math.MaxInt32
	rc.CheckRetry = policy.check
	rc.Backoff = func(time.Duration, time.Duration, int, *http.Response) time.Duration { return 0 }
	rc.ErrorHandler = func(resp *http.Response, err error, attempts int) (*http.Response, error) {
		var exhausted *retriesExhaustedError
		if errors.As(err, &exhausted) {
			// With the last answer, when one came: send decodes it into
			// the *APIError that says how many attempts were made.
			exhausted.attempts = attempts
			return resp, exhausted
		}
		var limited *rateLimitedError
		if errors.As(err, &limited) && resp != nil {
			body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorText*4))
			_ = resp.Body.Close()
			limited.last = newAPIError(resp.Request.Method, resp.Request.URL.EscapedPath(), resp.StatusCode, body)
			return nil, limited
		}
		if resp != nil {
			return resp, nil
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

// authTransport waits for the limiter, sets the auth header, and bounds the
// attempt by the request timeout, which starts only once the slot is
// granted. It works on a clone: a RoundTripper must not change its request.
type authTransport struct {
	base    http.RoundTripper
	tokens  tokenSource
	limiter *Limiter
	timeout time.Duration
	now     func() time.Time
	sleep   func(ctx context.Context, d time.Duration) error
}

func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if rec, _ := req.Context().Value(attemptRecordKey{}).(*attemptRecord); rec != nil && rec.backoff > 0 {
		wait := rec.backoff
		rec.backoff = 0
		if err := t.sleep(req.Context(), wait); err != nil {
			// Not a notSentError: an earlier attempt of this request
			// (a PUT, say) was sent.
			closeBody(req)
			return nil, err
		}
	}
	markThrottled(req.Context(), false)
	slot, err := t.limiter.wait(req.Context())
	if err != nil {
		closeBody(req)
		return nil, &notSentError{err}
	}
	token, err := t.tokens.Token()
	if err != nil {
		// Not sent: the slot goes back to the budget, which other
		// processes may share, so the next request is not held behind it.
		t.limiter.release(slot)
		closeBody(req)
		return nil, &notSentError{err}
	}
	ctx, cancel := context.WithTimeout(req.Context(), t.timeout)
	out := req.Clone(ctx)
	// The header is "auth" with the raw token and no "Bearer" prefix, as in
	// every sample request of the vendor's pages (for example Create a queue,
	// https://docs.kore.ai/ai-for-service/apis/contact-center/create-a-queue).
	out.Header.Set("auth", token)
	resp, err := t.base.RoundTrip(out)
	if err != nil {
		timedOut := errors.Is(ctx.Err(), context.DeadlineExceeded) && req.Context().Err() == nil
		cancel()
		if timedOut {
			return nil, &attemptTimeoutError{timeout: t.timeout, err: err}
		}
		return nil, err
	}
	// Throttles are recognised here, once, for every request: the limiter
	// slows the pace of everyone sharing the budget, and the retry policy
	// and the backoff read the verdict from the attempt record.
	if throttled, retryAfter := throttleOf(resp, t.now()); throttled {
		markThrottled(req.Context(), true)
		t.limiter.Throttled(req.Context(), slot, retryAfter)
	}
	// The timeout covers reading the answer too; it ends with the body.
	resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

// cancelOnClose ends an attempt's context when its body is closed.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelOnClose) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

// attemptTimeoutError is an attempt that had no answer within the request
// timeout after it was sent.
type attemptTimeoutError struct {
	timeout time.Duration
	err     error
}

func (e *attemptTimeoutError) Error() string {
	return fmt.Sprintf("no answer within the request timeout of %s (%v)", e.timeout, e.err)
}

func (e *attemptTimeoutError) Unwrap() error { return e.err }

func closeBody(req *http.Request) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
}

// maxThrottledWait bounds how long a request is retried on throttles when its
// context has no deadline.
const maxThrottledWait = 15 * time.Minute

// retryPolicy decides, attempt by attempt, whether to retry. It counts on
// the attempt record Do puts in each request's context.
type retryPolicy struct {
	maxRetries       int
	now              func() time.Time
	waitMin, waitMax time.Duration // the exponential backoff's bounds
}

// attemptRecord is what the policy knows of one request's attempts so far.
type attemptRecord struct {
	attempts       int
	failures       int // answers and errors other than throttles
	firstThrottled time.Time
	// throttled is whether the last attempt was answered with a throttle;
	// the transport sets it as the answer arrives.
	throttled bool
	// backoff is the wait the policy chose before the next attempt; the
	// transport waits it (a throttle's wait is the limiter's).
	backoff time.Duration
}

type attemptRecordKey struct{}

// withAttemptRecord gives ctx a fresh attempt record.
func withAttemptRecord(ctx context.Context) context.Context {
	return context.WithValue(ctx, attemptRecordKey{}, &attemptRecord{})
}

func (p *retryPolicy) check(ctx context.Context, resp *http.Response, err error) (bool, error) {
	rec, _ := ctx.Value(attemptRecordKey{}).(*attemptRecord)
	if rec == nil {
		return false, nil // a request Do did not send has no count to keep: no retry
	}
	rec.attempts++
	throttled := err == nil && rec.throttled
	if !checkRetry(ctx, resp, err, throttled) {
		return false, nil
	}
	if throttled {
		now := p.now()
		if rec.firstThrottled.IsZero() {
			rec.firstThrottled = now
		}
		if _, bounded := ctx.Deadline(); !bounded && now.Sub(rec.firstThrottled) >= maxThrottledWait {
			return false, &rateLimitedError{attempts: rec.attempts, waited: now.Sub(rec.firstThrottled)}
		}
		return true, nil
	}
	rec.failures++
	if rec.failures <= p.maxRetries {
		rec.backoff = backoff(p.waitMin, p.waitMax, rec.attempts-1, resp, p.now)
		return true, nil
	}
	if rec.attempts > 1 {
		// The error handler, which knows the count of attempts, completes
		// it and hands it to send with the last answer, if there was one.
		return false, &retriesExhaustedError{err: err}
	}
	return false, nil
}

// checkRetry says whether a failure may be retried: a throttle, 5xx (but
// 501) and connection errors, never any other 4xx, and never a request the
// client itself gave up before sending. A POST is retried only when nothing
// can have been created: the connection could not be made, or the server
// refused it with a throttle in a 4xx. A throttle in a 5xx is no such
// refusal (a gateway may have passed the create on before it answered), so
// a POST so answered goes back to the caller like any 5xx, to look for
// what it may have created (see AnswerOf): a create never makes a
// duplicate.
func checkRetry(ctx context.Context, resp *http.Response, err error, throttled bool) bool {
	if ctx.Err() != nil {
		// Stop, and let the attempt's own error (which says whether the
		// request was sent) reach the caller.
		return false
	}
	if err != nil {
		var ns *notSentError
		if errors.As(err, &ns) {
			return false // the wait for a slot or the token failed: a retry would too
		}
		// DefaultRetryPolicy rules out what a retry cannot fix: bad
		// certificates, too many redirects, an invalid scheme or header.
		if retry, _ := retryablehttp.DefaultRetryPolicy(ctx, nil, err); !retry {
			return false
		}
		var ue *url.Error
		isPost := errors.As(err, &ue) && strings.EqualFold(ue.Op, http.MethodPost)
		return !isPost || neverSent(err)
	}
	post := resp.Request != nil && resp.Request.Method == http.MethodPost
	switch {
	case resp.StatusCode >= 500:
		return !post && (throttled || resp.StatusCode != http.StatusNotImplemented)
	case throttled:
		return true
	}
	return false
}

// rateLimitedError ends a request the API kept answering with throttles for
// maxThrottledWait.
type rateLimitedError struct {
	attempts int
	waited   time.Duration
	last     *APIError
}

func (e *rateLimitedError) Error() string {
	msg := fmt.Sprintf("still rate limited after %d attempts over %s: the account's request budget is being spent by other clients; try again later",
		e.attempts, e.waited.Round(time.Second))
	if e.last != nil && e.last.Message != "" {
		msg += fmt.Sprintf("; the last answer was HTTP %d: %s", e.last.StatusCode, e.last.Message)
	}
	return msg
}

// Unwrap gives the last answer, so that IsRateLimited recognises the error.
func (e *rateLimitedError) Unwrap() error {
	if e.last == nil {
		return nil
	}
	return e.last
}

// notSentError is a failure before the request was handed to the network:
// the wait for a rate-limit slot was interrupted, or no token was made, or
// a caller left a batch before it was sent (NotSent).
type notSentError struct{ err error }

// NotSent marks err as the failure of a request that never left, so
// NeverSent recognises it: nothing was changed.
func NotSent(err error) error { return &notSentError{err} }

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
// retryablehttp's exponential backoff, min·2^attempt capped at max, with
// full jitter over its upper half.
//
// Retry-After is read here rather than by retryablehttp.DefaultBackoff,
// which honours it only on a 429 or a 503, in whole seconds, against the
// wall clock and without a cap: this reading takes any status, fractions
// of a second and the client's clock, and caps at maxRetryAfter.
func backoff(min, max time.Duration, attempt int, resp *http.Response, now func() time.Time) time.Duration {
	if resp != nil {
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), now()); ok {
			return d
		}
	}
	wait := retryablehttp.DefaultBackoff(min, max, attempt, nil)
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

// retriesExhaustedError ends a request whose every attempt the retry limit
// allowed failed. err is the last attempt's error, nil when the last attempt
// had an answer (which then comes with this error).
type retriesExhaustedError struct {
	attempts int
	err      error
}

func (e *retriesExhaustedError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("gave up after %d attempts (retries exhausted)", e.attempts)
	}
	return e.err.Error()
}

func (e *retriesExhaustedError) Unwrap() error { return e.err }
