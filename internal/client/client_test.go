package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/hashicorp/go-retryablehttp"
)

const (
	testClientID     = "cs-11111111-2222-3333-4444-555555555555"
	testClientSecret = "s3cr3t-value-that-must-never-leak"
	testStream       = "st-test"
	testAccount      = "acct-1"
)

// newTestClient points a client at handler with fast retries.
func newTestClient(t *testing.T, handler http.Handler, mutate ...func(*Config)) (*Client, *httptest.Server) {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	cfg := Config{
		Host: srv.URL, StreamID: testStream, AccountID: testAccount,
		ClientID: testClientID, ClientSecret: testClientSecret,
		RequestsPerMinute: 60000, MaxRetries: 3,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond,
		UserAgent: "test-agent/1.0",
	}
	for _, m := range mutate {
		m(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c, srv
}

func TestMintedJWTClaimsAndSignature(t *testing.T) {
	var mu sync.Mutex
	var tokens []string
	var headers []http.Header
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		tokens = append(tokens, r.Header.Get("auth"))
		headers = append(headers, r.Header.Clone())
		mu.Unlock()
		fmt.Fprint(w, `{"id":"a-1","emailId":"x@example.com"}`)
	}))
	for i := 0; i < 2; i++ {
		if _, err := c.Agents.Get(context.Background(), "a-1"); err != nil {
			t.Fatal(err)
		}
	}
	jtis := map[string]bool{}
	for i, raw := range tokens {
		if strings.HasPrefix(raw, "Bearer") {
			t.Fatalf("auth header has a Bearer prefix: %q", raw)
		}
		claims := jwt.MapClaims{}
		tok, err := jwt.ParseWithClaims(raw, claims, func(tk *jwt.Token) (any, error) {
			return []byte(testClientSecret), nil
		}, jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired(), jwt.WithIssuedAt())
		if err != nil || !tok.Valid {
			t.Fatalf("token %d does not verify with the client secret as HS256: %v", i, err)
		}
		if claims["appId"] != testClientID {
			t.Errorf("appId = %v, want %s", claims["appId"], testClientID)
		}
		if claims["sub"] == "" || claims["sub"] == nil {
			t.Errorf("sub is missing")
		}
		iat, _ := claims.GetIssuedAt()
		exp, _ := claims.GetExpirationTime()
		if life := exp.Sub(iat.Time); life <= 0 || life > time.Hour {
			t.Errorf("exp is %s after iat, want (0, 1h]", life)
		}
		jti, _ := claims["jti"].(string)
		if jti == "" || jtis[jti] {
			t.Errorf("jti %q is empty or reused", jti)
		}
		jtis[jti] = true

		h := headers[i]
		for name, want := range map[string]string{
			"accountId": testAccount, "Accept": "application/json", "User-Agent": "test-agent/1.0",
		} {
			if got := h.Get(name); got != want {
				t.Errorf("header %s = %q, want %q", name, got, want)
			}
		}
	}
}

func TestStaticJWTIsSentAsIs(t *testing.T) {
	var got atomic.Value
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.Store(r.Header.Get("auth"))
		fmt.Fprint(w, `{"id":"a-1","emailId":"x@example.com"}`)
	}), func(cfg *Config) { cfg.ClientID, cfg.ClientSecret, cfg.JWT = "", "", "eyJ.static.token" })
	if _, err := c.Agents.Get(context.Background(), "a-1"); err != nil {
		t.Fatal(err)
	}
	if got.Load() != "eyJ.static.token" {
		t.Fatalf("auth = %v", got.Load())
	}
}

func TestRequestURLAndBody(t *testing.T) {
	var path, query, ctype, body string
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path, query, ctype = r.URL.Path, r.URL.RawQuery, r.Header.Get("Content-Type")
		b, _ := io.ReadAll(r.Body)
		body = string(b)
		fmt.Fprint(w, `{"id":"a-9","emailId":"x@example.com"}`)
	}))
	_, err := c.Agents.Create(context.Background(), &AgentRequest{EmailID: String("x@example.com"), FirstName: String("X")})
	if err != nil {
		t.Fatal(err)
	}
	if path != "/agentassist/api/v1/public/st-test/agents" || query != "" {
		t.Errorf("path = %s?%s", path, query)
	}
	if ctype != "application/json" {
		t.Errorf("Content-Type = %q", ctype)
	}
	if body != `{"emailId":"x@example.com","firstName":"X"}` {
		t.Errorf("body = %s", body)
	}
}

