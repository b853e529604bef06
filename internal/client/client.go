// Package client is a Go SDK for the Kore.ai SmartAssist (XO Contact Center)
// public admin API. It stands on its own: any Go program can use it.
//
// One Client holds the shared machinery (authentication, a rate limiter,
// retries, error decoding) and one service per API area:
//
//	c, err := client.New(client.Config{Host: …, StreamID: …, AccountID: …, ClientID: …, ClientSecret: …})
//	agent, err := c.Agents.Get(ctx, "a-…")
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

const (
	// DefaultHost is the environment URL of Kore.ai's public cloud.
	DefaultHost = "https://platform.kore.ai"
	// DefaultRequestsPerMinute is the documented per-account limit of the
	// Contact Center APIs (Rate limits,
	// https://docs.kore.ai/ai-for-service/apis/contact-center/rate-limit-ccai).
	DefaultRequestsPerMinute = 60
	// DefaultMaxRetries is how many times a failed request is retried.
	DefaultMaxRetries = 5
	// DefaultRequestTimeout bounds one attempt of one request.
	DefaultRequestTimeout = 60 * time.Second
	// DefaultMaxResponseBytes bounds the body the client will read.
	DefaultMaxResponseBytes = 16 << 20

	basePathFormat = "/agentassist/api/v1/public/%s/"
)

// Config holds everything New needs. Host, StreamID and AccountID are
// required, and exactly one of JWT or ClientID with ClientSecret.
type Config struct {
	Host      string
	StreamID  string
	AccountID string

	// ClientID and ClientSecret are the JWT app's credentials; the client
	// mints its own short-lived tokens from them.
	ClientID     string
	ClientSecret string
	// JWT is a ready-made token, sent as it is.
	JWT string

	// RequestsPerMinute is the budget the client spreads its requests over.
	// Zero means DefaultRequestsPerMinute.
	RequestsPerMinute float64
	// MaxRetries is how many times a retryable failure is retried. Negative
	// means DefaultMaxRetries; zero disables retries.
	MaxRetries int
	// RequestTimeout bounds one attempt. Zero means DefaultRequestTimeout.
	RequestTimeout time.Duration
	// RetryWaitMin and RetryWaitMax bound the exponential backoff. Zero
	// means one second and thirty seconds.
	RetryWaitMin time.Duration
	RetryWaitMax time.Duration
	// MaxResponseBytes bounds a response body. Zero means
	// DefaultMaxResponseBytes.
	MaxResponseBytes int64

	// UserAgent is sent as User-Agent; it should name the caller and its
	// version.
	UserAgent string
	// Logger receives one line per attempt. It never receives a header.
	Logger Logger
	// Transport is the HTTP transport; nil means a clone of
	// http.DefaultTransport.
	Transport http.RoundTripper
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Sleep waits for d or until ctx is done, for a slot of the rate
	// limit; nil means a timer. Tests pair it with Now to drive time.
	Sleep func(ctx context.Context, d time.Duration) error

	// BudgetDir, when set, is a directory where the client keeps its
	// request budget in a small state file shared, under an OS file lock,
	// by every client on this machine that talks to the same Host and
	// AccountID (the name is BudgetFileName's). Their requests together
	// then keep to RequestsPerMinute. Empty means a budget of this client's
	// own. When the directory cannot hold the file, the client keeps its
	// own budget and SharedBudget says why. A budget above 6000 a minute
	// means no limit, and is not shared.
	BudgetDir string
}

// Logger receives the client's debug output. Implementations decide where
// it goes; fields never hold a secret.
type Logger interface {
	Debug(ctx context.Context, msg string, fields map[string]any)
}

// Client talks to one SmartAssist app (stream) of one account.
type Client struct {
	base      *url.URL
	host      string
	stream    string
	accountID string
	userAgent string
	maxBody   int64
	http      *retryablehttp.Client
	limiter   *Limiter
	logger    Logger
	answered  answered
	now       func() time.Time // the configured clock
	// printed remembers the routes that answer at the prefix their page
	// prints, not the campaign base path (campaign_prefix.go).
	printed printedPrefixes

	budgetFile string // the shared budget's state file, if any
	budgetErr  error  // why the budget is not shared, when it was asked to be

	Agents        *AgentsService
	Contacts      *ContactsService
	Conversations *ConversationsService
	SkillGroups   *SkillGroupsService
	Skills        *SkillsService
	AgentGroups   *AgentGroupsService
	Queues        *QueuesService
	// Campaigns read and write below the campaign base path (campaigns.go).
	Campaigns *CampaignsService
	// ContactLists are the outbound campaigns' lists, below the Campaign
	// Management API's own base path (contact_lists.go).
	ContactLists *ContactListsService

	// The Campaign Management API, below its own base path
	// (campaign_runs.go): starts and status, schedules, dial results.
	CampaignRuns      *CampaignRunsService
	CampaignSchedules *CampaignSchedulesService
	CampaignResults   *CampaignResultsService

	// HoursOfOperation reads outside the stream's base path (hours.go).
	HoursOfOperation *HoursOfOperationService
}

