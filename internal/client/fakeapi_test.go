package client

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// apiCall is one request as the test server saw it: the method, the path
// below the stream's base, the raw query and the decoded JSON body (nil
// when there was none).
type apiCall struct {
	Method string
	Path   string
	Query  string
	Body   any
}

func (c apiCall) String() string {
	b, _ := json.Marshal(c.Body)
	s := c.Method + " " + c.Path
	if c.Query != "" {
		s += "?" + c.Query
	}
	if c.Body != nil {
		s += " " + string(b)
	}
	return s
}

// call builds the apiCall a test expects; body is JSON text, or "" for none.
func call(t *testing.T, method, pathAndQuery, body string) apiCall {
	t.Helper()
	c := apiCall{Method: method, Path: pathAndQuery}
	if i := strings.IndexByte(pathAndQuery, '?'); i >= 0 {
		c.Path, c.Query = pathAndQuery[:i], pathAndQuery[i+1:]
	}
	if body != "" {
		if err := json.Unmarshal([]byte(body), &c.Body); err != nil {
			t.Fatalf("the expected body %s is not JSON: %v", body, err)
		}
	}
	return c
}

// fakeAPI records every request and answers each with reply's status and
// body (a status of 0 means 200).
type fakeAPI struct {
	mu    sync.Mutex
	calls []apiCall
}

func newFakeAPI(t *testing.T, reply func(c apiCall) (int, string), mutate ...func(*Config)) (*Client, *fakeAPI) {
	t.Helper()
	f := &fakeAPI{}
	prefix := "/agentassist/api/v1/public/" + testStream
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := apiCall{Method: r.Method, Path: strings.TrimPrefix(r.URL.EscapedPath(), prefix), Query: r.URL.RawQuery}
		b, _ := io.ReadAll(r.Body)
		if len(b) > 0 {
			if err := json.Unmarshal(b, &got.Body); err != nil {
				t.Errorf("%s %s: the body is not JSON: %s", r.Method, r.URL.Path, b)
			}
		}
		f.mu.Lock()
		f.calls = append(f.calls, got)
		f.mu.Unlock()
		status, body := reply(got)
		if status != 0 {
			w.WriteHeader(status)
		}
		fmt.Fprint(w, body)
	}), mutate...)
	return c, f
}

func (f *fakeAPI) Calls() []apiCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]apiCall(nil), f.calls...)
}

// expectCalls checks the requests made, in order, each exactly.
func (f *fakeAPI) expectCalls(t *testing.T, want ...apiCall) {
	t.Helper()
	got := f.Calls()
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(want):
			t.Errorf("unexpected call %d: %s", i, got[i])
		case i >= len(got):
			t.Errorf("missing call %d: %s", i, want[i])
		case !reflect.DeepEqual(got[i], want[i]):
			t.Errorf("call %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}

// answer answers every request with 200 and body.
func answer(body string) func(apiCall) (int, string) {
	return func(apiCall) (int, string) { return 0, body }
}
