package emulator

import (
	"net/http"
	"reflect"
	"testing"
	"time"
)

// bulkRecord is a bulk-update record for id.
func bulkRecord(id, first, last, salutation, phone, countryCode string) map[string]any {
	rec := contactBody(first, last, salutation, phone, countryCode)
	rec["id"] = id
	return rec
}

func TestBulkUpdateContactsMix(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	johnBefore, _ := h.srv.Contact(johnContactID)
	janeBefore, _ := h.srv.Contact(janeContactID)
	clock.Advance(time.Minute)

	noID := contactBody("no", "id", "mr", "5550300", "+1")
	res := h.do(http.MethodPut, "/contacts/bulk-update", []any{
		bulkRecord(johnContactID, "john", "doe", "mr", "9000000001", "+91"),         // 0 good
		bulkRecord(unknownContact, "ghost", "doe", "mr", "9000000002", "+91"),       // 1 unknown id
		bulkRecord(janeContactID, "jane", "doe", "mrs", "12ab", "+91"),              // 2 invalid phone
		bulkRecord(priyaContactID, "Priya", "Raman", "mrs", "2445670002", "+91"),    // 3 jane's number
		bulkRecord(janeContactID, "jane", "doe", "mrs", "+919000000001", "+91"),     // 4 number record 0 took
		bulkRecord(oliverContactID, "Oliver", "Bennett", "mr", "7700900124", "+44"), // 5 INACTIVE
		noID, // 6 no id
		bulkRecord(priyaContactID, "Priya", "Raman-Iyer", "Mrs", "4155550143", "+1"), // 7 good
		"not an object", // 8
		bulkRecord(janeContactID, "jane", "doe", "dr", "9000000003", "+91"), // 9 bad salutation
	})
	body := res.object(t, http.StatusOK)

	wantFailed := []any{
		map[string]any{"id": unknownContact, "reason": "Contact not found"},
		map[string]any{"id": janeContactID, "reason": "cellPhone.phoneNumber must contain digits only"},
		map[string]any{"id": priyaContactID, "reason": "Phone number +912445670002 is already attached to another contact"},
		map[string]any{"id": janeContactID, "reason": "Phone number +919000000001 is already attached to another contact"},
		map[string]any{"id": oliverContactID, "reason": "Contact not found"},
		map[string]any{"id": "", "reason": "id is required"},
		map[string]any{"id": "", "reason": "record must be an object"},
		map[string]any{"id": janeContactID, "reason": `salutation must be mr or mrs, got "dr"`},
	}
	if !reflect.DeepEqual(body["failedRecords"], wantFailed) {
		t.Fatalf("failedRecords =\n%v\nwant\n%v", body["failedRecords"], wantFailed)
	}
	if body["totalRequested"] != 10.0 || body["successful"] != 2.0 || body["failed"] != 8.0 {
		t.Fatalf("totals: %v requested, %v successful, %v failed", body["totalRequested"], body["successful"], body["failed"])
	}

	johnAfter, _ := h.srv.Contact(johnContactID)
	priyaAfter, _ := h.srv.Contact(priyaContactID)
	wantJohn := copyDoc(johnBefore)
	wantJohn["cellPhone"] = map[string]any{"extension": "+", "phoneNumber": "+919000000001", "countryCode": "+91"}
	wantJohn["updatedAt"] = "2025-08-05T06:43:06.414Z"
	if !reflect.DeepEqual(johnAfter, wantJohn) {
		t.Fatalf("stored john =\n%v\nwant\n%v", johnAfter, wantJohn)
	}
	if priyaAfter["fullName"] != "Priya Raman-Iyer" || contactPhone(priyaAfter) != "+14155550143" {
		t.Fatalf("stored priya: %v %v", priyaAfter["fullName"], contactPhone(priyaAfter))
	}
	// In successfulRecords the contact's id is "_id", as in the page's sample.
	asBulk := func(doc map[string]any) map[string]any {
		out := copyDoc(doc)
		out["_id"] = out["id"]
		delete(out, "id")
		return out
	}
	wantSucceeded := []any{
		map[string]any{"id": johnContactID, "contact": asBulk(johnAfter)},
		map[string]any{"id": priyaContactID, "contact": asBulk(priyaAfter)},
	}
	if !reflect.DeepEqual(body["successfulRecords"], wantSucceeded) {
		t.Fatalf("successfulRecords =\n%v\nwant\n%v", body["successfulRecords"], wantSucceeded)
	}
	contact := body["successfulRecords"].([]any)[0].(map[string]any)["contact"].(map[string]any)
	if _, hasID := contact["id"]; hasID || contact["_id"] != johnContactID {
		t.Fatalf("bulk contact has id %v / _id %v; want only _id", contact["id"], contact["_id"])
	}

	// The failed records changed nothing.
	if janeAfter, _ := h.srv.Contact(janeContactID); !reflect.DeepEqual(janeAfter, janeBefore) {
		t.Fatalf("jane changed:\n%v\nwas\n%v", janeAfter, janeBefore)
	}
	if oliver, _ := h.srv.Contact(oliverContactID); oliver["status"] != "INACTIVE" || contactPhone(oliver) != "+447700900123" {
		t.Fatalf("oliver changed: %v", oliver)
	}
	if n := len(h.srv.Contacts()); n != seededContacts {
		t.Fatalf("%d contacts, want %d", n, seededContacts)
	}
}