type service struct{ client *Client }

// New checks cfg and returns a ready client. It makes no request.
func New(cfg Config) (*Client, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	base, _ := url.Parse(strings.TrimRight(cfg.Host, "/"))
	base = base.JoinPath(fmt.Sprintf(basePathFormat, url.PathEscape(cfg.StreamID)))
	if !strings.HasPrefix(base.Path, "/") {
		base = base.JoinPath() // a host without a path gives a relative one
		base.Path = "/" + base.Path
		base.RawPath = ""
	}

	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	rpm := cfg.RequestsPerMinute
	if rpm == 0 {
		rpm = DefaultRequestsPerMinute
	}
	var tokens tokenSource
	if cfg.JWT != "" {
		tokens = staticToken(cfg.JWT)
	} else {
		tokens = &mintedTokens{clientID: cfg.ClientID, secret: []byte(cfg.ClientSecret), now: now}
	}
	c := &Client{
		base:      base,
		host:      strings.TrimRight(cfg.Host, "/"),
		stream:    cfg.StreamID,
		accountID: cfg.AccountID,
		userAgent: cfg.UserAgent,
		maxBody:   cfg.MaxResponseBytes,
		logger:    cfg.Logger,
		now:       now,
	}
	c.limiter, c.budgetFile, c.budgetErr = newClientLimiter(cfg, rpm, now)
	if c.maxBody == 0 {
		c.maxBody = DefaultMaxResponseBytes
	}
	if c.userAgent == "" {
		c.userAgent = "terraform-provider-smartassist-client"
	}
	c.http = newRetryingHTTPClient(cfg, tokens, c.limiter, c.logger)

	c.Agents = &AgentsService{client: c}
	c.Contacts = &ContactsService{client: c}
	c.Conversations = &ConversationsService{client: c}
	c.SkillGroups = &SkillGroupsService{client: c}
	c.Skills = &SkillsService{client: c}
	c.AgentGroups = &AgentGroupsService{client: c}
	c.Queues = &QueuesService{client: c}
	c.Campaigns = &CampaignsService{client: c}
	c.ContactLists = &ContactListsService{client: c}
	c.HoursOfOperation = &HoursOfOperationService{client: c}
	c.CampaignRuns = &CampaignRunsService{client: c}
	c.CampaignSchedules = &CampaignSchedulesService{client: c}
	c.CampaignResults = &CampaignResultsService{client: c}
	return c, nil
}

func (cfg Config) validate() error {
	var problems []string
	if cfg.Host == "" {
		problems = append(problems, "host is required")
	} else if !IsHTTPURL(cfg.Host) {
		problems = append(problems, fmt.Sprintf("host %q is not an http(s) URL", cfg.Host))
	} else if IsInsecureRemote(cfg.Host) {
		problems = append(problems, fmt.Sprintf("host %q is plain http:// to an address that is not loopback; use https://", cfg.Host))
	}
	if cfg.StreamID == "" {
		problems = append(problems, "stream id is required")
	}
	if cfg.AccountID == "" {
		problems = append(problems, "account id is required")
	}
	switch {
	case cfg.JWT != "" && (cfg.ClientID != "" || cfg.ClientSecret != ""):
		problems = append(problems, "give either a JWT or a client id and secret, not both")
	case cfg.JWT == "" && (cfg.ClientID == "" || cfg.ClientSecret == ""):
		problems = append(problems, "give a JWT, or both a client id and a client secret")
	}
	if cfg.RequestsPerMinute < 0 {
		problems = append(problems, "requests per minute must not be negative")
	}
	if cfg.RequestTimeout < 0 {
		problems = append(problems, "request timeout must not be negative")
	}
	if len(problems) > 0 {
		return errors.New("invalid client configuration: " + strings.Join(problems, "; "))
	}
	return nil
}

func (c *Client) streamID() string { return c.stream }

