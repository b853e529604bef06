package emulator

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestFaultStatusThenNormal(t *testing.T) {
	h := newHarness(t, Config{})
	h.srv.InjectFault(Fault{Method: "GET", Route: "/agents/{id}", Count: 2, Status: 503, RetryAfter: "7"})

	// A request on another route is untouched and does not consume the fault.
	h.do(http.MethodGet, "/agents", nil).object(t, http.StatusOK)

	for i := range 2 {
		res := h.do(http.MethodGet, "/agents/"+mariaID, nil)
		msg := res.errorMsg(t, http.StatusServiceUnavailable)
		if msg != "Emulated fault: HTTP 503 Service Unavailable" {
			t.Fatalf("try %d: msg = %q", i, msg)
		}
		if ra := res.header.Get("Retry-After"); ra != "7" {
			t.Fatalf("try %d: Retry-After = %q, want 7", i, ra)
		}
	}
	h.do(http.MethodGet, "/agents/"+mariaID, nil).object(t, http.StatusOK)
	if got := h.srv.StatusCounts()[503]; got != 2 {
		t.Fatalf("503 count = %d, want 2", got)
	}
}

func TestFaultQueueOrderAndClear(t *testing.T) {
	h := newHarness(t, Config{})
	h.srv.InjectFault(Fault{Status: 500})                // any request
	h.srv.InjectFault(Fault{Method: "GET", Status: 502}) // next GET
	h.do(http.MethodGet, "/agents", nil).errorMsg(t, 500)
	h.do(http.MethodGet, "/agents", nil).errorMsg(t, 502)
	h.do(http.MethodGet, "/agents", nil).object(t, 200)

	h.srv.InjectFault(Fault{Status: 500, Count: 5})
	h.srv.ClearFaults()
	h.do(http.MethodGet, "/agents", nil).object(t, 200)
}

func TestFaultStatusDoesNotHandle(t *testing.T) {
	h := newHarness(t, Config{})
	h.srv.InjectFault(Fault{Route: "/agents", Method: "POST", Status: 500})
	h.do(http.MethodPost, "/agents", newAgentBody("fault.status@example.com")).errorMsg(t, 500)
	if _, ok := h.srv.AgentByEmail("fault.status@example.com"); ok {
		t.Fatal("a status fault must not create the agent")
	}
}

func TestFaultLatency(t *testing.T) {
	h := newHarness(t, Config{})
	h.srv.InjectFault(Fault{Route: "/agents", Latency: 30 * time.Millisecond})
	start := time.Now()
	h.do(http.MethodGet, "/agents", nil).object(t, http.StatusOK)
	if d := time.Since(start); d < 30*time.Millisecond {
		t.Fatalf("answered after %v, want at least 30ms", d)
	}

	// A cancelled request ends the sleep and is not handled.
	h.srv.InjectFault(Fault{Route: "/agents", Method: "POST", Latency: 10 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	data, _ := json.Marshal(newAgentBody("slow@example.com"))
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, h.ts.URL+apiPath("/agents"), strings.NewReader(string(data)))
	req.Header.Set("auth", h.token)
	req.Header.Set("accountId", DefaultAccountID)
	start = time.Now()
	_, err := h.ts.Client().Do(req)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("cancel took %v", d)
	}
	// Close waits for running handlers: it returns quickly only if the
	// sleeping handler saw the cancellation. After it, nothing runs, so the
	// agent check is final.
	start = time.Now()
	h.ts.Close()
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("the handler kept sleeping after the client went away (%v)", d)
	}
	if _, ok := h.srv.AgentByEmail("slow@example.com"); ok {
		t.Fatal("a cancelled request was handled")
	}
}

func TestFaultDropBeforeHandling(t *testing.T) {
	h := newHarness(t, Config{})
	h.srv.InjectFault(Fault{Method: "POST", Route: "/agents", Drop: DropBeforeHandling})
	_, err := h.request(http.MethodPost, apiPath("/agents"), newAgentBody("drop.before@example.com"), nil)
	if err == nil {
		t.Fatal("the client got an answer; want a transport error")
	}
	if _, ok := h.srv.AgentByEmail("drop.before@example.com"); ok {
		t.Fatal("DropBeforeHandling created the agent")
	}
	if got := h.srv.Count("POST /agents"); got != 1 {
		t.Fatalf(`Count("POST /agents") = %d, want 1`, got)
	}
	// The fault is used up: the retry works.
	h.do(http.MethodPost, "/agents", newAgentBody("drop.before@example.com")).object(t, http.StatusOK)
}

