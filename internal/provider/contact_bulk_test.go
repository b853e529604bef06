package provider

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
	"github.com/koreai/terraform-provider-smartassist/internal/coalesce"
	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// A bulk answer proves only the ids it lists: each id asked is done (with
// its contact), failed (with the API's reason), or neither.
func TestReadBulkAnswer(t *testing.T) {
	contact := func(id, first string) client.FlexObject[client.Contact] {
		return client.FlexObject[client.Contact]{Value: client.Contact{IDField: client.FlexString(id), FirstName: client.FlexString(first)}}
	}
	res := &client.BulkResult{
		SuccessfulRecords: client.FlexList[client.BulkSuccess]{
			{ID: "c-1", Contact: contact("", "One")},      // the id from the record
			{Contact: contact("c-2", "Two")},              // the id from the contact
			{ID: "c-3", Contact: contact("c-3", "Three")}, // also listed failed: proves neither
			{ID: "c-9", Contact: contact("c-9", "Nine")},  // not asked
		},
		FailedRecords: client.FlexList[client.BulkFailure]{
			{ID: "c-3", Reason: "locked"},
			{ID: "c-4", Message: "not found"},
			{ID: "c-5"},
		},
	}
	got := readBulkAnswer([]string{"c-1", "c-2", "c-3", "c-4", "c-5", "c-6"}, res)
	var desc []string
	for i, r := range got {
		switch {
		case r.done:
			desc = append(desc, fmt.Sprintf("%d done %s %s", i, r.contact.ID(), r.contact.FirstName))
		case r.failed != "":
			desc = append(desc, fmt.Sprintf("%d failed: %s", i, r.failed))
		default:
			desc = append(desc, fmt.Sprintf("%d unproven", i))
		}
	}
	want := "0 done c-1 One; 1 done c-2 Two; 2 unproven; 3 failed: not found; 4 failed: the API gave no reason; 5 unproven"
	if s := strings.Join(desc, "; "); s != want {
		t.Fatalf("got  %s\nwant %s", s, want)
	}
	if got := readBulkAnswer([]string{"c-1"}, &client.BulkResult{}); got[0].done || got[0].failed != "" {
		t.Fatalf("an answer of {} proves nothing: %+v", got[0])
	}
}

