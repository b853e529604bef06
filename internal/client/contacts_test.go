package client

import (
	"context"
	"encoding/json"
	"net/http"
	"sync/atomic"
	"testing"
)

func TestContactNumbers(t *testing.T) {
	p := CellPhone{PhoneNumber: "+912445600000", CountryCode: "+91"}
	if p.LocalNumber() != "2445600000" {
		t.Fatalf("local number %q", p.LocalNumber())
	}
	if (CellPhone{PhoneNumber: "2445600000", CountryCode: "+91"}).LocalNumber() != "2445600000" {
		t.Fatal("a number without the prefix must stay as it is")
	}
	r := CellPhoneRequest{PhoneNumber: "2445600000", CountryCode: "+91"}
	if r.FullNumber() != "+912445600000" {
		t.Fatalf("full number %q", r.FullNumber())
	}
}

func TestContactIDUnderEitherKey(t *testing.T) {
	var a, b Contact
	_ = json.Unmarshal([]byte(`{"id":"c1","status":"ACTIVE"}`), &a)
	_ = json.Unmarshal([]byte(`{"_id":"c2","status":"INACTIVE"}`), &b)
	if a.ID() != "c1" || !a.Active() || b.ID() != "c2" || b.Active() {
		t.Fatalf("%q %v %q %v", a.ID(), a.Active(), b.ID(), b.Active())
	}
}

func TestBulkFailureReason(t *testing.T) {
	var r BulkResult
	_ = json.Unmarshal([]byte(`{"failedRecords":[{"id":"a","reason":"Contact not found"},{"id":"b","message":"bad phone"},{"id":"c"}]}`), &r)
	want := []string{"Contact not found", "bad phone", "the API gave no reason"}
	for i, f := range r.FailedRecords {
		if f.Why() != want[i] {
			t.Errorf("record %d: %q", i, f.Why())
		}
	}
}

// A server that ignores skip must not make ListAll loop or duplicate.
func TestContactListAllStopsWhenPagesRepeat(t *testing.T) {
	var calls atomic.Int32
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Write([]byte(`{"results":[{"id":"c1","cellPhone":{"phoneNumber":"+1555"}},{"id":"c2","cellPhone":{"phoneNumber":"+1556"}}],"hasMore":true}`))
	}))
	all, err := c.Contacts.ListAll(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || calls.Load() != 2 {
		t.Fatalf("%d contacts after %d calls", len(all), calls.Load())
	}
}
