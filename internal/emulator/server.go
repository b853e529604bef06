// Package emulator is an in-memory HTTP emulator of the Kore.ai SmartAssist
// (XO Contact Center) admin API, for acceptance tests, benchmarks and demos.
//
// It is a second, independent reading of the vendor's pages: it shares no
// types with internal/client, so a field the client misreads is caught by the
// tests instead of being misread twice. It follows the pages' quirks (the
// create-agent and create-agent-group responses have no id, phoneNumber
// comes back as a JSON number, PUT replaces the whole agent document, a
// contact's stored phone number gains its country code, deleting a contact
// only marks it INACTIVE, and the create-skill response counts its agents
// instead of listing them) and adds fault injection, request counters and a
// rate limiter with a replaceable clock.
//
// Agents, contacts and the routing objects (queues, skill groups, skills and
// agent groups) are stored and changed through the API; roles and hours of
// operation are fixed seed data, and a queue's hours are read at the one
// route outside the stream's base path (hours.go). Which agents are in a queue, hold a skill
// or belong to an agent group is stored once, on the agent records, and the
// queue, skill and agent-group views are built from them, so the two sides
// always agree. The pages leave the update bodies of queues and skills
// unspecified; the emulator reads them as whole documents, so a PUT that
// leaves out agents empties the queue or takes the skill from every agent.
// Deleting a skill group that has skills, an agent group that has agents,
// the default agent group or the default queue is refused with a 400.
//
// The Campaign Management API (contact lists and their numbers, SMS and
// voice campaigns, their start/stop, status, schedules and dial results)
// is served below its own base path, /campaign/api/v2/public/{streamId}/
// (campaign_server.go); creating a campaign and starting or stopping one
// take effect over a number of reads, not of time, so tests need no
// sleep, and CampaignReadings choose the readings of its pages'
// contradictions.
//
// Where the pages are silent and the real API may answer another way,
// Config.Readings choose the reading the emulator plays (how lists read
// limit and say hasMore; the status of an unknown stream, an unknown
// account or a missing object), and SetHook lets a test interleave
// requests.
package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Credentials the emulator accepts when Config leaves them empty.
const (
	DefaultStreamID     = "st-emulator-0000-0000-0000-000000000001"
	DefaultAccountID    = "65f7d49a5dd06e2cefa45012"
	DefaultClientID     = "cs-emulator-0000-0000-0000-000000000001"
	DefaultClientSecret = "emulator-client-secret-change-me"
)

// basePath is the documented prefix of every public contact-center endpoint;
// the stream id is the next path segment.
const basePath = "/agentassist/api/v1/public/"

// unmatchedRoute is the route part of the counter key for unknown paths.
const unmatchedRoute = "<unmatched>"

// Config configures a Server. The zero value is a working emulator with the
// default credentials, the default seed, no rate limit and the real clock.
type Config struct {
	StreamID, AccountID, ClientID, ClientSecret string // defaults above when empty

	// RateLimitPerMinute is the number of accepted requests allowed in any
	// sliding 60-second window. 0 turns the limiter off. The limit is the
	// account's: one Server serves one account, so every client of it,
	// whatever process it runs in, spends the same window.
	RateLimitPerMinute int

	// ForeignShare, from 0 to 1, is the share of RateLimitPerMinute a
	// foreign consumer of the account (the vendor's UI, an integration,
	// another machine) spends, evenly and without end: that many phantom
	// requests are always in the window. Only with a rate limit.
	ForeignShare float64

	// CreateAgentReturnsID adds "id" to the create-agent response. The
	// documented sample has no id, so the default leaves it out.
	CreateAgentReturnsID bool

	// CreateAgentGroupReturnsID adds "id" to the create-agent-group
	// response. The documented sample echoes only name and description, so
	// the default leaves it out.
	CreateAgentGroupReturnsID bool

	// Readings choose how the emulator answers where the vendor's pages
	// are silent: list paging (ListLimit, ListLimitCap,
	// HasMoreOnLastPage) and the status of an unknown stream, an unknown
	// account or a missing object. The zero value is the default reading.
	// New panics when Readings.Validate fails.
	Readings

	// Seed is the initial data; nil means DefaultSeed().
	Seed *Seed

	// Now is the clock used for the rate-limit window, JWT exp checks and
	// timestamps; nil means time.Now.
	Now func() time.Time
}

