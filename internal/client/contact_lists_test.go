package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

const clPrefix = "/campaign/api/v2/public/" + testStream + "/campaign/contactList"

// contactListSample is the create-contact-list-v2 sample's data, shortened.
const contactListSample = `{"isActive":true,"name":"Renewals","description":"Due in July","totalRecordCount":0,"status":"Ready",
  "listType":"call","isGlobalDNC":false,"campaignInUse":[],"source":"passiveApi","apiConfigurations":{"dataSyncMode":"allowDuplicates"},
  "createdAt":"2026-03-01T12:00:00.000Z","updatedAt":"2026-03-01T12:00:00.000Z","_id":"cl-1","allowDuplicates":true}`

func envelope(data string) string { return `{"status":"success","message":"","data":` + data + `}` }

// clockedClient is a fake API on a clock the test moves, from 2026-03-01 12:00 UTC.
func listsClient(t *testing.T, reply func(apiCall) (int, string), mutate ...func(*Config)) (*Client, *fakeAPI, *testClock) {
	clock := newTestClock()
	c, f := newFakeAPI(t, reply, append([]func(*Config){func(cfg *Config) { cfg.Now, cfg.Sleep = clock.Now, clock.Sleep }}, mutate...)...)
	return c, f, clock
}

func TestContactListCreateSendsTheV2BodyAndReadsTheEnvelope(t *testing.T) {
	c, f, _ := listsClient(t, answer(envelope(contactListSample)))
	l, err := c.ContactLists.Create(t.Context(), ContactListRequest{Name: "Renewals", Description: "Due in July", AllowDuplicates: Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	if l.ID != "cl-1" || l.Name != "Renewals" || l.Description != "Due in July" || l.AllowDuplicates == nil || !bool(*l.AllowDuplicates) ||
		l.Source != "passiveApi" || l.ListType != "call" || l.Status != "Ready" {
		t.Fatalf("list %+v", l)
	}
	f.expectCalls(t, call(t, "POST", clPrefix+"/createContactList?accountId="+testAccount,
		`{"name":"Renewals","description":"Due in July","source":"passiveApi","allowDuplicates":true}`))
}

func TestContactListCreateLeavesAllowDuplicatesOutWhenNil(t *testing.T) {
	c, f, _ := listsClient(t, answer(envelope(contactListSample)))
	if _, err := c.ContactLists.Create(t.Context(), ContactListRequest{Name: "Renewals"}); err != nil {
		t.Fatal(err)
	}
	f.expectCalls(t, call(t, "POST", clPrefix+"/createContactList?accountId="+testAccount,
		`{"name":"Renewals","description":"","source":"passiveApi"}`))
}

// A 2xx without the _id: the list of lists gives no createdAt, so the one
// list with the name is read for it; it was created after the create began,
// so it is the new one.
func TestContactListCreateWithoutIDReadsTheCandidateForItsAge(t *testing.T) {
	c, f, _ := listsClient(t, func(a apiCall) (int, string) {
		switch {
		case strings.HasSuffix(a.Path, "/createContactList"):
			return 0, envelope(`{"name":"Renewals"}`)
		case strings.HasSuffix(a.Path, "/getAllListDetails"):
			return 0, envelope(`[{"_id":"cl-0","name":"Other"},{"_id":"cl-1","name":"Renewals"}]`)
		}
		return 0, envelope(contactListSample)
	})
	l, err := c.ContactLists.Create(t.Context(), ContactListRequest{Name: "Renewals"})
	if err != nil {
		t.Fatal(err)
	}
	if l.ID != "cl-1" {
		t.Fatalf("adopted %q, want cl-1", l.ID)
	}
	f.expectCalls(t,
		call(t, "POST", clPrefix+"/createContactList?accountId="+testAccount, `{"name":"Renewals","description":"","source":"passiveApi"}`),
		call(t, "POST", clPrefix+"/getAllListDetails?accountId="+testAccount+"&type=call", ""),
		call(t, "GET", clPrefix+"/cl-1?accountId="+testAccount, ""))
}

// A 502: the only list with the name was created before the create began,
// so it is never taken for the new one (names are not unique keys).
func TestContactListCreateAfter5xxNeverAdoptsAnOlderSameNamedList(t *testing.T) {
	old := strings.Replace(contactListSample, "2026-03-01T12:00:00.000Z", "2026-02-01T09:00:00.000Z", 1)
	c, _, _ := listsClient(t, func(a apiCall) (int, string) {
		switch {
		case strings.HasSuffix(a.Path, "/createContactList"):
			return http.StatusBadGateway, `bad gateway`
		case strings.HasSuffix(a.Path, "/getAllListDetails"):
			return 0, envelope(`[{"_id":"cl-1","name":"Renewals"}]`)
		}
		return 0, envelope(old)
	}, func(cfg *Config) { cfg.MaxRetries = 0 })
	_, err := c.ContactLists.Create(t.Context(), ContactListRequest{Name: "Renewals"})
	var u *UnconfirmedCreateError
	if !errors.As(err, &u) || !reflect.DeepEqual(u.FoundIDs, []string{"cl-1"}) || u.Created {
		t.Fatalf("err %v (%T), want an unconfirmed create listing cl-1", err, err)
	}
	if !strings.Contains(err.Error(), "created before the create began") {
		t.Fatalf("err %v does not say why cl-1 was not taken", err)
	}
}

func TestContactListCreateAfter5xxWithNoListNamedSoSaysNoneWasMade(t *testing.T) {
	c, f, _ := listsClient(t, func(a apiCall) (int, string) {
		if strings.HasSuffix(a.Path, "/createContactList") {
			return http.StatusInternalServerError, `{"errors":[{"msg":"boom"}]}`
		}
		return 0, envelope(`[]`)
	}, func(cfg *Config) { cfg.MaxRetries = 0 })
	_, err := c.ContactLists.Create(t.Context(), ContactListRequest{Name: "Renewals"})
	if err == nil || !strings.Contains(err.Error(), "boom") || !strings.Contains(err.Error(), "so none was created") {
		t.Fatalf("err %v", err)
	}
	if n := len(f.Calls()); n != 2 {
		t.Fatalf("%d calls, want the POST and one list read", n)
	}
}

func TestContactListGetRequiresTheID(t *testing.T) {
	c, _, _ := listsClient(t, answer(envelope(`{"name":"Renewals"}`)))
	_, err := c.ContactLists.Get(t.Context(), "cl-1")
	var d *DecodeError
	if !errors.As(err, &d) || !strings.Contains(err.Error(), "_id") {
		t.Fatalf("err %v, want a decode error naming _id", err)
	}
}

func TestContactListGone(t *testing.T) {
	for _, tc := range []struct {
		name      string
		getStatus int
		list      func() (int, string)
		gone      bool
		stream    bool
	}{
		{"404 and not listed", 404, func() (int, string) { return 0, envelope(`[{"_id":"cl-2","name":"x"}]`) }, true, false},
		{"400 and not listed", 400, func() (int, string) { return 0, envelope(`[]`) }, true, false},
		{"404 but listed", 404, func() (int, string) { return 0, envelope(`[{"_id":"cl-1","name":"x"}]`) }, false, false},
		{"404 and the list refused", 404, func() (int, string) { return 401, `{"errors":[{"msg":"bad token"}]}` }, false, true},
		{"500", 500, nil, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, f, _ := listsClient(t, func(a apiCall) (int, string) {
				if strings.HasSuffix(a.Path, "/getAllListDetails") {
					return tc.list()
				}
				return tc.getStatus, `{"errors":[{"msg":"no"}]}`
			}, func(cfg *Config) { cfg.MaxRetries = 0 })
			_, getErr := c.ContactLists.Get(t.Context(), "cl-1")
			gone, err := c.ContactLists.Gone(t.Context(), "cl-1", getErr)
			if gone != tc.gone || (err == nil) != tc.gone || IsStreamError(err) != tc.stream {
				t.Fatalf("gone %v, err %v; want gone %v, stream error %v", gone, err, tc.gone, tc.stream)
			}
			if tc.list == nil && len(f.Calls()) != 1 {
				t.Fatalf("a 500 read the list: %v", f.Calls())
			}
		})
	}
}

// Once the contact lists answered in this process, a 404 is proof enough:
// no list read.
func TestContactList404AfterTheListsAnsweredIsGoneWithoutAListRead(t *testing.T) {
	c, f, _ := listsClient(t, func(a apiCall) (int, string) {
		if a.Method == http.MethodPut {
			return 0, envelope(`{"contactListId":"cl-1","body":{"name":"x"}}`)
		}
		return 404, `{"errors":[{"msg":"not found"}]}`
	})
	if err := c.ContactLists.Update(t.Context(), "cl-1", ContactListUpdateRequest{Name: String("x")}); err != nil {
		t.Fatal(err)
	}
	_, getErr := c.ContactLists.Get(t.Context(), "cl-1")
	if gone, err := c.ContactLists.Gone(t.Context(), "cl-1", getErr); !gone || err != nil {
		t.Fatalf("gone %v, %v", gone, err)
	}
	f.expectCalls(t, call(t, "PUT", clPrefix+"/cl-1?accountId="+testAccount, `{"name":"x"}`),
		call(t, "GET", clPrefix+"/cl-1?accountId="+testAccount, ""))
}

func TestContactListListChecksEveryEntry(t *testing.T) {
	c, _, _ := listsClient(t, answer(envelope(`[{"_id":"cl-1","name":"a"},{"name":"b"}]`)))
	if _, err := c.ContactLists.List(t.Context()); err == nil || !strings.Contains(err.Error(), "entry 2") {
		t.Fatalf("err %v, want entry 2 named", err)
	}
}

func TestContactListFindByNameFollowsTheNamePolicy(t *testing.T) {
	c, _, _ := listsClient(t, answer(envelope(`[{"_id":"cl-1","name":"a"},{"_id":"cl-2","name":"a"},{"_id":"cl-3","name":"b"}]`)))
	if l, err := c.ContactLists.FindByName(t.Context(), "b"); err != nil || l.ID != "cl-3" {
		t.Fatalf("b: %v %v", l, err)
	}
	_, err := c.ContactLists.FindByName(t.Context(), "a")
	if !IsAmbiguousName(err) || !strings.Contains(err.Error(), "cl-1, cl-2") {
		t.Fatalf("a: %v", err)
	}
	if _, err := c.ContactLists.FindByName(t.Context(), "A"); !IsNotFound(err) {
		t.Fatalf("A: %v, want not found (names are compared with case)", err)
	}
}

func TestContactListAddNumbersNamesTheListAndRefusesASharedName(t *testing.T) {
	lists := `[{"_id":"cl-1","name":"Renewals"},{"_id":"cl-2","name":"Other"}]`
	c, f, _ := listsClient(t, func(a apiCall) (int, string) {
		if strings.HasSuffix(a.Path, "/getAllListDetails") {
			return 0, envelope(lists)
		}
		return 0, `{"message":"Adding contacts to public list is in progress"}`
	})
	if err := c.ContactLists.AddNumbers(t.Context(), "cl-1", []string{"+14155550100", "14155550101"}); err != nil {
		t.Fatal(err)
	}
	f.expectCalls(t, call(t, "POST", clPrefix+"/getAllListDetails?accountId="+testAccount+"&type=call", ""),
		call(t, "POST", clPrefix+"/addContacts?accountId="+testAccount,
			`{"contact_list_name":"Renewals","data":[{"phoneNumber":"+14155550100"},{"phoneNumber":"14155550101"}]}`))

	lists = `[{"_id":"cl-1","name":"Renewals"},{"_id":"cl-9","name":"Renewals"}]`
	err := c.ContactLists.AddNumbers(t.Context(), "cl-1", []string{"+14155550100"})
	if !IsAmbiguousName(err) || !strings.Contains(err.Error(), "cl-1, cl-9") {
		t.Fatalf("err %v, want an ambiguous name listing both", err)
	}
	if n := len(f.Calls()); n != 3 {
		t.Fatalf("%d calls: a shared name must send no add", n)
	}
	if err := c.ContactLists.AddNumbers(t.Context(), "cl-7", []string{"+14155550100"}); !IsNotFound(err) {
		t.Fatalf("unknown list: %v", err)
	}
}

// The add page prints /api/1.1/public/{IID}/…: a 404 at the v2 base (no
// such route, nothing added) is followed by one POST there, and the next
// add goes straight there.
func TestContactListAddNumbersFallsBackToThePrintedPrefixOn404(t *testing.T) {
	c, f, _ := listsClient(t, func(a apiCall) (int, string) {
		switch {
		case strings.HasSuffix(a.Path, "/getAllListDetails"):
			return 0, envelope(`[{"_id":"cl-1","name":"Renewals"}]`)
		case strings.HasPrefix(a.Path, "/campaign/"):
			return 404, `Cannot POST`
		}
		return 0, `{"message":"in progress"}`
	})
	for range 2 {
		if err := c.ContactLists.AddNumbers(t.Context(), "cl-1", []string{"+14155550100"}); err != nil {
			t.Fatal(err)
		}
	}
	calls := f.Calls()
	printed := "/api/1.1/public/" + testStream + "/campaign/contactList/addContacts"
	// The list, the base path's 404, the printed prefix; then the list and
	// the printed prefix alone.
	if len(calls) != 5 || !strings.HasPrefix(calls[1].Path, "/campaign/") || calls[2].Path != printed ||
		!strings.HasSuffix(calls[3].Path, "/getAllListDetails") || calls[4].Path != printed {
		t.Fatalf("calls %v", calls)
	}
}

func numbersPage(numbers ...string) string {
	var b strings.Builder
	for i, n := range numbers {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"_id":"cc-` + n + `","phoneNumber":"` + n + `"}`)
	}
	return envelope(`{"results":[` + b.String() + `],"skip":0,"limit":50,"hasMore":false,"totalPages":1,"totalResults":` +
		strconv.Itoa(len(numbers)) + `}`)
}

// The add is asynchronous: the wait reads the numbers every interval on
// the client's clock until all are there, comparing digits (the API keeps
// no +), and tells progress after each read.
func TestContactListWaitForNumbersPollsOnTheClock(t *testing.T) {
	reads := 0
	c, f, clock := listsClient(t, func(apiCall) (int, string) {
		reads++
		if reads == 1 {
			return 0, numbersPage("14155550100")
		}
		return 0, numbersPage("14155550100", "14155550101")
	})
	var progress []string
	got, err := c.ContactLists.WaitForNumbers(t.Context(), "cl-1", []string{"+1 415 555 0100", "+14155550101"}, NumbersWait{
		Interval: 10 * time.Second, Timeout: time.Minute,
		Progress: func(p, w int) { progress = append(progress, fmt.Sprintf("%d/%d", p, w)) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || reads != 2 || !reflect.DeepEqual(progress, []string{"1/2", "2/2"}) {
		t.Fatalf("got %v after %d reads, progress %v", got, reads, progress)
	}
	if s := clock.Slept(); !reflect.DeepEqual(s, []time.Duration{10 * time.Second}) {
		t.Fatalf("slept %v, want one interval", s)
	}
	if c := f.Calls()[0]; c.Path != clPrefix+"/cl-1/getAllContacts" || c.Query != "accountId="+testAccount+"&limit=100&skip=0" {
		t.Fatalf("read %s", c)
	}
}

func TestContactListWaitForNumbersEndsAtItsBound(t *testing.T) {
	c, f, clock := listsClient(t, answer(numbersPage("14155550100")))
	start := clock.Now()
	_, err := c.ContactLists.WaitForNumbers(t.Context(), "cl-1", []string{"+14155550100", "+14155550199"}, NumbersWait{
		Interval: 10 * time.Second, Timeout: 30 * time.Second})
	var p *NumbersPendingError
	if !errors.As(err, &p) || !reflect.DeepEqual(p.Missing, []string{"+14155550199"}) {
		t.Fatalf("err %v", err)
	}
	if n := len(f.Calls()); n != 4 || clock.Now().Sub(start) != 30*time.Second {
		t.Fatalf("%d reads over %s, want 4 over 30s", n, clock.Now().Sub(start))
	}
}

func TestContactListWaitForNumbersStopsOnCancel(t *testing.T) {
	c, f, clock := listsClient(t, answer(numbersPage()))
	ctx, cancel := context.WithCancel(t.Context())
	clock.onSleep = func(time.Duration) { cancel() }
	_, err := c.ContactLists.WaitForNumbers(ctx, "cl-1", []string{"+14155550100"}, NumbersWait{})
	if !errors.Is(err, context.Canceled) || len(f.Calls()) != 1 {
		t.Fatalf("err %v after %d reads, want canceled after 1", err, len(f.Calls()))
	}
}
