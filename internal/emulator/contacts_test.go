package emulator

import (
	"encoding/json"
	"net/http"
	"reflect"
	"testing"
	"time"
)

// Seeded contacts (seed/default.json): three ACTIVE, Oliver INACTIVE.
const (
	johnContactID   = "6964af60450340957c6a1b01" // +912445600001
	janeContactID   = "6964af806fc554153c0a1b02" // +912445670002
	priyaContactID  = "6964b0126fc554153c0a1b03" // +14155550142
	oliverContactID = "6964b0556fc554153c0a1b04" // +447700900123, INACTIVE
	ownerUserID     = "u-e454bed4-1f28-5a19-83bb-b29cc2370a11"
	seededContacts  = 4
	unknownContact  = "0000000000000000000000aa"
)

// contactBody is a create or update body; extension is "+" as in the
// samples.
func contactBody(first, last, salutation, phone, countryCode string) map[string]any {
	return map[string]any{
		"firstName":  first,
		"lastName":   last,
		"salutation": salutation,
		"cellPhone":  map[string]any{"phoneNumber": phone, "countryCode": countryCode, "extension": "+"},
	}
}

// array decodes an array body after checking the status.
func (r *response) array(t *testing.T, status int) []any {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body %s", r.status, status, r.body)
	}
	var a []any
	if err := json.Unmarshal(r.body, &a); err != nil {
		t.Fatalf("body is not a JSON array: %v; body %s", err, r.body)
	}
	return a
}

func contactIDs(docs []map[string]any) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i], _ = d["id"].(string)
	}
	return out
}

func TestCreateContactsInOrderWithStoredPhone(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	got := h.do(http.MethodPost, "/contacts", []any{
		contactBody("asha", "verma", "MRS", "9876500001", "+91"),
		contactBody("Tom", "Hale", "mr", "+447700900555", "+44"), // already prefixed: not doubled
	}).array(t, http.StatusOK)
	if len(got) != 2 {
		t.Fatalf("answered %d contacts, want 2", len(got))
	}
	first, second := got[0].(map[string]any), got[1].(map[string]any)

	wantKeys := []string{
		"accountId", "address", "cellPhone", "createdAt", "createdBy", "createdByAId", "firstName",
		"fullName", "id", "instanceBotId", "lastName", "orgId", "salutation", "status",
		"twitterDetails", "updatedAt", "updatedBy", "updatedByAId",
	}
	if keys := keysOf(first); !reflect.DeepEqual(keys, wantKeys) {
		t.Fatalf("contact keys =\n%v\nwant\n%v", keys, wantKeys)
	}
	id := first["id"].(string)
	if !hex24Pattern.MatchString(id) || !hex24Pattern.MatchString(second["id"].(string)) || id == second["id"] {
		t.Fatalf("ids %v / %v are not distinct 24-hex ids", id, second["id"])
	}
	want := map[string]any{
		"id": id, "firstName": "asha", "lastName": "verma", "fullName": "asha verma", "salutation": "MRS",
		"cellPhone":     map[string]any{"extension": "+", "phoneNumber": "+919876500001", "countryCode": "+91"},
		"status":        "ACTIVE",
		"instanceBotId": DefaultStreamID, "orgId": DefaultSeed().OrgID, "accountId": DefaultAccountID,
		"createdBy": ownerUserID, "createdByAId": adminID, "updatedBy": ownerUserID, "updatedByAId": adminID,
		"address": []any{}, "twitterDetails": []any{},
		"createdAt": "2025-08-05T06:42:06.414Z", "updatedAt": "2025-08-05T06:42:06.414Z",
	}
	if !reflect.DeepEqual(first, want) {
		t.Fatalf("first contact =\n%v\nwant\n%v", first, want)
	}
	if second["fullName"] != "Tom Hale" ||
		!reflect.DeepEqual(second["cellPhone"], map[string]any{"extension": "+", "phoneNumber": "+447700900555", "countryCode": "+44"}) {
		t.Fatalf("second contact: %v %v", second["fullName"], second["cellPhone"])
	}

	stored, ok := h.srv.Contact(id)
	if !ok || !reflect.DeepEqual(stored, first) {
		t.Fatalf("stored %v (found %v), want the answer %v", stored, ok, first)
	}
	all := contactIDs(h.srv.Contacts())
	wantOrder := []string{johnContactID, janeContactID, priyaContactID, oliverContactID, id, second["id"].(string)}
	if !reflect.DeepEqual(all, wantOrder) {
		t.Fatalf("Contacts() order = %v, want %v", all, wantOrder)
	}
}