func TestBulkUpdateContactsAllGood(t *testing.T) {
	h := newHarness(t, Config{})
	// Swapping numbers works when the first record frees the number first.
	body := h.do(http.MethodPut, "/contacts/bulk-update", []any{
		bulkRecord(johnContactID, "john", "doe", "mr", "9000000009", "+91"),
		bulkRecord(janeContactID, "jane", "doe", "mrs", "2445600001", "+91"),
	}).object(t, http.StatusOK)
	if body["successful"] != 2.0 || body["failed"] != 0.0 || !reflect.DeepEqual(body["failedRecords"], []any{}) {
		t.Fatalf("body = %v", body)
	}
	if jane, _ := h.srv.Contact(janeContactID); contactPhone(jane) != "+912445600001" {
		t.Fatalf("jane's phone = %v", contactPhone(jane))
	}
}

func TestBulkUpdateContactsBadBody(t *testing.T) {
	h := newHarness(t, Config{})
	for body, want := range map[string]string{
		`{"id":"` + johnContactID + `"}`: "request body must be a JSON array of contacts",
		`"x"`:                            "request body must be a JSON array of contacts",
		`[]`:                             "request body must hold at least one contact",
	} {
		if msg := h.do(http.MethodPut, "/contacts/bulk-update", body).errorMsg(t, http.StatusBadRequest); msg != want {
			t.Errorf("%s: msg = %q, want %q", body, msg, want)
		}
	}
}

func TestBulkDeleteContactsMix(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	clock.Advance(time.Second)
	body := h.do(http.MethodDelete, "/contacts/bulk-delete", map[string]any{
		"ids": []any{johnContactID, unknownContact, oliverContactID, janeContactID, johnContactID},
	}).object(t, http.StatusOK)
	want := map[string]any{
		"totalRequested": 5.0,
		"successful":     2.0,
		"failed":         3.0,
		"successfulRecords": []any{
			map[string]any{"id": johnContactID},
			map[string]any{"id": janeContactID},
		},
		"failedRecords": []any{
			map[string]any{"id": unknownContact, "reason": "Contact not found"},
			map[string]any{"id": oliverContactID, "reason": "Contact not found"},
			map[string]any{"id": johnContactID, "reason": "Contact not found"},
		},
	}
	if !reflect.DeepEqual(body, want) {
		t.Fatalf("body =\n%v\nwant\n%v", body, want)
	}
	for id, status := range map[string]string{
		johnContactID: "INACTIVE", janeContactID: "INACTIVE", priyaContactID: "ACTIVE", oliverContactID: "INACTIVE",
	} {
		doc, _ := h.srv.Contact(id)
		if doc["status"] != status {
			t.Errorf("%s: status %v, want %s", id, doc["status"], status)
		}
	}
	if john, _ := h.srv.Contact(johnContactID); john["updatedAt"] != "2025-08-05T06:42:07.414Z" {
		t.Errorf("john's updatedAt = %v", john["updatedAt"])
	}
	if oliver, _ := h.srv.Contact(oliverContactID); oliver["updatedAt"] != "2025-07-20T16:02:37.118Z" {
		t.Errorf("oliver's updatedAt changed to %v", oliver["updatedAt"])
	}

	for raw, want := range map[string]string{
		`{}`:                         "ids is required",
		`{"ids":null}`:               "ids is required",
		`{"ids":"abc"}`:              "ids must be an array of contact ids",
		`{"ids":[]}`:                 "ids must hold at least one contact id",
		`{"ids":["a",1]}`:            "ids[1] must be a string",
		`["` + priyaContactID + `"]`: "request body must be a JSON object: json: cannot unmarshal array into Go value of type map[string]interface {}",
	} {
		if msg := h.do(http.MethodDelete, "/contacts/bulk-delete", raw).errorMsg(t, http.StatusBadRequest); msg != want {
			t.Errorf("%s: msg = %q, want %q", raw, msg, want)
		}
	}
	if priya, _ := h.srv.Contact(priyaContactID); priya["status"] != "ACTIVE" {
		t.Fatal("a rejected bulk delete deleted a contact")
	}
}
