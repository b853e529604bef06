package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// hoursSample is the response of the page "Hours of Operation"
// (https://docs.kore.ai/ai-for-service/apis/contact-center/hours-of-operation),
// with one more standard day.
const hoursSample = `{"name":"Default Hours of Operation","lname":"default hours of operation",
  "standardDays":{"frequency":"WEEKLY","days":[{"start":"9:00 AM","end":"11:00 PM","day":"SU"},{"start":"8:30 AM","end":"5:00 PM","day":"MO"}]},
  "specialDays":{"frequency":"YEARLY","days":[]},"status":"active","isDefault":true,"orgId":"o-1","createdBy":"u-9",
  "createdByAId":"a-9","timezone":"Asia/Kolkata","iId":"st-test","id":"h-1","isHoursOfOperationValid":true}`

// seenRequest is what the hours tests check of a request.
type seenRequest struct {
	method, path string
	header       http.Header
}

func newHoursAPI(t *testing.T, status int, body string, mutate ...func(*Config)) (*Client, func() []seenRequest) {
	t.Helper()
	var (
		mu   sync.Mutex
		seen []seenRequest
	)
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, seenRequest{r.Method, r.URL.EscapedPath(), r.Header.Clone()})
		mu.Unlock()
		if status != 0 {
			w.WriteHeader(status)
		}
		fmt.Fprint(w, body)
	}), mutate...)
	return c, func() []seenRequest {
		mu.Lock()
		defer mu.Unlock()
		return append([]seenRequest(nil), seen...)
	}
}

func TestHoursOfOperationGetForQueue(t *testing.T) {
	c, seen := newHoursAPI(t, 0, hoursSample)
	h, err := c.HoursOfOperation.GetForQueue(context.Background(), "o-1", "qu-1")
	if err != nil {
		t.Fatal(err)
	}
	reqs := seen()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	r := reqs[0]
	if r.method != http.MethodGet || r.path != "/agentassist/api/public/organizations/o-1/operationshours/qu-1" {
		t.Errorf("request %s %s: want GET on the documented path, without /v1/ or the stream", r.method, r.path)
	}
	if got := r.header.Get("iId"); got != testStream {
		t.Errorf("iId header = %q, want the stream %q", got, testStream)
	}
	if got := r.header.Get("accountId"); got != testAccount {
		t.Errorf("accountId header = %q, want %q", got, testAccount)
	}
	if got := r.header.Get("auth"); got == "" || strings.HasPrefix(got, "Bearer") {
		t.Errorf("auth header = %q, want the raw JWT", got)
	}

	if h.ID != "h-1" || h.Name != "Default Hours of Operation" || h.Status != "active" || h.Timezone != "Asia/Kolkata" ||
		h.IsDefault == nil || !bool(*h.IsDefault) || h.OrgID != "o-1" || h.IID != testStream || h.LName != "default hours of operation" ||
		h.CreatedBy != "u-9" || h.CreatedByAID != "a-9" || !bool(h.IsHoursOfOperationValid) {
		t.Errorf("hours %+v", h)
	}
	std := h.StandardDays
	wantDays := FlexList[HoursDay]{{Day: "SU", Start: "9:00 AM", End: "11:00 PM"}, {Day: "MO", Start: "8:30 AM", End: "5:00 PM"}}
	if !std.Set || std.Value.Frequency != "WEEKLY" || !reflect.DeepEqual(std.Value.Days, wantDays) {
		t.Errorf("standard days %+v", std)
	}
	if sp := h.SpecialDays; !sp.Set || sp.Value.Frequency != "YEARLY" || len(sp.Value.Days) != 0 {
		t.Errorf("special days %+v", sp)
	}
}

func TestHoursOfOperationKeepsTheHostPath(t *testing.T) {
	var host string
	c, seen := newHoursAPI(t, 0, hoursSample, func(cfg *Config) { host = cfg.Host; cfg.Host += "/proxy/" })
	if _, err := c.HoursOfOperation.GetForQueue(context.Background(), "o 1", "qu-1"); err != nil {
		t.Fatal(err)
	}
	if got := seen()[0].path; got != "/proxy/agentassist/api/public/organizations/o%201/operationshours/qu-1" {
		t.Errorf("path %s below host %s: want the host's own path kept and the org escaped", got, host)
	}
}

func TestHoursOfOperationErrors(t *testing.T) {
	t.Run("404 is not found", func(t *testing.T) {
		c, seen := newHoursAPI(t, http.StatusNotFound, `{"errors":[{"msg":"Queue not found","code":404}]}`)
		_, err := c.HoursOfOperation.GetForQueue(context.Background(), "o-1", "qu-nope")
		var apiErr *APIError
		if !IsNotFound(err) || !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound {
			t.Fatalf("err = %v, want a 404 APIError", err)
		}
		if n := len(seen()); n != 1 {
			t.Errorf("%d requests, want 1 (a 404 is not retried)", n)
		}
	})
	t.Run("an answer without id or name", func(t *testing.T) {
		c, _ := newHoursAPI(t, 0, `{"status":"active","timezone":"UTC"}`)
		_, err := c.HoursOfOperation.GetForQueue(context.Background(), "o-1", "qu-1")
		var decErr *DecodeError
		if !errors.As(err, &decErr) || !strings.Contains(err.Error(), "the answer has no id, name") {
			t.Fatalf("err = %v, want a DecodeError naming id and name", err)
		}
	})
	t.Run("days that are not a list", func(t *testing.T) {
		c, _ := newHoursAPI(t, 0, `{"id":"h-1","name":"H","standardDays":{"frequency":"WEEKLY","days":"SU"}}`)
		_, err := c.HoursOfOperation.GetForQueue(context.Background(), "o-1", "qu-1")
		var decErr *DecodeError
		if !errors.As(err, &decErr) {
			t.Fatalf("err = %v, want a DecodeError", err)
		}
	})
	t.Run("only shown fields of another shape", func(t *testing.T) {
		c, _ := newHoursAPI(t, 0, `{"id":"h-1","name":"H","lname":{},"orgId":[],"isHoursOfOperationValid":"maybe"}`)
		h, err := c.HoursOfOperation.GetForQueue(context.Background(), "o-1", "qu-1")
		if err != nil || h.LName != "" || h.OrgID != "" || bool(h.IsHoursOfOperationValid) || h.StandardDays.Set {
			t.Fatalf("hours %+v, err %v: want the loose fields empty and no error", h, err)
		}
	})
	for _, ids := range [][2]string{{"", "qu-1"}, {"o-1", ".."}} {
		c, seen := newHoursAPI(t, 0, hoursSample)
		if _, err := c.HoursOfOperation.GetForQueue(context.Background(), ids[0], ids[1]); err == nil || len(seen()) != 0 {
			t.Errorf("org %q, queue %q: err %v after %d requests, want an error and no request", ids[0], ids[1], err, len(seen()))
		}
	}
}