func TestCreateContactsValidationCreatesNothing(t *testing.T) {
	good := contactBody("asha", "verma", "mrs", "9876500001", "+91")
	with := func(key string, v any) map[string]any {
		b := contactBody("asha", "verma", "mrs", "9876500002", "+91")
		if v == nil {
			delete(b, key)
		} else {
			b[key] = v
		}
		return b
	}
	withCell := func(key string, v any) map[string]any {
		b := contactBody("asha", "verma", "mrs", "9876500002", "+91")
		cell := b["cellPhone"].(map[string]any)
		if v == nil {
			delete(cell, key)
		} else {
			cell[key] = v
		}
		return b
	}
	for _, c := range []struct {
		name string
		body any
		want string
	}{
		{"object", `{"firstName":"a"}`, "request body must be a JSON array of contacts"},
		{"null", `null`, "request body must be a JSON array of contacts"},
		{"not json", `[`, "request body must be a JSON array of contacts"},
		{"empty", `[]`, "request body must hold at least one contact"},
		{"not an object", []any{good, 5}, "contacts[1] must be an object"},
		{"firstName missing", []any{good, with("firstName", nil)}, "contacts[1]: firstName is required"},
		{"lastName blank", []any{with("lastName", " ")}, "contacts[0]: lastName is required"},
		{"lastName number", []any{with("lastName", 7)}, "contacts[0]: lastName must be a string"},
		{"salutation missing", []any{with("salutation", nil)}, "contacts[0]: salutation is required"},
		{"salutation dr", []any{with("salutation", "dr")}, `contacts[0]: salutation must be mr or mrs, got "dr"`},
		{"salutation with dot", []any{with("salutation", "Mr.")}, `contacts[0]: salutation must be mr or mrs, got "Mr."`},
		{"cellPhone missing", []any{with("cellPhone", nil)}, "contacts[0]: cellPhone is required"},
		{"cellPhone string", []any{with("cellPhone", "+912445600000")}, "contacts[0]: cellPhone must be an object"},
		{"phoneNumber missing", []any{withCell("phoneNumber", nil)}, "contacts[0]: cellPhone.phoneNumber is required"},
		{"phoneNumber number", []any{withCell("phoneNumber", 9876500002)}, "contacts[0]: cellPhone.phoneNumber must be a string"},
		{"extension missing", []any{withCell("extension", nil)}, "contacts[0]: cellPhone.extension is required"},
		{"countryCode missing", []any{withCell("countryCode", nil)}, "contacts[0]: cellPhone.countryCode is required"},
		{"countryCode no plus", []any{withCell("countryCode", "91")}, `contacts[0]: cellPhone.countryCode must be + and 1 to 4 digits, e.g. +91, got "91"`},
		{"countryCode too long", []any{withCell("countryCode", "+12345")}, `contacts[0]: cellPhone.countryCode must be + and 1 to 4 digits, e.g. +91, got "+12345"`},
		{"phone with dash", []any{good, contactBody("b", "c", "mr", "9876500003", "+91"), withCell("phoneNumber", "98765-00002")}, "contacts[2]: cellPhone.phoneNumber must contain digits only"},
		{"phone other prefix", []any{withCell("phoneNumber", "+449876500002")}, "contacts[0]: cellPhone.phoneNumber must contain digits only"},
		{"phone only prefix", []any{withCell("phoneNumber", "+91")}, "contacts[0]: cellPhone.phoneNumber must contain digits only"},
		{"phone of an ACTIVE contact", []any{contactBody("x", "y", "mr", "2445600001", "+91")},
			"contacts[0]: phone number +912445600001 is already attached to contact " + johnContactID},
		{"same phone twice", []any{good, contactBody("other", "name", "mr", "+919876500001", "+91")},
			"contacts[1]: phone number +919876500001 is already attached to contacts[0] of this request"},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, Config{})
			msg := h.do(http.MethodPost, "/contacts", c.body).errorMsg(t, http.StatusBadRequest)
			if msg != c.want {
				t.Fatalf("msg = %q, want %q", msg, c.want)
			}
			if n := len(h.srv.Contacts()); n != seededContacts {
				t.Fatalf("%d contacts stored after a 400, want %d", n, seededContacts)
			}
		})
	}
}