// Server is the emulator. It is an http.Handler and safe for concurrent use.
type Server struct {
	cfg Config

	mu sync.Mutex

	ref refData

	// The routing objects: created, changed and deleted through the API.
	queues, skillGroups, skills, agentGroups *store

	agents     map[string]map[string]any
	agentOrder []string

	conversations     map[string]map[string]any
	conversationOrder []string // createdAt descending, ties by _id

	contacts     map[string]map[string]any
	contactOrder []string // creation order, INACTIVE contacts included

	// The Campaign Management objects (contact_lists.go, campaigns.go).
	contactLists *store
	listNumbers  map[string][]map[string]any // list id -> its numbers, in the order added
	campaigns    *store
	// campaignProgress: what the next reads of a campaign see (campaigns.go).
	campaignProgress map[string]*campaignProgress
	dialResults      map[string][]map[string]any // rows set by SetCampaignDialResults

	counts   map[string]int
	statuses map[int]int
	total    int
	// throttles counts the rate limiter's over-limit answers, whatever
	// status Readings.ThrottleStatus gives them.
	throttles int

	accepted []time.Time // rate-limit window, oldest first
	faults   []*activeFault

	readings atomic.Pointer[Readings] // in force, defaults filled in
	hook     atomic.Pointer[Hook]     // nil when no hook is set
}

// refData is the seeded reference data no endpoint changes: the org, the
// account owner, roles and hours of operation. It does not change after New.
type refData struct {
	orgID        string
	createdBy    string // the account owner's userId
	createdByAID string // the account owner's agent id
	roles        map[string]map[string]any
	hours        map[string]map[string]any
	hoursOrder   []string // seed order; the first is a seeded queue's default
}

// handlerFunc answers one API route. A nil *apiError means 200 with body.
type handlerFunc func(s *Server, r *http.Request, params map[string]string) (any, *apiError)

type routeDef struct {
	method   string
	template string
	handler  handlerFunc
}

// routes are relative to the stream base path.
var routes = []routeDef{
	{http.MethodPost, "/agents", (*Server).createAgent},
	{http.MethodGet, "/agents", (*Server).listAgents},
	{http.MethodGet, "/organizations/{orgId}/agents", (*Server).listAgents},
	{http.MethodGet, "/agents/customId/{customId}", (*Server).getAgentsByCustomID},
	{http.MethodGet, "/agents/{id}", (*Server).getAgent},
	{http.MethodPut, "/agents/{id}", (*Server).updateAgent},
	{http.MethodDelete, "/agents/{id}", (*Server).deleteAgent},
	{http.MethodGet, "/conversations", (*Server).listConversations},
	{http.MethodGet, "/conversations/{id}", (*Server).getConversation},
	{http.MethodPost, "/queues", (*Server).createQueue},
	{http.MethodGet, "/queues", (*Server).listQueues},
	{http.MethodGet, "/queues/{id}", (*Server).getQueue},
	{http.MethodPut, "/queues/{id}", (*Server).updateQueue},
	{http.MethodDelete, "/queues/{id}", (*Server).deleteQueue},
	{http.MethodPost, "/agent-groups", (*Server).createAgentGroup},
	{http.MethodGet, "/agent-groups", (*Server).listAgentGroups},
	{http.MethodGet, "/agent-groups/{id}", (*Server).getAgentGroup},
	{http.MethodPut, "/agent-groups/{id}", (*Server).updateAgentGroup},
	{http.MethodDelete, "/agent-groups/{id}", (*Server).deleteAgentGroup},
	{http.MethodPost, "/skill-groups", (*Server).createSkillGroup},
	{http.MethodGet, "/skill-groups", (*Server).listSkillGroups},
	{http.MethodGet, "/skill-groups/{id}", (*Server).getSkillGroup},
	{http.MethodPut, "/skill-groups/{id}", (*Server).updateSkillGroup},
	{http.MethodDelete, "/skill-groups/{id}", (*Server).deleteSkillGroup},
	{http.MethodPost, "/skill-groups/{skillGroupId}/skills", (*Server).createSkill},
	{http.MethodGet, "/skill-groups/{skillGroupId}/skills", (*Server).listSkills},
	{http.MethodGet, "/skill-groups/{skillGroupId}/skills/{id}", (*Server).getSkill},
	{http.MethodPut, "/skill-groups/{skillGroupId}/skills/{id}", (*Server).updateSkill},
	{http.MethodDelete, "/skill-groups/{skillGroupId}/skills/{id}", (*Server).deleteSkill},
	{http.MethodPost, "/contacts", (*Server).createContacts},
	{http.MethodGet, "/contacts", (*Server).listContacts},
	// The bulk routes come before /contacts/{id}: the first template that
	// matches names the route.
	{http.MethodPut, "/contacts/bulk-update", (*Server).bulkUpdateContacts},
	{http.MethodDelete, "/contacts/bulk-delete", (*Server).bulkDeleteContacts},
	{http.MethodPut, "/contacts/{id}", (*Server).updateContact},
	{http.MethodDelete, "/contacts/{id}", (*Server).deleteContact},
}

