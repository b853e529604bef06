package client

import (
	"context"
	"encoding/json"
	"fmt"
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

// A server that ignores skip and page must not make ListAll loop, nor pass
// off the repeated page, which says more follow, as the whole list: after
// skip, then page, brought nothing new, the walk is an
// *IncompleteListError.
func TestContactListAllStopsWhenPagesRepeat(t *testing.T) {
	var calls atomic.Int32
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Write([]byte(`{"results":[{"id":"c1","cellPhone":{"phoneNumber":"+1555"}},{"id":"c2","cellPhone":{"phoneNumber":"+1556"}}],"hasMore":true}`))
	}))
	all, err := c.Contacts.ListAll(context.Background())
	il := AsIncompleteList(err)
	if il == nil || all != nil || calls.Load() != 3 {
		t.Fatalf("%d contacts after %d calls, err %v; want an *IncompleteListError after 3 calls", len(all), calls.Load(), err)
	}
	if il.Path != "/contacts" || il.Read != 2 || il.Pages != 3 || !il.HasMore || fmt.Sprint(il.Tried) != "[skip=2 page=2]" {
		t.Fatalf("error %+v", il)
	}
}
