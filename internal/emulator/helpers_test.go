package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// fakeClock is a settable clock for Config.Now.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2025, 8, 5, 6, 42, 6, 414_000_000, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// signToken builds a JWT the way the page "API Introduction" says to
// (https://docs.kore.ai/ai-for-service/apis/automation/api-introduction#generating-the-jwt-token).
func signToken(t *testing.T, method jwt.SigningMethod, key any, claims jwt.MapClaims) string {
	t.Helper()
	tok, err := jwt.NewWithClaims(method, claims).SignedString(key)
	if err != nil {
		t.Fatalf("signing token: %v", err)
	}
	return tok
}

func validToken(t *testing.T) string {
	return signToken(t, jwt.SigningMethodHS256, []byte(DefaultClientSecret),
		jwt.MapClaims{"sub": "1234567890", "appId": DefaultClientID})
}

// harness runs a Server behind a real HTTP listener.
type harness struct {
	t     *testing.T
	srv   *Server
	ts    *httptest.Server
	token string
}

func newHarness(t *testing.T, cfg Config) *harness {
	t.Helper()
	srv := New(cfg)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &harness{t: t, srv: srv, ts: ts, token: validToken(t)}
}

// apiPath is the full path of a route relative to the stream base.
func apiPath(rel string) string { return basePath + DefaultStreamID + rel }

type response struct {
	status int
	header http.Header
	body   []byte
}

// request sends a request with the given headers (nil values delete the
// default ones).
func (h *harness) request(method, path string, body any, headers map[string]*string) (*response, error) {
	h.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			h.t.Fatalf("encoding body: %v", err)
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, h.ts.URL+path, rd)
	if err != nil {
		h.t.Fatalf("building request: %v", err)
	}
	req.Header.Set("auth", h.token)
	req.Header.Set("accountId", DefaultAccountID)
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		if v == nil {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, *v)
		}
	}
	res, err := h.ts.Client().Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	return &response{status: res.StatusCode, header: res.Header, body: data}, nil
}

// do sends an authenticated API request and fails the test on a transport
// error.
func (h *harness) do(method, rel string, body any) *response {
	h.t.Helper()
	res, err := h.request(method, apiPath(rel), body, nil)
	if err != nil {
		h.t.Fatalf("%s %s: %v", method, rel, err)
	}
	return res
}

func ptr(s string) *string { return &s }

// object decodes an object body after checking the status.
func (r *response) object(t *testing.T, status int) map[string]any {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body %s", r.status, status, r.body)
	}
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v; body %s", err, r.body)
	}
	return m
}

// errorMsg checks the status, the content type and the documented envelope,
// and returns the message.
func (r *response) errorMsg(t *testing.T, status int) string {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body %s", r.status, status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", ct)
	}
	var env struct {
		Errors []struct {
			Msg  string `json:"msg"`
			Code int    `json:"code"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(r.body, &env); err != nil || len(env.Errors) != 1 {
		t.Fatalf("body is not the error envelope: %v; body %s", err, r.body)
	}
	if env.Errors[0].Code != status {
		t.Errorf("envelope code = %d, want %d", env.Errors[0].Code, status)
	}
	return env.Errors[0].Msg
}

// newAgentBody is a valid create-agent body for email.
func newAgentBody(email string) map[string]any {
	return map[string]any{
		"emailId":   email,
		"firstName": "Nova",
		"lastName":  "Agent",
		"roleId":    agentRoleID,
	}
}

// Seeded ids used across tests.
const (
	agentRoleID    = "67654be356840f366e79aaaa"
	defaultGroupID = "ag-7d1c2e3-4b5a-4c6d-8e9f-0a1b2c3d4e5f"
	tier1GroupID   = "ag-2f8e9d0-6c7b-4a3e-9d1c-5b6a7f8e9d0c"
	defaultQueueID = "qu-241a4d7-e5d0-45a9-8032-8238450501c2"
	supportQueueID = "qu-5a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b"
	defaultSkillID = "633ffac608f3a07459939a1f"
	spanishSkillID = "633ffac608f3a07459939a2a"
	mariaID        = "a-5892576-bb12-461b-a58a-637d1d21c0de"
	adminID        = "a-0d4c3b2-1a09-4f8e-9d7c-6b5a4f3e2d1c"
	sampleConvID   = "c-3c04346-e522-4c53-9e03-c9566d859aad"

	salesQueueID        = "qu-6b2c3d4-e5f6-4a71-9b8c-0d1e2f3a4b5c"
	billingQueueID      = "qu-7c3d4e5-f6a7-4b82-8c9d-1e2f3a4b5c6d"
	defaultSkillGroupID = "633ffac608f3a07459939a10"
	languagesGroupID    = "633ffac608f3a07459939a20"
	frenchSkillID       = "633ffac608f3a07459939a2b"
	billingSkillID      = "633ffac608f3a07459939a1e"
	defaultHoursID      = "6346a1b2c3d4e5f601234567"
	allDayHoursID       = "6346a1b2c3d4e5f601234568"
	adminUserID         = "u-e454bed4-1f28-5a19-83bb-b29cc2370a11"
	mariaUserID         = "u-4bd33510-057b-505b-820d-7de708160b22"
	seededAgents        = 2
	seededConvCount     = 46
)

// createAgent creates an agent through the API and returns its stored record.
func (h *harness) createAgent(body map[string]any) map[string]any {
	h.t.Helper()
	h.do(http.MethodPost, "/agents", body).object(h.t, http.StatusOK)
	doc, ok := h.srv.AgentByEmail(body["emailId"].(string))
	if !ok {
		h.t.Fatalf("agent %s not stored", body["emailId"])
	}
	return doc
}

func jsonReader(b []byte) io.Reader { return bytes.NewReader(b) }

func decodeJSON(b []byte, v any) error { return json.Unmarshal(b, v) }

// results returns the results of a list answer after checking its paging
// members: page (or skip, for lists that answer skip), limit, hasMore,
// totalPages and totalResults.
func (r *response) results(t *testing.T, pageKey string, page, limit int, hasMore bool, totalPages, totalResults int) []any {
	t.Helper()
	body := r.object(t, http.StatusOK)
	got := []any{body[pageKey], body["limit"], body["hasMore"], body["totalPages"], body["totalResults"]}
	want := []any{float64(page), float64(limit), hasMore, float64(totalPages), float64(totalResults)}
	for i, k := range []string{pageKey, "limit", "hasMore", "totalPages", "totalResults"} {
		if got[i] != want[i] {
			t.Errorf("%s = %v, want %v", k, got[i], want[i])
		}
	}
	results, ok := body["results"].([]any)
	if !ok {
		t.Fatalf("results = %v", body["results"])
	}
	return results
}

// ids returns the "id" of each object of a list.
func ids(list []any) []string {
	out := make([]string, len(list))
	for i, e := range list {
		out[i], _ = e.(map[string]any)["id"].(string)
	}
	return out
}
