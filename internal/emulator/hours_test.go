package emulator

import (
	"net/http"
	"reflect"
	"testing"
	"time"
)

const seededOrgID = "o-5b4e3c2a-9d8f-5e7a-b6c1-2f3e4d5a6b7c"

const hoursRoute = "GET /organizations/{orgId}/operationshours/{queueId}"

// hoursPath is the documented path of the read of a queue's hours of
// operation: below the host's root, without /v1/ or the stream.
func hoursPath(org, queue string) string {
	return rootPath + "organizations/" + org + "/operationshours/" + queue
}

// getHours reads a queue's hours with the stream in the iId header (nil
// leaves it out).
func (h *harness) getHours(org, queue string, iID *string) *response {
	h.t.Helper()
	headers := map[string]*string{"iId": iID}
	res, err := h.request(http.MethodGet, hoursPath(org, queue), nil, headers)
	if err != nil {
		h.t.Fatal(err)
	}
	return res
}

func TestQueueHoursAnswersTheDocumentedShape(t *testing.T) {
	h := newHarness(t, Config{})
	got := h.getHours(seededOrgID, supportQueueID, ptr(DefaultStreamID)).object(t, http.StatusOK)
	allDay := map[string]any{"start": "12:00 AM", "end": "11:59 PM"}
	var days []any
	for _, d := range []string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"} {
		day := copyDoc(allDay)
		day["day"] = d
		days = append(days, day)
	}
	want := map[string]any{
		"id": allDayHoursID, "name": "24x7", "lname": "24x7",
		"standardDays":            map[string]any{"frequency": "WEEKLY", "days": days},
		"specialDays":             map[string]any{"frequency": "YEARLY", "days": []any{}},
		"status":                  "active",
		"isDefault":               false,
		"timezone":                "UTC",
		"isHoursOfOperationValid": true,
		"orgId":                   seededOrgID,
		"createdBy":               adminUserID,
		"createdByAId":            adminID,
		"iId":                     DefaultStreamID,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("hours of the Support queue:\n got %v\nwant %v", got, want)
	}

	def := h.getHours(seededOrgID, defaultQueueID, ptr(DefaultStreamID)).object(t, http.StatusOK)
	if def["id"] != defaultHoursID || def["isDefault"] != true || def["timezone"] != "Asia/Kolkata" {
		t.Errorf("hours of the default queue: %v", def)
	}
	if n := h.srv.Count(hoursRoute); n != 2 {
		t.Errorf("Count(%q) = %d, want 2", hoursRoute, n)
	}
}

// A queue whose hours change through the API answers its new hours.
func TestQueueHoursFollowTheQueue(t *testing.T) {
	h := newHarness(t, Config{})
	body := h.do(http.MethodGet, "/queues/"+supportQueueID, nil).object(t, http.StatusOK)
	body["hoursOfOperation"] = map[string]any{"id": defaultHoursID}
	h.do(http.MethodPut, "/queues/"+supportQueueID, body).object(t, http.StatusOK)
	if got := h.getHours(seededOrgID, supportQueueID, ptr(DefaultStreamID)).object(t, http.StatusOK); got["id"] != defaultHoursID {
		t.Errorf("hours id = %v after the update, want %s", got["id"], defaultHoursID)
	}
}

// Seeded hours with only {id, name} answer the documented shape too.
func TestQueueHoursFillsInASparseSeed(t *testing.T) {
	seed := &Seed{
		OrgID:            "o-1",
		HoursOfOperation: []map[string]any{{"id": "h1", "name": "Always"}, {"id": "h2", "name": "Never"}},
		Queues:           []map[string]any{{"id": "qu-1", "name": "Q", "hoursOfOperation": map[string]any{"id": "h2"}}},
	}
	h := newHarness(t, Config{Seed: seed})
	got := h.getHours("o-1", "qu-1", ptr(DefaultStreamID)).object(t, http.StatusOK)
	want := map[string]any{
		"id": "h2", "name": "Never", "lname": "never",
		"standardDays":            map[string]any{"frequency": "WEEKLY", "days": []any{}},
		"specialDays":             map[string]any{"frequency": "YEARLY", "days": []any{}},
		"status":                  "active",
		"isDefault":               false,
		"timezone":                "UTC",
		"isHoursOfOperationValid": true,
		"orgId":                   "o-1",
		"createdBy":               "u-00000000-0000-0000-0000-000000000000",
		"createdByAId":            "a-0000000-0000-0000-0000-000000000000",
		"iId":                     DefaultStreamID,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sparse hours:\n got %v\nwant %v", got, want)
	}
}

