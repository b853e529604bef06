package client

import (
	"errors"
	"testing"
)

func TestOneNamed(t *testing.T) {
	type obj struct{ id string }
	id := func(o *obj) string { return o.id }
	if got, err := OneNamed("queue", "", "Support", []obj{{"qu-1"}}, id); err != nil || got.id != "qu-1" {
		t.Fatalf("one match: %v, %v", got, err)
	}
	_, err := OneNamed("queue", "", "Support", nil, id)
	if !IsNotListed(err) || !IsNotFound(err) || err.Error() != `no queue is named "Support"` {
		t.Fatalf("no match: %v", err)
	}
	_, err = OneNamed("skill", " in the skill group sg-1", "French", []obj{{"s-1"}, {"s-2"}, {"s-3"}}, id)
	var amb *AmbiguousNameError
	if !errors.As(err, &amb) || IsNotFound(err) || err.Error() != `3 skills in the skill group sg-1 are named "French": s-1, s-2, s-3` {
		t.Fatalf("three matches: %v", err)
	}
}

// A queue create answered without an id while a queue of the same name
// already exists: the new queue is the one created after the create began
// (the emulator's and the samples' createdAt); two such, or no createdAt
// at all, is an error listing every id, and nothing is taken.
func TestQueueCreateWithoutIDAmongQueuesOfTheName(t *testing.T) {
	for _, tc := range []struct {
		name, results, wantID, wantErr string
	}{
		{"the new one is the one created since", `[{"id":"qu-old","name":"Billing","createdAt":"2024-03-02T10:00:00.000Z"},
			{"id":"qu-new","name":"Billing","createdAt":"2024-03-03T00:00:00.000Z"},{"id":"qu-x","name":"Other"}]`, "qu-new", ""},
		{"two created since", `[{"id":"qu-a","name":"Billing","createdAt":"2024-03-03T00:00:00.000Z"},
			{"id":"qu-b","name":"Billing","createdAt":"2024-03-03T00:00:00.000Z"}]`, "",
			`the queue Billing was created, but its id could not be read back; ` +
				`2 queues with the name Billing exist now, with the ids qu-a, qu-b; qu-a, qu-b were all created after the create began (by their createdAt), ` +
				`so the new one cannot be told from the others`},
		{"no createdAt", `[{"id":"qu-a","name":"Billing"},{"id":"qu-b","name":"Billing"}]`, "",
			`the queue Billing was created, but its id could not be read back; ` +
				`2 queues with the name Billing exist now, with the ids qu-a, qu-b; the list does not say when each was created, so the new one cannot be told from the others`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, api := newFakeAPI(t, func(r apiCall) (int, string) {
				if r.Method == "POST" {
					return 0, `{"name":"Billing","agents":[]}`
				}
				return 0, `{"results":` + tc.results + `,"hasMore":false}`
			}, clockFrom("2024-03-03T00:00:00Z"))
			q, err := c.Queues.Create(t.Context(), QueueRequest{Name: "Billing", HoursOfOperationID: "h-1"})
			if n := len(api.Calls()); n != 2 {
				t.Fatalf("%d calls, want the POST and one list read", n)
			}
			if tc.wantID != "" {
				if err != nil || string(q.ID) != tc.wantID {
					t.Fatalf("got %v, %v; want %s", q, err, tc.wantID)
				}
				return
			}
			if err == nil || err.Error() != tc.wantErr {
				t.Fatalf("err =\n%v\nwant\n%s", err, tc.wantErr)
			}
		})
	}
}