func TestCreateContactReusesNumberOfInactiveContact(t *testing.T) {
	h := newHarness(t, Config{})
	got := h.do(http.MethodPost, "/contacts", []any{contactBody("Olivia", "Bennett", "mrs", "7700900123", "+44")}).array(t, http.StatusOK)
	if phone := got[0].(map[string]any)["cellPhone"].(map[string]any)["phoneNumber"]; phone != "+447700900123" {
		t.Fatalf("phoneNumber = %v", phone)
	}
	// The same name with another number is allowed (create-a-contact page).
	h.do(http.MethodPost, "/contacts", []any{contactBody("john", "doe", "mr", "2445600009", "+91")}).array(t, http.StatusOK)
}

func TestListContactsPaging(t *testing.T) {
	h := newHarness(t, Config{})
	body := h.do(http.MethodGet, "/contacts", nil).object(t, http.StatusOK)
	results := body["results"].([]any)
	if len(results) != seededContacts || body["skip"] != 0.0 || body["limit"] != 10.0 || body["hasMore"] != false ||
		body["totalPages"] != 1.0 || body["totalResults"] != 4.0 {
		t.Fatalf("first page: %d results, skip %v limit %v hasMore %v totalPages %v totalResults %v",
			len(results), body["skip"], body["limit"], body["hasMore"], body["totalPages"], body["totalResults"])
	}
	oliver := results[3].(map[string]any)
	if oliver["id"] != oliverContactID || oliver["status"] != "INACTIVE" {
		t.Fatalf("the INACTIVE contact is not listed last: %v %v", oliver["id"], oliver["status"])
	}
	seeded, _ := h.srv.Contact(janeContactID)
	if !reflect.DeepEqual(results[1], any(seeded)) {
		t.Fatalf("listed jane =\n%v\nstored\n%v", results[1], seeded)
	}

	created := h.do(http.MethodPost, "/contacts", []any{
		contactBody("a", "one", "mr", "5550001", "+1"),
		contactBody("b", "two", "mr", "5550002", "+1"),
		contactBody("c", "three", "mr", "5550003", "+1"),
	}).array(t, http.StatusOK)
	ids := []string{johnContactID, janeContactID, priyaContactID, oliverContactID}
	for _, c := range created {
		ids = append(ids, c.(map[string]any)["id"].(string))
	}

	page := func(query string) (map[string]any, []string) {
		t.Helper()
		b := h.do(http.MethodGet, "/contacts"+query, nil).object(t, http.StatusOK)
		var got []string
		for _, r := range b["results"].([]any) {
			got = append(got, r.(map[string]any)["id"].(string))
		}
		return b, got
	}
	b, got := page("?skip=2&limit=3")
	if !reflect.DeepEqual(got, ids[2:5]) || b["skip"] != 2.0 || b["limit"] != 3.0 || b["hasMore"] != true ||
		b["totalPages"] != 3.0 || b["totalResults"] != 7.0 {
		t.Fatalf("skip=2&limit=3: %v, body %v", got, b)
	}
	b, got = page("?skip=6&limit=3")
	if !reflect.DeepEqual(got, ids[6:]) || b["hasMore"] != false {
		t.Fatalf("skip=6&limit=3: %v, hasMore %v", got, b["hasMore"])
	}
	b, got = page("?limit=1000")
	if len(got) != 7 || b["limit"] != 100.0 {
		t.Fatalf("limit=1000: %d results, limit %v; want 7 and 100", len(got), b["limit"])
	}
	b, _ = page("?skip=50")
	if res := b["results"].([]any); len(res) != 0 || b["hasMore"] != false || b["totalResults"] != 7.0 {
		t.Fatalf("skip=50: %v", b)
	}
	for query, want := range map[string]string{
		"?skip=x":    `skip must be a non-negative integer, got "x"`,
		"?skip=-1":   `skip must be a non-negative integer, got "-1"`,
		"?limit=-5":  `limit must be a non-negative integer, got "-5"`,
		"?limit=ten": `limit must be a non-negative integer, got "ten"`,
	} {
		if msg := h.do(http.MethodGet, "/contacts"+query, nil).errorMsg(t, http.StatusBadRequest); msg != want {
			t.Errorf("%s: msg = %q, want %q", query, msg, want)
		}
	}
}

