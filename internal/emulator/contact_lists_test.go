package emulator

import (
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

var contactListIDPattern = regexp.MustCompile(`^cl-[0-9a-f]{7}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// campaignPath is the full path of a campaign route with the accountId
// query parameter; rel may hold its own query.
func campaignPath(rel string) string {
	sep := "?"
	if strings.Contains(rel, "?") {
		sep = "&"
	}
	return campaignBasePath + DefaultStreamID + rel + sep + "accountId=" + DefaultAccountID
}

// doCampaign sends an authenticated request to a campaign route.
func (h *harness) doCampaign(method, rel string, body any) *response {
	h.t.Helper()
	return h.doPath(method, campaignPath(rel), body)
}

// doPath sends an authenticated request to a full path.
func (h *harness) doPath(method, path string, body any) *response {
	h.t.Helper()
	res, err := h.request(method, path, body, nil)
	if err != nil {
		h.t.Fatalf("%s %s: %v", method, path, err)
	}
	return res
}

// data checks the success envelope and returns its data.
func (r *response) data(t *testing.T, message string) any {
	t.Helper()
	body := r.object(t, http.StatusOK)
	if body["status"] != "success" || body["message"] != message {
		t.Fatalf("envelope status/message = %v/%v, want success/%q; body %s", body["status"], body["message"], message, r.body)
	}
	return body["data"]
}

func newListBody(name string) map[string]any {
	return map[string]any{"name": name, "description": "Renewals due", "source": "passiveApi", "allowDuplicates": true}
}

// createList creates a contact list through the API and returns its id.
func (h *harness) createList(body map[string]any) string {
	h.t.Helper()
	data := h.doCampaign(http.MethodPost, "/campaign/contactList/createContactList", body).
		data(h.t, "Contact list "+body["name"].(string)+" created successfully").(map[string]any)
	id, _ := data["_id"].(string)
	return id
}

func wantContactList(id, name, desc string, allow bool, count int, createdAt, updatedAt string) map[string]any {
	mode := "allowDuplicates"
	if !allow {
		mode = "dontAllowDuplicates"
	}
	return map[string]any{
		"_id": id, "isActive": true, "name": name, "description": desc,
		"totalRecordCount": float64(count), "status": "Ready",
		"createdBy": adminUserID, "updatedBy": adminUserID,
		"mapping": map[string]any{
			"firstName": "firstName", "lastName": "lastName", "phoneNumber": "phoneNumber",
			"timeZone": "timeZone", "uniqueId": "uniqueId", "contactPriority": "contactPriority",
		},
		"isListInUse": false, "listType": "call", "isGlobalDNC": false, "isDefault": false,
		"campaignInUse": []any{}, "source": "passiveApi",
		"apiConfigurations": map[string]any{"dataSyncMode": mode},
		"columns":           []any{}, "files": []any{},
		"createdAt": createdAt, "updatedAt": updatedAt, "allowDuplicates": allow,
	}
}

func TestContactListCreateGetListDelete(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	now := "2025-08-05T06:42:06.414Z"

	created := h.doCampaign(http.MethodPost, "/campaign/contactList/createContactList", newListBody("Renewals July")).
		data(t, "Contact list Renewals July created successfully").(map[string]any)
	id, _ := created["_id"].(string)
	if !contactListIDPattern.MatchString(id) {
		t.Fatalf("_id = %v", created["_id"])
	}
	want := wantContactList(id, "Renewals July", "Renewals due", true, 0, now, now)
	if !reflect.DeepEqual(created, want) {
		t.Fatalf("create data =\n%v\nwant\n%v", created, want)
	}
	got := h.doCampaign(http.MethodGet, "/campaign/contactList/"+id, nil).data(t, "")
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("get data =\n%v\nwant\n%v", got, want)
	}
	if !reflect.DeepEqual(h.srv.ContactList(id), want) {
		t.Fatalf("ContactList() = %v", h.srv.ContactList(id))
	}

	noDup := newListBody("Strict")
	delete(noDup, "allowDuplicates")
	strictID := h.createList(noDup)

	list := h.doCampaign(http.MethodPost, "/campaign/contactList/getAllListDetails?type=call", nil).data(t, "").([]any)
	if len(list) != 2 {
		t.Fatalf("list has %d entries, want 2: %v", len(list), list)
	}
	wantEntry := wantContactList(strictID, "Strict", "Renewals due", false, 0, now, now)
	for _, k := range []string{"isActive", "createdBy", "updatedBy", "isGlobalDNC", "isDefault", "createdAt", "allowDuplicates"} {
		delete(wantEntry, k)
	}
	if list[0].(map[string]any)["_id"] != id || !reflect.DeepEqual(list[1], wantEntry) {
		t.Fatalf("list =\n%v\nwant [%s, %v]", list, id, wantEntry)
	}

	deleted := h.doCampaign(http.MethodDelete, "/campaign/contactList/"+id, nil).data(t, "Contact list Renewals July deleted successfully")
	if !reflect.DeepEqual(deleted, want) {
		t.Fatalf("delete data = %v", deleted)
	}
	if msg := h.doCampaign(http.MethodGet, "/campaign/contactList/"+id, nil).errorMsg(t, http.StatusNotFound); msg != "Contact list not found: "+id {
		t.Fatalf("msg = %q", msg)
	}
	if msg := h.doCampaign(http.MethodDelete, "/campaign/contactList/"+id, nil).errorMsg(t, http.StatusNotFound); msg != "Contact list not found: "+id {
		t.Fatalf("msg = %q", msg)
	}
	for key, n := range map[string]int{
		"POST /campaign/contactList/createContactList": 2,
		"GET /campaign/contactList/{id}":               2,
		"DELETE /campaign/contactList/{id}":            2,
		"POST /campaign/contactList/getAllListDetails": 1,
	} {
		if got := h.srv.Count(key); got != n {
			t.Errorf("Count(%q) = %d, want %d", key, got, n)
		}
	}
}

func TestContactListCreateRefused(t *testing.T) {
	long := strings.Repeat("n", 49)
	cases := []struct {
		name   string
		body   map[string]any
		status int
		msg    string
	}{
		{"no name", map[string]any{"description": "d", "source": "passiveApi"}, 400, "name is required"},
		{"name too long", map[string]any{"name": long, "description": "d", "source": "passiveApi"}, 400, "name must be at most 48 characters"},
		{"no description", map[string]any{"name": "n", "source": "passiveApi"}, 400, "description is required"},
		{"description too long", map[string]any{"name": "n", "description": strings.Repeat("d", 257), "source": "passiveApi"}, 400, "description must be at most 256 characters"},
		{"no source", map[string]any{"name": "n", "description": "d"}, 400, "source is required"},
		{"other source", map[string]any{"name": "n", "description": "d", "source": "localDrive"}, 400, `source must be "passiveApi", got "localDrive"`},
		{"allowDuplicates not bool", map[string]any{"name": "n", "description": "d", "source": "passiveApi", "allowDuplicates": "yes"}, 400, "allowDuplicates must be a boolean"},
		{"duplicate name", map[string]any{"name": "SEEDED", "description": "d", "source": "passiveApi"}, 409, "Contact list with name SEEDED already exists"},
	}
	h := newHarness(t, Config{})
	h.createList(newListBody("Seeded"))
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := h.doCampaign(http.MethodPost, "/campaign/contactList/createContactList", tc.body)
			if msg := res.errorMsg(t, tc.status); msg != tc.msg {
				t.Fatalf("msg = %q, want %q", msg, tc.msg)
			}
		})
	}
	if n := len(h.srv.ContactLists()); n != 1 {
		t.Fatalf("%d lists stored, want 1", n)
	}
	// 48 characters is allowed.
	h.createList(newListBody(strings.Repeat("n", 48)))
}

func TestContactListUpdate(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	id := h.createList(newListBody("Before"))
	other := h.createList(newListBody("Other"))
	clock.Advance(61_000_000_000)

	got := h.doCampaign(http.MethodPut, "/campaign/contactList/"+id, map[string]any{"name": "After", "description": "New", "source": "ignored"}).
		data(t, "Contact list After updated successfully")
	want := map[string]any{"contactListId": id, "body": map[string]any{
		"name": "After", "description": "New", "scope": []any{"campaign_management"},
		"orgId": DefaultSeed().OrgID, "iId": DefaultStreamID, "listType": "call",
		"accountId": DefaultAccountID, "updatedBy": adminUserID,
	}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("update data =\n%v\nwant\n%v", got, want)
	}
	stored := h.srv.ContactList(id)
	if stored["name"] != "After" || stored["description"] != "New" || stored["source"] != "passiveApi" ||
		stored["updatedAt"] != "2025-08-05T06:43:07.414Z" || stored["createdAt"] != "2025-08-05T06:42:06.414Z" {
		t.Fatalf("stored = %v", stored)
	}

	// Only the description: the name stays, and the echo still names the list.
	got = h.doCampaign(http.MethodPut, "/campaign/contactList/"+id, map[string]any{"description": "Only"}).
		data(t, "Contact list After updated successfully")
	if body := got.(map[string]any)["body"].(map[string]any); body["name"] != "After" || body["description"] != "Only" {
		t.Fatalf("body = %v", body)
	}

	for _, tc := range []struct {
		name, path string
		body       map[string]any
		status     int
		msg        string
	}{
		{"duplicate", id, map[string]any{"name": "other"}, 409, "Contact list with name other already exists"},
		{"too long", id, map[string]any{"name": strings.Repeat("x", 49)}, 400, "name must be at most 48 characters"},
		{"empty name", id, map[string]any{"name": ""}, 400, "name must not be empty"},
		{"description too long", id, map[string]any{"description": strings.Repeat("x", 257)}, 400, "description must be at most 256 characters"},
		{"missing", "cl-nope", map[string]any{"name": "x"}, 404, "Contact list not found: cl-nope"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := h.doCampaign(http.MethodPut, "/campaign/contactList/"+tc.path, tc.body)
			if msg := res.errorMsg(t, tc.status); msg != tc.msg {
				t.Fatalf("msg = %q, want %q", msg, tc.msg)
			}
		})
	}
	if h.srv.ContactList(other)["name"] != "Other" || h.srv.ContactList(id)["name"] != "After" {
		t.Fatal("a refused update changed a list")
	}
}

func TestContactListAddContacts(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	dupID := h.createList(newListBody("Dups"))
	strict := newListBody("Strict")
	strict["allowDuplicates"] = false
	strictID := h.createList(strict)

	add := func(list string, phones ...string) *response {
		data := []any{}
		for _, p := range phones {
			data = append(data, map[string]any{"phoneNumber": p})
		}
		return h.doPath(http.MethodPost, campaignBasePath+DefaultStreamID+"/campaign/contactList/addContacts",
			map[string]any{"contact_list_name": list, "data": data})
	}
	for _, list := range []string{"Dups", "strict"} {
		body := add(list, "9122333445566", "+14155550100", "9122333445566").object(t, http.StatusOK)
		if !reflect.DeepEqual(body, map[string]any{"message": "Adding contacts to public list is in progress"}) {
			t.Fatalf("answer = %v", body)
		}
	}
	add("Strict", "14155550100", "+14155550100")
	if got, want := h.srv.ContactListNumbers(dupID), []string{"9122333445566", "+14155550100", "9122333445566"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Dups numbers = %v, want %v", got, want)
	}
	if got, want := h.srv.ContactListNumbers(strictID), []string{"9122333445566", "+14155550100", "14155550100"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Strict numbers = %v, want %v", got, want)
	}
	if n := h.srv.ContactList(strictID)["totalRecordCount"]; n != float64(3) {
		t.Fatalf("totalRecordCount = %v", n)
	}

	for _, tc := range []struct {
		name string
		body any
		msg  string
	}{
		{"no list name", map[string]any{"data": []any{map[string]any{"phoneNumber": "14155550100"}}}, "contact_list_name is required"},
		{"unknown list", map[string]any{"contact_list_name": "Nope", "data": []any{map[string]any{"phoneNumber": "14155550100"}}}, "Contact list not found: Nope"},
		{"no data", map[string]any{"contact_list_name": "Dups"}, "data is required and must be an array"},
		{"empty data", map[string]any{"contact_list_name": "Dups", "data": []any{}}, "data must hold at least one contact"},
		{"no phone", map[string]any{"contact_list_name": "Dups", "data": []any{map[string]any{"name": "x"}}}, "data[0].phoneNumber is required and must be a string"},
		{"bad phone", map[string]any{"contact_list_name": "Dups", "data": []any{map[string]any{"phoneNumber": "14155550100"}, map[string]any{"phoneNumber": "555-0100"}}}, `data[1].phoneNumber "555-0100" is not a valid phone number`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := h.doPath(http.MethodPost, campaignBasePath+DefaultStreamID+"/campaign/contactList/addContacts", tc.body)
			if msg := res.errorMsg(t, http.StatusBadRequest); msg != tc.msg {
				t.Fatalf("msg = %q, want %q", msg, tc.msg)
			}
		})
	}
	if n := len(h.srv.ContactListNumbers(dupID)); n != 3 {
		t.Fatalf("a refused add changed the list: %d numbers", n)
	}
	if n := h.srv.Count("POST /campaign/contactList/addContacts"); n != 9 {
		t.Fatalf("add count = %d, want 9", n)
	}
}

func TestContactListGetAllContacts(t *testing.T) {
	h := newHarness(t, Config{})
	id := h.createList(newListBody("Paged"))
	data := []any{}
	for i := range 12 {
		data = append(data, map[string]any{"phoneNumber": "1415555" + string(rune('0'+i/10)) + string(rune('0'+i%10)) + "00"})
	}
	h.doPath(http.MethodPost, campaignBasePath+DefaultStreamID+"/campaign/contactList/addContacts",
		map[string]any{"contact_list_name": "Paged", "data": data}).object(t, http.StatusOK)

	page := func(query string) map[string]any {
		t.Helper()
		return h.doCampaign(http.MethodGet, "/campaign/contactList/"+id+"/getAllContacts"+query, nil).
			data(t, "Contacts retrieved successfully").(map[string]any)
	}
	all := page("")
	if all["skip"] != 0.0 || all["limit"] != 50.0 || all["hasMore"] != false || all["totalPages"] != 1.0 || all["totalResults"] != 12.0 {
		t.Fatalf("figures = %v", all)
	}
	results := all["results"].([]any)
	first := results[0].(map[string]any)
	if len(results) != 12 || first["phoneNumber"] != "14155550000" || !regexp.MustCompile(`^cc-[0-9a-f]{8}-`).MatchString(first["_id"].(string)) ||
		first["createdAt"] == nil || first["updatedAt"] == nil || len(first) != 4 {
		t.Fatalf("results = %v", results)
	}
	p := page("?skip=10&limit=5")
	if p["skip"] != 10.0 || p["limit"] != 5.0 || p["hasMore"] != false || p["totalPages"] != 3.0 || len(p["results"].([]any)) != 2 {
		t.Fatalf("page = %v", p)
	}
	if p := page("?limit=500"); p["limit"] != 100.0 {
		t.Fatalf("limit = %v", p["limit"])
	}
	if msg := h.doCampaign(http.MethodGet, "/campaign/contactList/cl-nope/getAllContacts", nil).errorMsg(t, 404); msg != "Contact list not found: cl-nope" {
		t.Fatalf("msg = %q", msg)
	}
}

func TestContactListAccountQuery(t *testing.T) {
	h := newHarness(t, Config{})
	path := campaignBasePath + DefaultStreamID + "/campaign/contactList/getAllListDetails?type=call"
	if msg := h.doPath(http.MethodPost, path, nil).errorMsg(t, 400); msg != "accountId query parameter is required" {
		t.Fatalf("msg = %q", msg)
	}
	if msg := h.doPath(http.MethodPost, path+"&accountId=other", nil).errorMsg(t, 401); msg != "Invalid accountId" {
		t.Fatalf("msg = %q", msg)
	}
	if msg := h.doCampaign(http.MethodPost, "/campaign/contactList/getAllListDetails?type=sms", nil).errorMsg(t, 400); msg != `type must be "call", got "sms"` {
		t.Fatalf("msg = %q", msg)
	}
	// Unknown stream, unknown route, wrong method: as for every other route.
	if msg := h.doPath(http.MethodPost, campaignBasePath+"st-other/campaign/contactList/getAllListDetails?accountId="+DefaultAccountID, nil).errorMsg(t, 404); msg != "App not found: st-other" {
		t.Fatalf("msg = %q", msg)
	}
	h.doCampaign(http.MethodGet, "/campaign/contactList/getAllListDetails/x/y", nil).errorMsg(t, 404)
	h.doCampaign(http.MethodPatch, "/campaign/contactList/cl-x", nil).errorMsg(t, 405)
	// The /api/1.1/ prefix of the add-contacts page is not served by default.
	h.doPath(http.MethodPost, altPrefix11+DefaultStreamID+"/campaign/contactList/addContacts", map[string]any{}).errorMsg(t, 404)
}

func TestContactListSeed(t *testing.T) {
	seed := DefaultSeed()
	seed.ContactLists = []map[string]any{{"id": "cl-seeded", "name": "Seeded", "phoneNumbers": []any{"14155550100"}}}
	h := newHarness(t, Config{Seed: seed})
	got := h.doCampaign(http.MethodGet, "/campaign/contactList/cl-seeded", nil).data(t, "").(map[string]any)
	if got["name"] != "Seeded" || got["totalRecordCount"] != 1.0 || got["status"] != "Ready" || got["allowDuplicates"] != false {
		t.Fatalf("seeded list = %v", got)
	}
	if n := h.srv.ContactListNumbers("cl-seeded"); !reflect.DeepEqual(n, []string{"14155550100"}) {
		t.Fatalf("numbers = %v", n)
	}
	seed.ContactLists = append(seed.ContactLists, map[string]any{"id": "cl-2", "name": "seeded"})
	if err := seed.validate(); err != nil {
		t.Fatalf("validate: %v", err)
	}
	defer func() {
		if recover() == nil {
			t.Fatal("New accepted two lists named alike")
		}
	}()
	New(Config{Seed: seed})
}

// TestContactListFaultsAndHook: faults and the hook see campaign routes by
// their counter template, like every other route.
func TestContactListFaultsAndHook(t *testing.T) {
	h := newHarness(t, Config{})
	h.srv.InjectFault(Fault{Method: http.MethodPost, Route: "/campaign/contactList/createContactList", Status: 503})
	var seen []string
	h.srv.SetHook(func(phase HookPhase, method, route string, _ map[string]string) {
		if phase == BeforeHandle {
			seen = append(seen, method+" "+route)
		}
	})
	h.doCampaign(http.MethodPost, "/campaign/contactList/createContactList", newListBody("Faulted")).errorMsg(t, 503)
	if n := len(h.srv.ContactLists()); n != 0 {
		t.Fatalf("%d lists stored after a fault", n)
	}
	h.createList(newListBody("Faulted"))
	if want := []string{"POST /campaign/contactList/createContactList", "POST /campaign/contactList/createContactList"}; !reflect.DeepEqual(seen, want) {
		t.Fatalf("hook saw %v, want %v", seen, want)
	}
}
