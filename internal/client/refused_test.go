package client

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// A create the API refuses is followed by one lookup by its key, whatever
// the refusal says; only what the lookup finds makes an *ExistsError. An
// authentication failure, a throttle or a 404 is not looked into.
func TestRefusedCreateLooksTheObjectUp(t *testing.T) {
	for _, tc := range []struct {
		name      string
		status    int
		msg, list string
		wantCalls int
		want      string
		exists    bool
	}{
		{"a 400 for an agent that exists", 400, "Agent with this email already exists",
			`{"results":[{"id":"a-9","emailId":"Crash9@example.com"}],"hasMore":false}`, 2,
			`POST /agents: HTTP 400 Bad Request: Agent with this email already exists; ` +
				`an agent with the email crash9@example.com exists already, with the id a-9`, true},
		{"a 409 whose message says nothing", 409, "failed",
			`{"results":[{"id":"a-9","emailId":"crash9@example.com"}],"hasMore":false}`, 2,
			`POST /agents: HTTP 409 Conflict: failed; an agent with the email crash9@example.com exists already, with the id a-9`, true},
		{"a 409 for an agent that does not exist", 409, "Agent with this email already exists",
			`{"results":[{"id":"a-1","emailId":"other@example.com"}],"hasMore":false}`, 2,
			`POST /agents: HTTP 409 Conflict: Agent with this email already exists (no agent with the email crash9@example.com ` +
				`exists, so the refusal is not about an existing one)`, false},
		{"the lookup fails", 400, "bad", `{"errors":[{"msg":"down","code":500}]}`, 2,
			`POST /agents: HTTP 400 Bad Request: bad (looking for an existing agent with the email crash9@example.com failed: ` +
				`GET /agents?includeQueues=true&limit=100&page=1: HTTP 400 Bad Request: down (API code 500))`, false},
		{"a 401", 401, "Unauthorized", "", 1, `POST /agents: HTTP 401 Unauthorized: Unauthorized`, false},
		{"a 403", 403, "Forbidden", "", 1, `POST /agents: HTTP 403 Forbidden: Forbidden`, false},
		{"a 404", 404, "App not found", "", 1, `POST /agents: HTTP 404 Not Found: App not found`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, api := newFakeAPI(t, func(r apiCall) (int, string) {
				if r.Method == "POST" {
					return tc.status, `{"errors":[{"msg":"` + tc.msg + `","code":` + strconv.Itoa(tc.status) + `}]}`
				}
				if strings.HasPrefix(tc.list, `{"errors"`) {
					return http.StatusBadRequest, tc.list
				}
				return 0, tc.list
			}, func(cfg *Config) { cfg.MaxRetries = 0 })
			email := "crash9@example.com"
			_, err := c.Agents.Create(t.Context(), &AgentRequest{EmailID: &email})
			if n := len(api.Calls()); n != tc.wantCalls {
				t.Fatalf("%d calls, want %d: %v", n, tc.wantCalls, api.Calls())
			}
			if err == nil || err.Error() != tc.want {
				t.Fatalf("err =\n%v\nwant\n%s", err, tc.want)
			}
			var exists *ExistsError
			if errors.As(err, &exists) != tc.exists || !IsClientError(err) {
				t.Fatalf("*ExistsError: %v, want %v; the refusal must stay a client error", errors.As(err, &exists), tc.exists)
			}
			if tc.exists && (exists.ID != "a-9" || exists.Value != email || exists.By != "email") {
				t.Fatalf("ExistsError = %+v", exists)
			}
		})
	}
}

// A queue refused while two queues have its name: the lookup says so,
// with both ids, and names neither as the existing one.
func TestRefusedQueueCreateAmongSeveralOfTheName(t *testing.T) {
	c, api := newFakeAPI(t, func(r apiCall) (int, string) {
		if r.Method == "POST" {
			return 409, `{"errors":[{"msg":"Queue with name Billing already exists","code":409}]}`
		}
		return 0, `{"results":[{"id":"qu-1","name":"Billing"},{"id":"qu-2","name":"Billing"}],"hasMore":false}`
	})
	_, err := c.Queues.Create(t.Context(), QueueRequest{Name: "Billing", HoursOfOperationID: "h-1"})
	want := `POST /queues: HTTP 409 Conflict: Queue with name Billing already exists (looking for an existing queue with the name ` +
		`Billing failed: 2 queues are named "Billing": qu-1, qu-2)`
	if err == nil || err.Error() != want || len(api.Calls()) != 2 || !IsAmbiguousName(err) {
		t.Fatalf("err =\n%v\nwant\n%s", err, want)
	}
}

// IsRefusal is every "the API refused it" decision of the provider: it holds
// for an answer that judged the request, and for nothing else.
func TestIsRefusal(t *testing.T) {
	for status, want := range map[int]bool{
		400: true, 409: true, 422: true,
		401: false, 403: false, 404: false, 408: false, 429: false, 500: false, 503: false,
	} {
		err := fmt.Errorf("wrapped: %w", &APIError{StatusCode: status, Method: "POST", Path: "/agents"})
		if got := IsRefusal(err); got != want {
			t.Errorf("IsRefusal(HTTP %d) = %v, want %v", status, got, want)
		}
	}
	if IsRefusal(errors.New("connection reset")) || IsRefusal(nil) {
		t.Error("an error without an answer is not a refusal")
	}
}
