package emulator

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestContactAccessorsReturnCopies(t *testing.T) {
	s := New(Config{})
	doc, ok := s.Contact(janeContactID)
	if !ok || doc["firstName"] != "jane" {
		t.Fatalf("Contact(jane) = %v, %v", doc, ok)
	}
	doc["firstName"] = "Mallory"
	doc["cellPhone"].(map[string]any)["phoneNumber"] = "+10000000000"
	again, _ := s.Contact(janeContactID)
	if again["firstName"] != "jane" || contactPhone(again) != "+912445670002" {
		t.Fatal("Contact() returned shared state")
	}
	list := s.Contacts()
	if !reflect.DeepEqual(contactIDs(list), []string{johnContactID, janeContactID, priyaContactID, oliverContactID}) {
		t.Fatalf("Contacts() = %v", contactIDs(list))
	}
	list[0]["cellPhone"].(map[string]any)["phoneNumber"] = "+10000000000"
	if john, _ := s.Contact(johnContactID); contactPhone(john) != "+912445600001" {
		t.Fatal("Contacts() returned shared state")
	}
	if _, ok := s.Contact(unknownContact); ok {
		t.Fatal("Contact(unknown) found something")
	}
}

func TestUpdateContactOutOfBand(t *testing.T) {
	h := newHarness(t, Config{})
	ok := h.srv.UpdateContact(janeContactID, func(doc map[string]any) {
		doc["lastName"] = "Smith"
		doc["cellPhone"].(map[string]any)["phoneNumber"] = "+912445670099"
		doc["id"] = "cannot-change"
		// mutate may call back into the server.
		_, _ = h.srv.Contact(johnContactID)
	})
	if !ok {
		t.Fatal("UpdateContact reported a missing contact")
	}
	list := h.do(http.MethodGet, "/contacts", nil).object(t, http.StatusOK)
	jane := list["results"].([]any)[1].(map[string]any)
	if jane["id"] != janeContactID || jane["lastName"] != "Smith" || contactPhone(jane) != "+912445670099" {
		t.Fatalf("listed after UpdateContact: %v", jane)
	}
	if h.srv.UpdateContact(unknownContact, func(map[string]any) { t.Error("mutate called for a missing contact") }) {
		t.Fatal("UpdateContact(unknown) = true")
	}
}

func TestSoftDeleteContactAndPutContactRecord(t *testing.T) {
	h := newHarness(t, Config{})
	if !h.srv.SoftDeleteContact(priyaContactID) || h.srv.SoftDeleteContact(priyaContactID) || h.srv.SoftDeleteContact(oliverContactID) {
		t.Fatal("SoftDeleteContact should succeed once, and never on an INACTIVE contact")
	}
	if priya, ok := h.srv.Contact(priyaContactID); !ok || priya["status"] != "INACTIVE" {
		t.Fatalf("after SoftDeleteContact: %v %v", priya["status"], ok)
	}
	h.do(http.MethodDelete, "/contacts/"+priyaContactID, nil).errorMsg(t, http.StatusNotFound)

	odd := map[string]any{
		"id":        "6964ffff0000000000000001",
		"firstName": "odd",
		"status":    "ACTIVE",
		"cellPhone": map[string]any{"phoneNumber": 5551234}, // a number where the docs say string
	}
	h.srv.PutContactRecord(odd)
	got, _ := h.srv.Contact("6964ffff0000000000000001")
	want := map[string]any{
		"id": "6964ffff0000000000000001", "firstName": "odd", "status": "ACTIVE",
		"cellPhone": map[string]any{"phoneNumber": 5551234.0},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Contact = %v, want %v", got, want)
	}
	// Replacing keeps the position; a record without id gets one.
	odd["firstName"] = "odder"
	h.srv.PutContactRecord(odd)
	h.srv.PutContactRecord(map[string]any{"firstName": "noid"})
	all := h.srv.Contacts()
	if len(all) != seededContacts+2 || all[4]["firstName"] != "odder" || !hex24Pattern.MatchString(all[5]["id"].(string)) {
		t.Fatalf("Contacts() = %v", all)
	}
	// The API still serves odd shapes.
	h.do(http.MethodGet, "/contacts?limit=100", nil).object(t, http.StatusOK)
	h.do(http.MethodPut, "/contacts/6964ffff0000000000000001", contactBody("a", "b", "mr", "5551234", "+1")).object(t, http.StatusOK)
}