// IsHTTPURL reports whether host is an absolute http or https URL, which is
// what Config.Host must be.
func IsHTTPURL(host string) bool {
	u, err := url.Parse(host)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// IsInsecureRemote reports whether host is a plain http:// URL to an
// address other than loopback (localhost, 127.0.0.0/8, ::1): one that would
// carry the token and the account's data unencrypted across a network.
func IsInsecureRemote(host string) bool {
	u, err := url.Parse(host)
	if err != nil || !strings.EqualFold(u.Scheme, "http") {
		return false
	}
	name := u.Hostname()
	ip := net.ParseIP(name)
	return !strings.EqualFold(name, "localhost") && (ip == nil || !ip.IsLoopback())
}

// BaseURL is the root every path of this client is resolved against.
func (c *Client) BaseURL() string { return c.base.String() }

// newRequest builds a request for path, relative to the stream's base URL.
// body, when not nil, is sent as JSON.
func (c *Client) newRequest(ctx context.Context, method, path string, query url.Values, body any) (*retryablehttp.Request, error) {
	u := c.base.JoinPath(path)
	if len(query) > 0 {
		u.RawQuery = query.Encode()
	}
	var payload any
	if body != nil {
		buf, err := json.Marshal(body)
		if err != nil {
			return nil, fmt.Errorf("%s %s: encoding the request body: %w", method, path, err)
		}
		payload = buf
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, method, u.String(), payload)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", method, path, err)
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("accountId", c.accountID)
	req.Header.Set("User-Agent", c.userAgent)
	return req, nil
}

// send sends req and decodes a 2xx JSON answer into v (when v is not nil).
// A non-2xx answer becomes an *APIError, a body that cannot be used a
// *DecodeError.
func (c *Client) send(req *retryablehttp.Request, v any) error {
	method, path := req.Method, c.displayPath(req.URL)
	resp, err := c.http.Do(req.WithContext(withAttemptRecord(req.Context())))
	var exhausted *retriesExhaustedError
	if resp != nil && errors.As(err, &exhausted) {
		err = nil // the last answer of exhausted retries: decoded below
	}
	if err != nil {
		return c.transportError(req.Context(), method, path, err)
	}
	defer resp.Body.Close()

	body, err := io.ReadAll(io.LimitReader(resp.Body, c.maxBody+1))
	if err != nil {
		return &DecodeError{Method: method, Path: path, Reason: "reading the response body", Err: err}
	}
	if int64(len(body)) > c.maxBody {
		return &DecodeError{Method: method, Path: path, Reason: fmt.Sprintf("the response body is larger than the %d-byte limit; refusing to read it", c.maxBody)}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		apiErr := newAPIError(method, path, resp.StatusCode, body)
		if exhausted != nil {
			apiErr.Attempts, apiErr.RetriesExhausted = exhausted.attempts, true
		}
		return apiErr
	}
	c.answered.mark(collectionOf(path))
	if v == nil {
		return nil
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return &DecodeError{Method: method, Path: path, Reason: "the response is empty where a JSON document was expected"}
	}
	if err := json.Unmarshal(body, v); err != nil {
		return &DecodeError{Method: method, Path: path, Reason: "the response is not the JSON this endpoint documents", Err: err}
	}
	return nil
}

// displayPath is the path relative to the stream base, with its query: what
// errors show. It holds no secret.
func (c *Client) displayPath(u *url.URL) string {
	p := strings.TrimPrefix(u.EscapedPath(), strings.TrimSuffix(c.base.EscapedPath(), "/"))
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return p
}

func (c *Client) transportError(ctx context.Context, method, path string, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
		return fmt.Errorf("%s %s: %w (%w)", method, path, ctxErr, err)
	}
	var exhausted *retriesExhaustedError
	if errors.As(err, &exhausted) {
		return fmt.Errorf("%s %s: gave up after %d attempts (retries exhausted); last error: %w", method, path, exhausted.attempts, exhausted)
	}
	return fmt.Errorf("%s %s: %w", method, path, err)
}

// segment escapes an id for use as one path segment. "", "." and ".." are
// refused without a request: joined to the path they would name the parent
// collection (or the stream) and read the wrong endpoint.
func segment(kind, id string) (string, error) {
	if id == "" || id == "." || id == ".." {
		return "", fmt.Errorf("%q is not a valid %s id", id, kind)
	}
	return url.PathEscape(id), nil
}

// do is the three lines every service method shares.
func (c *Client) do(ctx context.Context, method, path string, query url.Values, body, out any) error {
	req, err := c.newRequest(ctx, method, path, query, body)
	if err != nil {
		return err
	}
	return c.send(req, out)
}

// SharedBudget is the state file of the request budget this client shares
// with the other clients of its host and account on this machine. It is
// empty when the budget is the client's own; err then says why, when
// Config.BudgetDir asked for a shared one.
func (c *Client) SharedBudget() (file string, err error) { return c.budgetFile, c.budgetErr }