func TestServerErrorIsRetriedThenSucceeds(t *testing.T) {
	var calls atomic.Int32
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch calls.Add(1) {
		case 1:
			w.WriteHeader(http.StatusServiceUnavailable)
		case 2:
			w.WriteHeader(http.StatusBadGateway)
		default:
			fmt.Fprint(w, `{"id":"a-1","emailId":"x@example.com","firstName":"Ann"}`)
		}
	}))
	a, err := c.Agents.Get(context.Background(), "a-1")
	if err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 3 || a.FirstName != "Ann" {
		t.Fatalf("calls = %d, firstName = %q", calls.Load(), a.FirstName)
	}
}

func TestClientErrorIsNotRetried(t *testing.T) {
	for _, status := range []int{400, 401, 403, 404, 409, 412} {
		var calls atomic.Int32
		c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			calls.Add(1)
			w.WriteHeader(status)
			fmt.Fprintf(w, `{"errors":[{"msg":"nope %d","code":%d}]}`, status, status)
		}))
		_, err := c.Agents.Get(context.Background(), "a-1")
		var apiErr *APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != status || apiErr.Message != fmt.Sprintf("nope %d", status) {
			t.Fatalf("status %d: err = %v", status, err)
		}
		if calls.Load() != 1 {
			t.Errorf("status %d was sent %d times, want 1", status, calls.Load())
		}
	}
}

func TestExhaustedRetriesSayHowManyAttemptsAndTheLastAnswer(t *testing.T) {
	var calls atomic.Int32
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(http.StatusGatewayTimeout)
		fmt.Fprint(w, `{"errors":[{"msg":"upstream timed out","code":504}]}`)
	}), func(cfg *Config) { cfg.MaxRetries = 2 })
	_, err := c.Agents.Get(context.Background(), "a-1")
	if calls.Load() != 3 {
		t.Fatalf("calls = %d, want 3", calls.Load())
	}
	want := "GET /agents/a-1: gave up after 3 attempts (retries exhausted); the last answer was HTTP 504 Gateway Timeout: upstream timed out"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("err = %v\nwant it to contain %q", err, want)
	}
}

func TestRetryAfterIsHonoured(t *testing.T) {
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	resp := &http.Response{Header: http.Header{}}

	resp.Header.Set("Retry-After", "7")
	if d := backoff(time.Millisecond, time.Millisecond, 0, resp, clock); d != 7*time.Second {
		t.Errorf("Retry-After: 7 gave %s", d)
	}
	resp.Header.Set("Retry-After", now.Add(12*time.Second).Format(http.TimeFormat))
	if d := backoff(time.Millisecond, time.Millisecond, 0, resp, clock); d != 12*time.Second {
		t.Errorf("Retry-After as an HTTP date gave %s", d)
	}
	resp.Header.Set("Retry-After", "86400")
	if d := backoff(time.Millisecond, time.Millisecond, 0, resp, clock); d != maxRetryAfter {
		t.Errorf("a day of Retry-After gave %s, want the cap %s", d, maxRetryAfter)
	}
	resp.Header.Del("Retry-After")
	for attempt := 0; attempt < 6; attempt++ {
		d := backoff(100*time.Millisecond, time.Second, attempt, resp, clock)
		ceiling := 100 * time.Millisecond << attempt
		if ceiling > time.Second {
			ceiling = time.Second
		}
		if d < ceiling/2 || d > ceiling {
			t.Errorf("attempt %d: backoff %s outside [%s, %s]", attempt, d, ceiling/2, ceiling)
		}
	}
}

func TestRetryAfterDelaysTheRetry(t *testing.T) {
	var calls atomic.Int32
	var first, second time.Time
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			first = time.Now()
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprint(w, `{"errors":[{"msg":"You've exceeded the per-minute rate limit. Please wait for sometime before retrying.","code":429}]}`)
			return
		}
		second = time.Now()
		fmt.Fprint(w, `{"id":"a-1","emailId":"x@example.com"}`)
	}))
	if _, err := c.Agents.Get(context.Background(), "a-1"); err != nil {
		t.Fatal(err)
	}
	if gap := second.Sub(first); gap < 950*time.Millisecond {
		t.Fatalf("retried after %s, before the 1s Retry-After", gap)
	}
}

