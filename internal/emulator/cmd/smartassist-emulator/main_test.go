package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// syncBuffer is a bytes.Buffer safe for the server goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestRunServesAndShutsDown(t *testing.T) {
	dir := t.TempDir()
	portFile := filepath.Join(dir, "port")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	ready := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"-port-file", portFile, "-rate-limit", "100", "-client-secret", "it's secret"}, &stdout, &stderr, ready)
	}()

	var port string
	select {
	case p := <-ready:
		port = strconv.Itoa(p)
	case err := <-done:
		t.Fatalf("run returned early: %v; stderr: %s", err, stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatalf("not ready; stderr: %s", stderr.String())
	}
	if data, err := os.ReadFile(portFile); err != nil || strings.TrimSpace(string(data)) != port {
		t.Fatalf("port file = %q, %v; want %s", data, err, port)
	}

	want := "export SMARTASSIST_HOST=http://127.0.0.1:" + port + "\n" +
		"export SMARTASSIST_STREAM_ID=" + emulator.DefaultStreamID + "\n" +
		"export SMARTASSIST_ACCOUNT_ID=" + emulator.DefaultAccountID + "\n" +
		"export SMARTASSIST_CLIENT_ID=" + emulator.DefaultClientID + "\n" +
		`export SMARTASSIST_CLIENT_SECRET='it'\''s secret'` + "\n"
	if got := stdout.String(); got != want {
		t.Fatalf("stdout =\n%s\nwant\n%s", got, want)
	}

	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"appId": emulator.DefaultClientID}).SignedString([]byte("it's secret"))
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodGet, "http://127.0.0.1:"+port+"/agentassist/api/v1/public/"+emulator.DefaultStreamID+"/agents", nil)
	req.Header.Set("auth", tok)
	req.Header.Set("accountId", emulator.DefaultAccountID)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status = %d", res.StatusCode)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run returned %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after cancel")
	}
	if _, err := http.Get("http://127.0.0.1:" + port + "/_emulator/counts"); err == nil {
		t.Fatal("still serving after shutdown")
	}
}

func TestRunCreateAgentGroupReturnsIDFlag(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	ready := make(chan int, 1)
	go func() { done <- run(ctx, []string{"-create-agent-group-returns-id"}, &stdout, &stderr, ready) }()
	var port int
	select {
	case port = <-ready:
	case err := <-done:
		t.Fatalf("run returned early: %v; stderr: %s", err, stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatalf("not ready; stderr: %s", stderr.String())
	}

	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"appId": emulator.DefaultClientID}).SignedString([]byte(emulator.DefaultClientSecret))
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, "http://127.0.0.1:"+strconv.Itoa(port)+"/agentassist/api/v1/public/"+emulator.DefaultStreamID+"/agent-groups",
		strings.NewReader(`{"name":"Flagged","description":"d"}`))
	req.Header.Set("auth", tok)
	req.Header.Set("accountId", emulator.DefaultAccountID)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	err = json.NewDecoder(res.Body).Decode(&got)
	res.Body.Close()
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("status %d, %v", res.StatusCode, err)
	}
	if id, _ := got["id"].(string); !strings.HasPrefix(id, "ag-") {
		t.Fatalf("answer = %v, want an id", got)
	}

	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run returned %v", err)
	}
}

func TestRunRejectsBadArguments(t *testing.T) {
	ctx := context.Background()
	var out, errOut bytes.Buffer
	if err := run(ctx, []string{"-rate-limit", "-1"}, &out, &errOut, nil); err == nil || !strings.Contains(err.Error(), "-rate-limit") {
		t.Errorf("negative rate limit: %v", err)
	}
	if err := run(ctx, []string{"-seed", filepath.Join(t.TempDir(), "missing.json")}, &out, &errOut, nil); err == nil || !strings.Contains(err.Error(), "reading seed") {
		t.Errorf("missing seed: %v", err)
	}
	for _, args := range [][]string{{"-rate-limit", "60", "-foreign-share", "1.5"}, {"-foreign-share", "0.5"}} {
		if err := run(ctx, args, &out, &errOut, nil); err == nil || err.Error() != "-foreign-share must be from 0 to 1, and needs -rate-limit" {
			t.Errorf("%v: %v", args, err)
		}
	}
	if err := run(ctx, []string{"-no-such-flag"}, &out, &errOut, nil); err == nil {
		t.Error("unknown flag accepted")
	}
	if err := run(ctx, []string{"extra"}, &out, &errOut, nil); err == nil {
		t.Error("positional argument accepted")
	}
	for _, args := range [][]string{
		{"-list-limit", "sometimes"},
		{"-list-limit-cap", "-1"},
		{"-unknown-stream-status", "200"},
		{"-unknown-account-status", "302"},
		{"-missing-object-status", "600"},
		{"-throttle-status", "200"},
		{"-campaign-id-field", "uuid"},
		{"-campaign-preparing-reads", "-2"},
		{"-campaign-transition-reads", "-1"},
	} {
		if err := run(ctx, args, &out, &errOut, nil); err == nil || !strings.Contains(err.Error(), "must") && !strings.Contains(err.Error(), "is not one of") {
			t.Errorf("%v: %v", args, err)
		}
	}
	if out.Len() != 0 {
		t.Errorf("printed exports although it did not start: %q", out.String())
	}
}