func TestQueueHoursRefusals(t *testing.T) {
	for _, tc := range []struct {
		name       string
		readings   Readings
		org, queue string
		iID        *string
		status     int
		msg        string
	}{
		{"unknown org", Readings{}, "o-nowhere", supportQueueID, ptr(DefaultStreamID), 404, "Organization not found: o-nowhere"},
		{"unknown queue", Readings{}, seededOrgID, "qu-missing", ptr(DefaultStreamID), 404, "Queue not found: qu-missing"},
		{"unknown queue, 400 reading", Readings{MissingObjectStatus: 400}, seededOrgID, "qu-missing", ptr(DefaultStreamID), 400, "Queue not found: qu-missing"},
		{"no iId header", Readings{}, seededOrgID, supportQueueID, nil, 401, "Invalid iId: the iId header is missing"},
		{"unknown stream", Readings{}, seededOrgID, supportQueueID, ptr("st-other"), 404, "App not found: st-other"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, Config{Readings: tc.readings})
			if msg := h.getHours(tc.org, tc.queue, tc.iID).errorMsg(t, tc.status); msg != tc.msg {
				t.Errorf("msg = %q, want %q", msg, tc.msg)
			}
			if n := h.srv.Count(hoursRoute); n != 1 {
				t.Errorf("Count(%q) = %d, want 1", hoursRoute, n)
			}
		})
	}

	t.Run("no auth", func(t *testing.T) {
		h := newHarness(t, Config{})
		res, err := h.request(http.MethodGet, hoursPath(seededOrgID, supportQueueID), nil,
			map[string]*string{"auth": nil, "iId": ptr(DefaultStreamID)})
		if err != nil {
			t.Fatal(err)
		}
		if msg := res.errorMsg(t, http.StatusUnauthorized); msg != "auth header is missing" {
			t.Errorf("msg = %q", msg)
		}
	})
	t.Run("other method", func(t *testing.T) {
		h := newHarness(t, Config{})
		res, err := h.request(http.MethodPut, hoursPath(seededOrgID, supportQueueID), "{}", map[string]*string{"iId": ptr(DefaultStreamID)})
		if err != nil {
			t.Fatal(err)
		}
		res.errorMsg(t, http.StatusMethodNotAllowed)
		if n := h.srv.Count("PUT /organizations/{orgId}/operationshours/{queueId}"); n != 1 {
			t.Errorf("PUT count = %d, want 1", n)
		}
	})
	t.Run("other path below the root", func(t *testing.T) {
		h := newHarness(t, Config{})
		res, err := h.request(http.MethodGet, rootPath+"organizations/"+seededOrgID, nil, map[string]*string{"iId": ptr(DefaultStreamID)})
		if err != nil {
			t.Fatal(err)
		}
		res.errorMsg(t, http.StatusNotFound)
		if n := h.srv.Count("GET " + unmatchedRoute); n != 1 {
			t.Errorf("unmatched count = %d, want 1", n)
		}
	})
}

func TestQueueHoursAreRateLimited(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{RateLimitPerMinute: 1, Now: clock.Now})
	h.do(http.MethodGet, "/queues", nil).object(t, http.StatusOK)
	res := h.getHours(seededOrgID, supportQueueID, ptr(DefaultStreamID))
	res.errorMsg(t, http.StatusTooManyRequests)
	if ra := res.header.Get("Retry-After"); ra != "60" {
		t.Errorf("Retry-After = %q, want 60", ra)
	}
	clock.Advance(time.Minute)
	h.getHours(seededOrgID, supportQueueID, ptr(DefaultStreamID)).object(t, http.StatusOK)
}