func TestPOSTThatReachedTheServerIsNotRetried(t *testing.T) {
	var calls atomic.Int32
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			calls.Add(1)
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close() // the request arrived; the answer never does
			}
			return
		}
		// The reconciling lookup finds nothing.
		fmt.Fprint(w, `{"results":[],"hasMore":false,"totalPages":1}`)
	}))
	_, err := c.Agents.Create(context.Background(), &AgentRequest{EmailID: String("new@example.com")})
	if err == nil {
		t.Fatal("want an error")
	}
	if calls.Load() != 1 {
		t.Fatalf("POST sent %d times, want 1", calls.Load())
	}
	if !strings.Contains(err.Error(), "no agent with the email new@example.com exists afterwards") {
		t.Errorf("err = %v", err)
	}
}

func TestPOSTIsRetriedOn429AndNotOn503(t *testing.T) {
	for _, tc := range []struct {
		status int
		want   int32
	}{{http.StatusTooManyRequests, 2}, {http.StatusServiceUnavailable, 1}} {
		var posts atomic.Int32
		c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodPost {
				fmt.Fprint(w, `{"results":[],"totalPages":1}`)
				return
			}
			if posts.Add(1) == 1 {
				w.WriteHeader(tc.status)
				return
			}
			fmt.Fprint(w, `{"id":"a-2","emailId":"x@example.com"}`)
		}))
		_, _ = c.Agents.Create(context.Background(), &AgentRequest{EmailID: String("x@example.com")})
		if posts.Load() != tc.want {
			t.Errorf("status %d: POST sent %d times, want %d", tc.status, posts.Load(), tc.want)
		}
	}
}

func TestPOSTIsRetriedWhenTheConnectionCouldNotBeMade(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	addr := srv.URL
	srv.Close() // nothing listens there now
	c, err := New(Config{Host: addr, StreamID: "s", AccountID: "a", JWT: "t", MaxRetries: 2,
		RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond, RequestsPerMinute: 60000})
	if err != nil {
		t.Fatal(err)
	}
	var calls atomic.Int32
	c.http.RequestLogHook = func(_ retryablehttp.Logger, _ *http.Request, _ int) { calls.Add(1) }
	_, err = c.Agents.Create(context.Background(), &AgentRequest{EmailID: String("x@example.com")})
	if calls.Load() != 3 {
		t.Fatalf("attempts = %d, want 3 (dial errors are provably unsent)", calls.Load())
	}
	if err == nil || !strings.Contains(err.Error(), "gave up after 3 attempts") {
		t.Fatalf("err = %v", err)
	}
}

func TestErrorEnvelopeIsDecoded(t *testing.T) {
	e := newAPIError("GET", "/agents/a-1", 401, []byte(`{"errors":[{"msg":"Invalid SDK credentials","code":4002},{"msg":"second","code":1}]}`))
	if e.Code != 4002 || e.Message != "Invalid SDK credentials; second" || e.StatusCode != 401 {
		t.Fatalf("%+v", e)
	}
	if !IsUnauthorized(e) || strings.Contains(e.Error(), "provider") {
		t.Errorf("a 401 is IsUnauthorized, and its text speaks of HTTP and the API, not of a provider: %s", e.Error())
	}
	plain := newAPIError("GET", "/x", 502, []byte("<html>Bad Gateway</html>"))
	if plain.Message != "<html>Bad Gateway</html>" || plain.Code != 0 {
		t.Fatalf("%+v", plain)
	}
	long := newAPIError("GET", "/x", 500, []byte(strings.Repeat("y", 5000)))
	if len(long.Message) > maxErrorText+5 {
		t.Errorf("a long body is quoted whole (%d bytes)", len(long.Message))
	}
}

func TestErrorClassification(t *testing.T) {
	cases := []struct {
		err                        *APIError
		notFound, limited, conflic bool
	}{
		{&APIError{StatusCode: 404}, true, false, false},
		// Message text never classifies: a 400 that says "not found" (a
		// mistyped stream, say) is not a 404, and "already exists" is not
		// a 409.
		{&APIError{StatusCode: 400, Message: "Agent not found"}, false, false, false},
		{&APIError{StatusCode: 500, Message: "not found"}, false, false, false},
		{&APIError{StatusCode: 429}, false, true, false},
		{&APIError{StatusCode: 400, Message: "You've exceeded the per-minute rate limit."}, false, true, false},
		{&APIError{StatusCode: 409}, false, false, true},
		{&APIError{StatusCode: 400, Message: "emailId already exists"}, false, false, false},
	}
	for i, tc := range cases {
		wrapped := fmt.Errorf("wrapped: %w", tc.err)
		if IsNotFound(wrapped) != tc.notFound || IsRateLimited(wrapped) != tc.limited || IsConflict(wrapped) != tc.conflic {
			t.Errorf("case %d (%+v): notFound=%v limited=%v conflict=%v", i, tc.err, IsNotFound(wrapped), IsRateLimited(wrapped), IsConflict(wrapped))
		}
	}
	if IsNotFound(errors.New("404 not found")) {
		t.Error("a plain error must not be classified by its text")
	}
	for status, want := range map[int]bool{400: true, 404: true, 409: true, 499: true, 500: false, 502: false, 302: false} {
		if got := IsClientError(fmt.Errorf("w: %w", &APIError{StatusCode: status})); got != want {
			t.Errorf("IsClientError(%d) = %v, want %v", status, got, want)
		}
	}
	if IsClientError(errors.New("400 bad request")) {
		t.Error("a transport error is not a refusal")
	}
}

