package client

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"time"
)

// maxThrottleBody bounds how much of an error answer the transport reads to
// tell a throttle from another refusal. The documented error envelope with
// the rate-limit message is about a hundred bytes.
const maxThrottleBody = 4096

// throttleOf says whether resp is a throttle (see isThrottle) and, when it
// is, the Retry-After it gave (zero when none). A 429 is one whatever its
// body; any other error status is one only when its body carries the
// envelope's code 429 or the documented message, so its start is read, at most maxThrottleBody bytes,
// and put back: the caller reads the whole body as it came.
func throttleOf(resp *http.Response, now time.Time) (bool, time.Duration) {
	if resp.StatusCode < 400 {
		return false, 0
	}
	throttled := resp.StatusCode == http.StatusTooManyRequests
	if !throttled && resp.Body != nil && resp.Body != http.NoBody {
		head, err := io.ReadAll(io.LimitReader(resp.Body, maxThrottleBody))
		rest := io.Reader(resp.Body)
		if err != nil {
			rest = &failedReader{err}
		}
		resp.Body = &replayedBody{Reader: io.MultiReader(bytes.NewReader(head), rest), Closer: resp.Body}
		throttled = isThrottle(newAPIError("", "", resp.StatusCode, head))
	}
	if !throttled {
		return false, 0
	}
	retryAfter, _ := parseRetryAfter(resp.Header.Get("Retry-After"), now)
	return true, retryAfter
}

// replayedBody is a body whose start was read ahead and is given back
// first.
type replayedBody struct {
	io.Reader
	io.Closer
}

// failedReader repeats the error that ended a read ahead.
type failedReader struct{ err error }

func (r *failedReader) Read([]byte) (int, error) { return 0, r.err }

// markThrottled records on the attempt record of ctx, if any, whether the
// attempt now answered was a throttle: the retry policy and the backoff
// read it there, so the answer is classified once, where it arrives.
func markThrottled(ctx context.Context, throttled bool) {
	if rec, _ := ctx.Value(attemptRecordKey{}).(*attemptRecord); rec != nil {
		rec.throttled = throttled
	}
}

// wasThrottled reports whether the attempt that ctx belongs to was last
// answered with a throttle.
func wasThrottled(ctx context.Context) bool {
	rec, _ := ctx.Value(attemptRecordKey{}).(*attemptRecord)
	return rec != nil && rec.throttled
}