func TestDefaultSeedContacts(t *testing.T) {
	seed := DefaultSeed()
	if len(seed.Contacts) != seededContacts {
		t.Fatalf("%d seeded contacts, want %d", len(seed.Contacts), seededContacts)
	}
	active := 0
	for _, c := range seed.Contacts {
		cell := c["cellPhone"].(map[string]any)
		if !strings.HasPrefix(cell["phoneNumber"].(string), cell["countryCode"].(string)) {
			t.Errorf("%s: phoneNumber %v lacks its country code %v", c["id"], cell["phoneNumber"], cell["countryCode"])
		}
		if c["status"] == "ACTIVE" {
			active++
		}
		if c["fullName"] != c["firstName"].(string)+" "+c["lastName"].(string) || !hex24Pattern.MatchString(c["id"].(string)) {
			t.Errorf("%s: fullName %v", c["id"], c["fullName"])
		}
	}
	if active != 3 || seed.Contacts[3]["id"] != oliverContactID || seed.Contacts[3]["status"] != "INACTIVE" {
		t.Fatalf("%d ACTIVE contacts, fourth %v %v", active, seed.Contacts[3]["id"], seed.Contacts[3]["status"])
	}

	// Loaded contacts belong to the server's account and stream.
	s := New(Config{StreamID: "st-other", AccountID: "acc-other"})
	john, _ := s.Contact(johnContactID)
	if john["instanceBotId"] != "st-other" || john["accountId"] != "acc-other" || john["orgId"] != seed.OrgID {
		t.Fatalf("loaded john: %v %v %v", john["instanceBotId"], john["accountId"], john["orgId"])
	}
}

func TestLoadSeedContacts(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// A seed without contacts still loads.
	seed, err := LoadSeed(write("none.json", `{"orgId":"o-1"}`))
	if err != nil || len(seed.Contacts) != 0 {
		t.Fatalf("seed without contacts: %v, %v", seed, err)
	}
	if n := len(New(Config{Seed: seed}).Contacts()); n != 0 {
		t.Fatalf("%d contacts loaded from a seed without any", n)
	}

	// The default seed round-trips through a file.
	data, err := json.Marshal(DefaultSeed())
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadSeed(write("default.json", string(data)))
	if err != nil || !reflect.DeepEqual(loaded.Contacts, DefaultSeed().Contacts) {
		t.Fatalf("round trip: %v", err)
	}

	phone := func(id, number, status string) string {
		return `{"id":"` + id + `","status":"` + status + `","cellPhone":{"phoneNumber":"` + number + `","countryCode":"+1"}}`
	}
	for _, c := range []struct{ name, content, want string }{
		{"noid.json", `{"orgId":"o-1","contacts":[{"_id":"x"}]}`, "contacts[0]: id must be a non-empty string"},
		{"dupid.json", `{"orgId":"o-1","contacts":[` + phone("c", "+15550001", "ACTIVE") + `,` + phone("c", "+15550002", "ACTIVE") + `]}`,
			"contacts[1]: duplicate id c"},
		{"dupphone.json", `{"orgId":"o-1","contacts":[` + phone("a", "+15550001", "ACTIVE") + `,` + phone("b", "+15550001", "ACTIVE") + `]}`,
			"contacts[1]: phone number +15550001 is already attached to ACTIVE contact a"},
		{"nophone.json", `{"orgId":"o-1","contacts":[{"id":"a","status":"ACTIVE"}]}`,
			"contacts[0]: cellPhone.phoneNumber must be a non-empty string"},
	} {
		_, err := LoadSeed(write(c.name, c.content))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to mention %q", c.name, err, c.want)
		}
	}
	// An INACTIVE contact may share the number of an ACTIVE one.
	if _, err := LoadSeed(write("inactive.json", `{"orgId":"o-1","contacts":[`+
		phone("a", "+15550001", "ACTIVE")+`,`+phone("b", "+15550001", "INACTIVE")+`]}`)); err != nil {
		t.Fatalf("INACTIVE duplicate: %v", err)
	}
}