func TestOversizedBodyIsRefused(t *testing.T) {
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"id":"a-1","emailId":"x@example.com","pad":"%s"}`, strings.Repeat("x", 4096))
	}), func(cfg *Config) { cfg.MaxResponseBytes = 1024 })
	_, err := c.Agents.Get(context.Background(), "a-1")
	var de *DecodeError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "GET /agents/a-1") || !strings.Contains(err.Error(), "1024-byte limit") {
		t.Fatalf("err = %v", err)
	}
}

func TestMalformedBodyNamesTheEndpoint(t *testing.T) {
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"id":"a-1","firstName":`)
	}))
	_, err := c.Agents.Get(context.Background(), "a-1")
	var de *DecodeError
	if !errors.As(err, &de) || !strings.HasPrefix(err.Error(), "GET /agents/a-1: ") {
		t.Fatalf("err = %v", err)
	}
}

func TestContextCancellationStopsRetries(t *testing.T) {
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Agents.Get(ctx, "a-1")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Fatalf("took %s to stop", time.Since(start))
	}
}

type captureLogger struct {
	mu    sync.Mutex
	lines []string
}

func (l *captureLogger) Debug(_ context.Context, msg string, fields map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf("%s %v", msg, fields))
}

func TestSecretsNeverReachLogsOrErrors(t *testing.T) {
	var seen atomic.Value
	logger := &captureLogger{}
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen.Store(r.Header.Get("auth"))
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"errors":[{"msg":"Invalid JWT token","code":4002}]}`)
	}), func(cfg *Config) { cfg.Logger = logger })
	_, err := c.Agents.Get(context.Background(), "a-1")
	if err == nil {
		t.Fatal("want an error")
	}
	token, _ := seen.Load().(string)
	if token == "" {
		t.Fatal("no token was sent")
	}
	texts := append([]string{err.Error(), fmt.Sprintf("%+v", err)}, logger.lines...)
	if len(logger.lines) < 2 {
		t.Fatalf("expected request and response log lines, got %v", logger.lines)
	}
	for _, text := range texts {
		for _, secret := range []string{testClientSecret, token} {
			if strings.Contains(text, secret) {
				t.Fatalf("a secret leaked into %q", text)
			}
		}
	}
	if _, err := New(Config{Host: "://bad", StreamID: "s", AccountID: "a", ClientID: "c", ClientSecret: testClientSecret}); err == nil || strings.Contains(err.Error(), testClientSecret) {
		t.Fatalf("config error leaks or is missing: %v", err)
	}
}

func TestConfigValidation(t *testing.T) {
	base := Config{Host: "https://platform.kore.ai", StreamID: "s", AccountID: "a"}
	cases := map[string]struct {
		mut  func(*Config)
		want string
	}{
		"no auth":   {func(c *Config) {}, "give a JWT, or both a client id and a client secret"},
		"both":      {func(c *Config) { c.JWT, c.ClientID, c.ClientSecret = "j", "i", "s" }, "not both"},
		"bad host":  {func(c *Config) { c.JWT, c.Host = "j", "ftp://x" }, `host "ftp://x" is not an http(s) URL`},
		"neg rate":  {func(c *Config) { c.JWT, c.RequestsPerMinute = "j", -1 }, "must not be negative"},
		"no stream": {func(c *Config) { c.JWT, c.StreamID = "j", "" }, "stream id is required"},
	}
	for name, tc := range cases {
		cfg := base
		tc.mut(&cfg)
		_, err := New(cfg)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", name, err, tc.want)
		}
	}
}