// New returns an emulator loaded with cfg.Seed (or the default seed). It
// panics if a seed built in Go is invalid; LoadSeed reports that as an error.
func New(cfg Config) *Server {
	if cfg.StreamID == "" {
		cfg.StreamID = DefaultStreamID
	}
	if cfg.AccountID == "" {
		cfg.AccountID = DefaultAccountID
	}
	if cfg.ClientID == "" {
		cfg.ClientID = DefaultClientID
	}
	if cfg.ClientSecret == "" {
		cfg.ClientSecret = DefaultClientSecret
	}
	if cfg.Seed == nil {
		cfg.Seed = DefaultSeed()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if err := cfg.Readings.Validate(); err != nil {
		panic("emulator: invalid readings: " + err.Error())
	}
	cfg.Readings = cfg.Readings.withDefaults()
	s := &Server{
		cfg:           cfg,
		agents:        map[string]map[string]any{},
		conversations: map[string]map[string]any{},
		contacts:      map[string]map[string]any{},
		queues:        newStore(),
		skillGroups:   newStore(),
		skills:        newStore(),
		agentGroups:   newStore(),
		contactLists:  newStore(),
		listNumbers:   map[string][]map[string]any{},
		campaigns:     newStore(),

		campaignProgress: map[string]*campaignProgress{},
		dialResults:      map[string][]map[string]any{},
		counts:           map[string]int{},
		statuses:         map[int]int{},
	}
	if err := s.load(cfg.Seed); err != nil {
		panic("emulator: invalid seed: " + err.Error())
	}
	readings := cfg.Readings
	s.readings.Store(&readings)
	return s
}

// Config returns the configuration in use, with defaults filled in and the
// readings in force.
func (s *Server) Config() Config {
	cfg := s.cfg
	cfg.Readings = s.Readings()
	return cfg
}

func (s *Server) now() time.Time { return s.cfg.Now() }

// ServeHTTP routes admin requests to /_emulator/ and everything else through
// counting, auth, the rate limiter, the hook (see SetHook) and fault
// injection to the API handlers.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, adminPrefix) {
		s.serveAdmin(w, r)
		return
	}

	m := matchRoute(r.Method, r.URL.EscapedPath())
	if !m.api {
		m = matchRootRoute(r) // hours.go: the stream is in the iId header
	}
	if !m.api {
		m = s.matchCampaignRoute(r) // campaign_server.go
	}
	s.countRequest(r.Method + " " + m.template)

	if !m.api {
		s.writeError(w, errorf(http.StatusNotFound, "Route not found: %s %s", r.Method, r.URL.Path))
		return
	}
	if e := s.authenticate(r, m.stream); e != nil {
		s.writeError(w, e)
		return
	}
	if m.accountQuery {
		if e := s.checkAccountQuery(r); e != nil {
			s.writeError(w, e)
			return
		}
	}

	f, retryAfter, limited := s.admit(r.Method, m.template)
	if limited {
		w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
		// The envelope's code stays 429 whatever status the reading sends.
		s.writeRaw(w, s.rd().ThrottleStatus, encodeJSON(envelope(rateLimitMessage, http.StatusTooManyRequests)))
		return
	}

	hook := s.hook.Load()
	callHook(hook, BeforeHandle, r.Method, m.template, m.params)
	// finish calls AfterHandle once, before the answer goes out, so that a
	// client holding its answer knows the hook has seen the request done.
	// The deferred call covers a request that ends without an answer.
	finished := false
	finish := func() {
		if !finished {
			finished = true
			callHook(hook, AfterHandle, r.Method, m.template, m.params)
		}
	}
	defer finish()

	if f != nil {
		if f.Latency > 0 {
			// Read the body first: net/http notices a client that goes away
			// only once the request body has been consumed.
			body, _ := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
			r.Body = io.NopCloser(bytes.NewReader(body))
			if !sleepCtx(r, f.Latency) {
				return // the client went away; nobody to answer
			}
		}
		if f.Status != 0 {
			if f.RetryAfter != "" {
				w.Header().Set("Retry-After", f.RetryAfter)
			}
			finish()
			s.writeError(w, errorf(f.Status, "Emulated fault: HTTP %d %s", f.Status, http.StatusText(f.Status)))
			return
		}
		if f.Drop == DropBeforeHandling {
			finish()
			dropConnection(w)
			return
		}
		if f.Body != "" && !f.BodyAfterHandling {
			finish()
			s.writeRaw(w, http.StatusOK, []byte(f.Body))
			return
		}
	}

	status, body := http.StatusOK, any(nil)
	switch {
	case m.handler == nil && m.template == unmatchedRoute:
		status, body = http.StatusNotFound, envelope("Route not found: "+r.Method+" "+r.URL.Path, http.StatusNotFound)
	case m.handler == nil:
		status, body = http.StatusMethodNotAllowed, envelope("Method Not Allowed", http.StatusMethodNotAllowed)
	default:
		out, e := m.handler(s, r, m.params)
		if e != nil {
			if e.missingObject {
				e.status = s.rd().MissingObjectStatus
			}
			if e.duplicate {
				e.status = s.rd().DuplicateStatus
			}
			status, body = e.status, envelope(e.msg, e.status)
		} else {
			body = out
		}
	}
	payload := encodeJSON(body)
	finish()

	if f != nil {
		if s.applyResponseFault(w, f, status, payload) {
			return
		}
	}
	s.writeRaw(w, status, payload)
}