// A create answer pairs with its requests by phone number; by position
// only in a batch of one.
func TestMatchCreated(t *testing.T) {
	req := func(n string) client.ContactRequest {
		return client.ContactRequest{CellPhone: client.CellPhoneRequest{PhoneNumber: n, CountryCode: "+1"}}
	}
	stored := func(id, n string) client.Contact {
		return client.Contact{IDField: client.FlexString(id),
			CellPhone: client.FlexObject[client.CellPhone]{Value: client.CellPhone{PhoneNumber: client.FlexString("+1" + n), CountryCode: "+1"}}}
	}
	ids := func(m []createdMatch) string {
		var s []string
		for _, c := range m {
			if c.ok {
				s = append(s, c.contact.ID())
			} else {
				s = append(s, "-")
			}
		}
		return strings.Join(s, " ")
	}
	for _, tc := range []struct {
		name    string
		reqs    []client.ContactRequest
		created []client.Contact
		want    string
	}{
		{"in another order", []client.ContactRequest{req("5550001"), req("5550002")}, []client.Contact{stored("b", "5550002"), stored("a", "5550001")}, "a b"},
		{"one left out", []client.ContactRequest{req("5550001"), req("5550002")}, []client.Contact{stored("b", "5550002")}, "- b"},
		{"no number, several", []client.ContactRequest{req("5550001"), req("5550002")}, []client.Contact{{IDField: "a"}, {IDField: "b"}}, "- -"},
		{"no number, one", []client.ContactRequest{req("5550001")}, []client.Contact{{IDField: "a"}}, "a"},
		{"no id, one", []client.ContactRequest{req("5550001")}, []client.Contact{{}}, "-"},
	} {
		if got := ids(matchCreated(tc.reqs, tc.created)); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

// The contacts' bulk create takes what client.DecideCreated says, as every
// other kind does: after a 502 a contact that had the number before the
// create is not taken for the new one (the error names it); one the
// create made (the answer lost after the emulator handled it) is; with
// none, the error says none was created.
func TestContactCreateAfterAnUncertainAnswer(t *testing.T) {
	skipLive(t, liveNeedsFaults)
	const number = "+14155550123"
	for _, tc := range []struct {
		name     string
		fault    emulator.Fault
		existing bool
		want     string // "id" for the emulator's contact, else the error's end
	}{
		{"a 502, and an older contact has the number", emulator.Fault{Status: http.StatusBadGateway}, true,
			"; one contact with the phone number " + number + " exists now, with the id c-old; each was created before the create began (by createdAt), so none is from this create"},
		{"a 502, and none has it", emulator.Fault{Status: http.StatusBadGateway}, false,
			"(no contact with the phone number " + number + " exists afterwards, so none was created)"},
		{"the connection dropped before the create", emulator.Fault{Drop: emulator.DropBeforeHandling}, false,
			"(no contact with the phone number " + number + " exists afterwards, so none was created)"},
		{"the answer lost after the create", emulator.Fault{Drop: emulator.DropAfterHandling}, false, "id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := newTestEnv(t)
			if tc.existing {
				env.emu.PutContactRecord(map[string]any{"id": "c-old", "firstName": "Team", "lastName": "Own", "salutation": "mr", "status": "ACTIVE",
					"cellPhone": map[string]any{"phoneNumber": number, "countryCode": "+1", "extension": ""}, "createdAt": "2020-01-01T00:00:00.000Z"})
			}
			before := fmt.Sprint(env.emu.Contacts())
			cfg := env.emu.Config()
			c, err := client.New(client.Config{Host: env.url, StreamID: cfg.StreamID, AccountID: cfg.AccountID, ClientID: cfg.ClientID,
				ClientSecret: cfg.ClientSecret, RequestsPerMinute: 1e9, MaxRetries: 0, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			s := newContactStore(c, coalesce.RealClock{})
			tc.fault.Method, tc.fault.Route = http.MethodPost, "/contacts"
			env.emu.InjectFault(tc.fault)
			env.resetCounts()
			out := s.runCreates(t.Context(), []client.ContactRequest{{FirstName: "New", LastName: "One", Salutation: "mr",
				CellPhone: client.CellPhoneRequest{PhoneNumber: "4155550123", CountryCode: "+1", Extension: "+"}}})
			if n, m := env.emu.Count("POST /contacts"), env.emu.Count("GET /contacts"); n != 1 || m != 1 {
				t.Fatalf("%d POSTs and %d list reads, want 1 and 1 (%v)", n, m, env.emu.Counts())
			}
			if tc.want == "id" {
				var made string
				for _, rec := range env.emu.Contacts() {
					if rec["firstName"] == "New" {
						made = fmt.Sprint(rec["id"])
					}
				}
				if out[0].Err != nil || made == "" || out[0].Val.ID() != made {
					t.Fatalf("got %q, %v; want the contact made, %q", out[0].Val.ID(), out[0].Err, made)
				}
				return
			}
			if out[0].Err == nil || !strings.HasSuffix(out[0].Err.Error(), tc.want) {
				t.Fatalf("err = %v\nwant it to end %s", out[0].Err, tc.want)
			}
			var u *client.UnconfirmedCreateError
			if tc.existing && (!errors.As(out[0].Err, &u) || strings.Join(u.FoundIDs, ",") != "c-old") {
				t.Fatalf("err = %v; want an unconfirmed create naming c-old", out[0].Err)
			}
			if after := fmt.Sprint(env.emu.Contacts()); after != before {
				t.Fatalf("the contacts changed:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}