func TestRunReadingFlags(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	ready := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"-list-limit", "cap", "-list-limit-cap", "3", "-has-more-on-last-page", "-list-limit-echo", "-list-figures", "no-total",
			"-list-skip", "page", "-list-page", "ignore", "-list-paging-ignored",
			"-unknown-stream-status", "401", "-unknown-account-status", "403", "-missing-object-status", "400", "-throttle-status", "503",
			"-campaign-id-field", "_id", "-campaign-preparing-reads", "-1", "-campaign-transition-reads", "2", "-campaign-alt-paths", "-campaign-printed-paths-only",
			"-campaign-voice-update-as-sms", "-campaign-machine-detect-echo"}, &stdout, &stderr, ready)
	}()
	var port int
	select {
	case port = <-ready:
	case err := <-done:
		t.Fatalf("run returned early: %v; stderr: %s", err, stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatalf("not ready; stderr: %s", stderr.String())
	}
	base := "http://127.0.0.1:" + strconv.Itoa(port)

	res, err := http.Get(base + "/_emulator/config")
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	err = json.NewDecoder(res.Body).Decode(&got)
	res.Body.Close()
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("config: status %d, %v", res.StatusCode, err)
	}
	want := map[string]any{"listLimit": "cap", "listLimitCap": 3.0, "hasMoreOnLastPage": true,
		"hasMoreNever": false, "listLimitEcho": true, "listFigures": "no-total",
		"listSkip": "page", "listPage": "ignore", "listPagingIgnored": true,
		"unknownStreamStatus": 401.0, "unknownAccountStatus": 403.0, "missingObjectStatus": 400.0, "throttleStatus": 503.0,
		"duplicateStatus": 409.0,
		"campaignIdField": "_id", "campaignPreparingReads": -1.0, "campaignTransitionReads": 2.0,
		"campaignAltPaths": true, "campaignPrintedPathsOnly": true, "campaignVoiceUpdateAsSms": true, "campaignMachineDetectEcho": true}
	if len(got) != len(want) {
		t.Errorf("config = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("config %s = %v, want %v", k, got[k], v)
		}
	}

	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"appId": emulator.DefaultClientID}).SignedString([]byte(emulator.DefaultClientSecret))
	if err != nil {
		t.Fatal(err)
	}
	get := func(path, account string) (int, string) {
		req, _ := http.NewRequest(http.MethodGet, base+"/agentassist/api/v1/public/"+path, nil)
		req.Header.Set("auth", tok)
		req.Header.Set("accountId", account)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var body bytes.Buffer
		_, _ = body.ReadFrom(res.Body)
		return res.StatusCode, body.String()
	}
	for _, c := range []struct {
		path, account string
		status        int
		body          string
	}{
		{"st-typo/agents", emulator.DefaultAccountID, 401, `{"errors":[{"code":401,"msg":"Invalid SDK credentials: unknown streamId st-typo"}]}` + "\n"},
		{emulator.DefaultStreamID + "/agents", "acc-typo", 403, `{"errors":[{"code":403,"msg":"Invalid accountId"}]}` + "\n"},
		{emulator.DefaultStreamID + "/queues/qu-missing", emulator.DefaultAccountID, 400, `{"errors":[{"code":400,"msg":"Queue not found: qu-missing"}]}` + "\n"},
	} {
		if status, body := get(c.path, c.account); status != c.status || body != c.body {
			t.Errorf("GET %s: %d %s, want %d %s", c.path, status, body, c.status, c.body)
		}
	}
	status, body := get(emulator.DefaultStreamID+"/agents?limit=100", emulator.DefaultAccountID)
	var page map[string]any
	if err := json.Unmarshal([]byte(body), &page); err != nil || status != 200 {
		t.Fatalf("agents: %d %v", status, err)
	}
	// -list-paging-ignored outranks -list-limit cap: 10 a page, stated as
	// the 100 asked (-list-limit-echo), without totalResults (-list-figures
	// no-total).
	if page["limit"] != 100.0 || page["hasMore"] != true || page["totalResults"] != nil || page["totalPages"] != 1.0 || len(page["results"].([]any)) != 2 {
		t.Errorf("agents page = limit %v, hasMore %v, totalResults %v, totalPages %v, %d results; want 100, true, none, 1, 2",
			page["limit"], page["hasMore"], page["totalResults"], page["totalPages"], len(page["results"].([]any)))
	}

	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run returned %v", err)
	}
}

func TestRunHelpListsReadingFlags(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"-h"}, &out, &errOut, nil); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("run -h = %v, want flag.ErrHelp", err)
	}
	for _, name := range []string{"-list-limit string", "-list-limit-cap int", "-has-more-on-last-page", "-has-more-never",
		"-list-limit-echo", "-list-figures string", "no-total", "has-more",
		"-list-skip string", "-list-page string", "-list-paging-ignored",
		"-unknown-stream-status int", "-unknown-account-status int", "-missing-object-status int", "-throttle-status int", "(default 429)",
		"honour", "ignore", "cap", "(default 404)", "(default 401)", "(default 25)",
		"-campaign-id-field string", "(default \"documented\")", "-campaign-preparing-reads int", "(default 1)",
		"-campaign-transition-reads int", "-campaign-alt-paths", "-campaign-printed-paths-only", "-campaign-voice-update-as-sms", "-campaign-machine-detect-echo"} {
		if !strings.Contains(errOut.String(), name) {
			t.Errorf("-h does not mention %q:\n%s", name, errOut.String())
		}
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"st-abc_1.2":       "st-abc_1.2",
		"http://127.0.0.1": "http://127.0.0.1",
		"a b":              "'a b'",
		"it's":             `'it'\''s'`,
		"$HOME":            "'$HOME'",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %q, want %q", in, got, want)
		}
	}
}