func TestUpdateContact(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	before, _ := h.srv.Contact(johnContactID)
	clock.Advance(time.Minute)

	body := contactBody("Johnny", "Doe", "MR", "9876500000", "+91")
	body["fullName"] = "ignored"
	got := h.do(http.MethodPut, "/contacts/"+johnContactID, body).object(t, http.StatusOK)
	want := copyDoc(before)
	want["firstName"], want["lastName"], want["fullName"], want["salutation"] = "Johnny", "Doe", "Johnny Doe", "MR"
	want["cellPhone"] = map[string]any{"extension": "+", "phoneNumber": "+919876500000", "countryCode": "+91"}
	want["updatedAt"] = "2025-08-05T06:43:06.414Z"
	want["updatedBy"], want["updatedByAId"] = ownerUserID, adminID
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("answer =\n%v\nwant\n%v", got, want)
	}
	if stored, _ := h.srv.Contact(johnContactID); !reflect.DeepEqual(stored, want) {
		t.Fatalf("stored =\n%v\nwant\n%v", stored, want)
	}

	// Sending back the stored number keeps it; it is not doubled, and the
	// contact's own number is no duplicate.
	again := h.do(http.MethodPut, "/contacts/"+johnContactID, contactBody("Johnny", "Doe", "MR", "+919876500000", "+91")).object(t, http.StatusOK)
	if phone := again["cellPhone"].(map[string]any)["phoneNumber"]; phone != "+919876500000" {
		t.Fatalf("phoneNumber = %v", phone)
	}
	// John's old number is free again.
	h.do(http.MethodPost, "/contacts", []any{contactBody("new", "owner", "mr", "2445600001", "+91")}).array(t, http.StatusOK)

	for _, c := range []struct {
		name, id string
		body     any
		status   int
		want     string
	}{
		{"unknown", unknownContact, contactBody("a", "b", "mr", "1", "+1"), 404, "Contact not found: " + unknownContact},
		{"inactive", oliverContactID, contactBody("a", "b", "mr", "1", "+1"), 404, "Contact not found: " + oliverContactID},
		{"salutation", johnContactID, contactBody("a", "b", "sir", "1", "+1"), 400, `salutation must be mr or mrs, got "sir"`},
		{"phone", johnContactID, contactBody("a", "b", "mr", "12ab", "+1"), 400, "cellPhone.phoneNumber must contain digits only"},
		{"array body", johnContactID, []any{}, 400, "request body must be a JSON object: json: cannot unmarshal array into Go value of type map[string]interface {}"},
		{"taken phone", johnContactID, contactBody("a", "b", "mr", "2445670002", "+91"), 400,
			"phone number +912445670002 is already attached to contact " + janeContactID},
	} {
		msg := h.do(http.MethodPut, "/contacts/"+c.id, c.body).errorMsg(t, c.status)
		if msg != c.want {
			t.Errorf("%s: msg = %q, want %q", c.name, msg, c.want)
		}
	}
	if stored, _ := h.srv.Contact(johnContactID); stored["firstName"] != "Johnny" || contactPhone(stored) != "+919876500000" {
		t.Fatalf("a failed update changed the contact: %v", stored)
	}
}

func TestDeleteContactIsSoft(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	before, _ := h.srv.Contact(johnContactID)
	clock.Advance(time.Hour)

	got := h.do(http.MethodDelete, "/contacts/"+johnContactID, nil).object(t, http.StatusOK)
	want := copyDoc(before)
	want["status"] = "INACTIVE"
	want["updatedAt"] = "2025-08-05T07:42:06.414Z"
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("answer =\n%v\nwant\n%v", got, want)
	}
	list := h.do(http.MethodGet, "/contacts", nil).object(t, http.StatusOK)
	first := list["results"].([]any)[0].(map[string]any)
	if list["totalResults"] != 4.0 || first["id"] != johnContactID || first["status"] != "INACTIVE" {
		t.Fatalf("after delete the list holds %v contacts, first %v %v", list["totalResults"], first["id"], first["status"])
	}

	if msg := h.do(http.MethodDelete, "/contacts/"+johnContactID, nil).errorMsg(t, http.StatusNotFound); msg != "Contact not found: "+johnContactID {
		t.Fatalf("second delete: msg = %q", msg)
	}
	h.do(http.MethodDelete, "/contacts/"+unknownContact, nil).errorMsg(t, http.StatusNotFound)
	h.do(http.MethodPut, "/contacts/"+johnContactID, contactBody("a", "b", "mr", "1", "+1")).errorMsg(t, http.StatusNotFound)
	// The deleted contact's number can be given to a new contact.
	h.do(http.MethodPost, "/contacts", []any{contactBody("john", "doe", "mr", "2445600001", "+91")}).array(t, http.StatusOK)
}