// routeMatch is the outcome of matching a request path.
type routeMatch struct {
	api      bool   // under basePath with a stream segment
	stream   string // unescaped stream id
	template string // route template or unmatchedRoute
	params   map[string]string
	handler  handlerFunc // nil when the template matched but the method did not
	// accountQuery: the route's page prints ?accountId= (campaign_server.go).
	accountQuery bool
}

// matchRoute matches an escaped path. Segments are unescaped one by one, so a
// custom id holding an escaped "/" (%2F) stays one segment.
func matchRoute(method, escapedPath string) routeMatch {
	m := routeMatch{template: unmatchedRoute}
	rest, ok := strings.CutPrefix(escapedPath, basePath)
	if !ok {
		return m
	}
	segs, ok := pathSegments(rest)
	if !ok {
		return m
	}
	m.api = true
	m.stream = segs[0]
	segs = segs[1:]

	for _, rd := range routes {
		params, ok := matchTemplate(rd.template, segs)
		if !ok {
			continue
		}
		if m.template == unmatchedRoute {
			m.template, m.params = rd.template, params
		}
		if rd.method == method && rd.template == m.template {
			m.handler = rd.handler
			return m
		}
	}
	return m
}

// pathSegments splits an escaped path (without its prefix) into unescaped
// segments; an empty or badly escaped segment fails.
func pathSegments(rest string) ([]string, bool) {
	raw := strings.Split(strings.TrimSuffix(rest, "/"), "/")
	segs := make([]string, len(raw))
	for i, r := range raw {
		u, err := url.PathUnescape(r)
		if err != nil || u == "" {
			return nil, false
		}
		segs[i] = u
	}
	return segs, true
}

func matchTemplate(template string, segs []string) (map[string]string, bool) {
	parts := strings.Split(strings.TrimPrefix(template, "/"), "/")
	if len(parts) != len(segs) {
		return nil, false
	}
	params := map[string]string{}
	for i, p := range parts {
		if strings.HasPrefix(p, "{") && strings.HasSuffix(p, "}") {
			params[p[1:len(p)-1]] = segs[i]
			continue
		}
		if p != segs[i] {
			return nil, false
		}
	}
	return params, true
}

// writeRaw writes a complete JSON answer and counts its status.
func (s *Server) writeRaw(w http.ResponseWriter, status int, payload []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(payload)))
	w.WriteHeader(status)
	_, _ = w.Write(payload)
	s.countStatus(status)
}

// encodeJSON marshals without HTML escaping, so values such as custom ids
// with "<>&" come back byte for byte.
func encodeJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Every body is built from decoded JSON, so this cannot happen.
		panic("emulator: encoding response: " + err.Error())
	}
	return buf.Bytes()
}

// sleepCtx waits d, or less if the request is cancelled; it reports whether
// the full time passed.
func sleepCtx(r *http.Request, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}