func TestFaultDropAfterHandling(t *testing.T) {
	h := newHarness(t, Config{})
	h.srv.InjectFault(Fault{Method: "POST", Route: "/agents", Drop: DropAfterHandling})
	_, err := h.request(http.MethodPost, apiPath("/agents"), newAgentBody("drop.after@example.com"), nil)
	if err == nil {
		t.Fatal("the client got an answer; want a transport error")
	}
	if _, ok := h.srv.AgentByEmail("drop.after@example.com"); !ok {
		t.Fatal("DropAfterHandling must create the agent")
	}
	// A naive retry now collides with the agent the lost answer created.
	msg := h.do(http.MethodPost, "/agents", newAgentBody("drop.after@example.com")).errorMsg(t, http.StatusConflict)
	if msg != "Agent with emailId drop.after@example.com already exists" {
		t.Fatalf("msg = %q", msg)
	}
	if got := h.srv.StatusCounts(); got[200] != 0 || got[409] != 1 {
		t.Fatalf("status counts = %v; a dropped answer has no status", got)
	}
}

func TestFaultMalformed(t *testing.T) {
	h := newHarness(t, Config{})
	h.srv.InjectFault(Fault{Route: "/agents/{id}", Malformed: true})
	res := h.do(http.MethodGet, "/agents/"+mariaID, nil)
	if res.status != http.StatusOK || res.header.Get("Content-Type") != "application/json" {
		t.Fatalf("status %d, content type %q", res.status, res.header.Get("Content-Type"))
	}
	var v any
	if err := json.Unmarshal(res.body, &v); err == nil {
		t.Fatalf("body is valid JSON: %s", res.body)
	}
	if !strings.Contains(string(res.body), `"emailId":"maria.lopez@example.com"`) {
		t.Fatalf("body does not come from the real answer: %s", res.body)
	}
}

func TestFaultTruncated(t *testing.T) {
	h := newHarness(t, Config{})
	full := h.do(http.MethodGet, "/agents/"+mariaID, nil).body
	h.srv.InjectFault(Fault{Route: "/agents/{id}", Truncated: true})

	req, _ := http.NewRequest(http.MethodGet, h.ts.URL+apiPath("/agents/"+mariaID), nil)
	req.Header.Set("auth", h.token)
	req.Header.Set("accountId", DefaultAccountID)
	res, err := h.ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status = %d", res.StatusCode)
	}
	got, err := io.ReadAll(res.Body)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("read error = %v, want unexpected EOF", err)
	}
	if string(got) != string(full[:len(full)/2]) {
		t.Fatalf("got %d bytes, want the first half (%d) of the real body", len(got), len(full)/2)
	}
}

func TestFaultOversize(t *testing.T) {
	h := newHarness(t, Config{})
	const size = 5 << 20
	h.srv.InjectFault(Fault{Route: "/agents/{id}", OversizeBytes: size})
	res := h.do(http.MethodGet, "/agents/"+mariaID, nil)
	if res.status != http.StatusOK || len(res.body) != size {
		t.Fatalf("status %d, %d bytes; want 200 and %d bytes", res.status, len(res.body), size)
	}
	var doc map[string]any
	if err := json.Unmarshal(res.body, &doc); err != nil {
		t.Fatalf("oversized body is not valid JSON: %v", err)
	}
	if doc["emailId"] != "maria.lopez@example.com" {
		t.Fatalf("emailId = %v", doc["emailId"])
	}

	// An array answer is padded with whitespace and stays valid.
	h.srv.InjectFault(Fault{Route: "/agents/customId/{customId}", OversizeBytes: 4096})
	res = h.do(http.MethodGet, "/agents/customId/EMP-0042", nil)
	var arr []any
	if err := json.Unmarshal(res.body, &arr); err != nil || len(res.body) != 4096 || len(arr) != 1 {
		t.Fatalf("padded array: %d bytes, %d items, err %v", len(res.body), len(arr), err)
	}
}

func TestPadAndMalformedHelpers(t *testing.T) {
	for _, in := range []string{"{}\n", `{"a":1}` + "\n", "[1,2]\n", `"x"`} {
		out := pad([]byte(in), 100)
		if len(out) != 100 || !json.Valid(out) {
			t.Errorf("pad(%q): %d bytes, valid %v", in, len(out), json.Valid(out))
		}
		if bad := malformed([]byte(in)); json.Valid(bad) {
			t.Errorf("malformed(%q) = %q is valid JSON", in, bad)
		}
	}
	if out := pad([]byte(`{"a":1}`), 3); string(out) != `{"a":1}` {
		t.Errorf("pad smaller than the body changed it: %q", out)
	}
}