func TestContactCounters(t *testing.T) {
	h := newHarness(t, Config{})
	h.do(http.MethodPost, "/contacts", []any{contactBody("a", "b", "mr", "5550100", "+1")})
	h.do(http.MethodGet, "/contacts?skip=1", nil)
	h.do(http.MethodGet, "/contacts", nil)
	h.do(http.MethodPut, "/contacts/"+janeContactID, contactBody("jane", "doe", "mrs", "2445670002", "+91"))
	h.do(http.MethodPut, "/contacts/bulk-update", []any{map[string]any{"id": unknownContact}})
	h.do(http.MethodDelete, "/contacts/"+priyaContactID, nil)
	h.do(http.MethodDelete, "/contacts/bulk-delete", map[string]any{"ids": []any{janeContactID}})
	h.do(http.MethodGet, "/contacts/bulk-update", nil) // 405, counted under its own route
	h.do(http.MethodGet, "/contacts/"+johnContactID, nil)

	want := map[string]int{
		"POST /contacts":               1,
		"GET /contacts":                2,
		"PUT /contacts/{id}":           1,
		"PUT /contacts/bulk-update":    1,
		"DELETE /contacts/{id}":        1,
		"DELETE /contacts/bulk-delete": 1,
		"GET /contacts/bulk-update":    1,
		"GET /contacts/{id}":           1,
	}
	if got := h.srv.Counts(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Counts() =\n%v\nwant\n%v", got, want)
	}
	if got := h.srv.StatusCounts(); !reflect.DeepEqual(got, map[int]int{200: 7, 405: 2}) {
		t.Fatalf("StatusCounts() = %v", got)
	}
}

func TestContactRoutesMatchBulkBeforeID(t *testing.T) {
	for _, c := range []struct {
		method, rel, template string
		handled               bool
	}{
		{"PUT", "/contacts/bulk-update", "/contacts/bulk-update", true},
		{"DELETE", "/contacts/bulk-delete", "/contacts/bulk-delete", true},
		{"DELETE", "/contacts/bulk-update", "/contacts/bulk-update", false},
		{"PUT", "/contacts/bulk-delete", "/contacts/bulk-delete", false},
		{"PUT", "/contacts/" + janeContactID, "/contacts/{id}", true},
		{"DELETE", "/contacts/" + janeContactID, "/contacts/{id}", true},
		{"POST", "/contacts/", "/contacts", true},
	} {
		m := matchRoute(c.method, apiPath(c.rel))
		if m.template != c.template || (m.handler != nil) != c.handled {
			t.Errorf("%s %s: template %q handled %v; want %q %v", c.method, c.rel, m.template, m.handler != nil, c.template, c.handled)
		}
	}
}

func TestContactFaults(t *testing.T) {
	h := newHarness(t, Config{})
	h.srv.InjectFault(Fault{Method: "POST", Route: "/contacts", Drop: DropAfterHandling})
	body := []any{contactBody("drop", "after", "mr", "5550199", "+1")}
	if _, err := h.request(http.MethodPost, apiPath("/contacts"), body, nil); err == nil {
		t.Fatal("the client got an answer; want a transport error")
	}
	all := h.srv.Contacts()
	if len(all) != seededContacts+1 || contactPhone(all[seededContacts]) != "+15550199" {
		t.Fatalf("DropAfterHandling must create the contact; contacts: %v", contactIDs(all))
	}
	// A naive retry now collides with the contact the lost answer created.
	msg := h.do(http.MethodPost, "/contacts", body).errorMsg(t, http.StatusBadRequest)
	if want := "contacts[0]: phone number +15550199 is already attached to contact " + all[seededContacts]["id"].(string); msg != want {
		t.Fatalf("msg = %q, want %q", msg, want)
	}

	// A status fault answers without handling.
	h.srv.InjectFault(Fault{Route: "/contacts/{id}", Method: "DELETE", Status: 503})
	h.do(http.MethodDelete, "/contacts/"+janeContactID, nil).errorMsg(t, http.StatusServiceUnavailable)
	if jane, _ := h.srv.Contact(janeContactID); jane["status"] != "ACTIVE" {
		t.Fatal("a status fault must not delete the contact")
	}
	h.srv.InjectFault(Fault{Route: "/contacts/bulk-update", Status: 500})
	h.do(http.MethodPut, "/contacts/bulk-update", []any{
		map[string]any{"id": janeContactID, "firstName": "x", "lastName": "y", "salutation": "mr",
			"cellPhone": map[string]any{"phoneNumber": "1", "countryCode": "+1", "extension": "+"}},
	}).errorMsg(t, http.StatusInternalServerError)
	if jane, _ := h.srv.Contact(janeContactID); jane["firstName"] != "jane" {
		t.Fatal("a status fault must not update the contact")
	}
	// The fault was used up: the next request on the route is handled.
	h.do(http.MethodDelete, "/contacts/"+janeContactID, nil).object(t, http.StatusOK)
}
