package export

import (
	"context"
	"sort"
	"strings"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

const typeContact = "smartassist_contact"

// readContacts walks the contact list and keeps the active contacts: the
// API deletes softly, and an INACTIVE contact is a deleted one.
func readContacts(ctx context.Context, e *exporter) error {
	all, err := e.c.Contacts.ListAll(ctx)
	if err != nil {
		return err
	}
	e.contacts = e.contacts[:0]
	for _, c := range all {
		if c.Active() {
			e.contacts = append(e.contacts, c)
		}
	}
	if left := len(all) - len(e.contacts); left > 0 {
		e.progress("contacts: %d INACTIVE (deleted) contacts left out", left)
	}
	return nil
}

// nameContacts names the contacts after their first and last names.
func nameContacts(e *exporter) {
	cands := make([]candidate, len(e.contacts))
	for i, c := range e.contacts {
		cands[i] = candidate{slug: slug(string(c.FirstName)+" "+string(c.LastName), "contact"), key: c.ID()}
	}
	for i, name := range uniqueNames(cands) {
		e.refs.add("contact", e.contacts[i].ID(), ref{typ: typeContact, name: name})
	}
}

// renderContacts writes the names, the salutation and the number, without
// the country code the API prefixes to it.
func renderContacts(e *exporter, f *file) {
	order := indexes(len(e.contacts))
	name := func(i int) string { return e.refs["contact"][e.contacts[i].ID()].name }
	sort.Slice(order, func(a, b int) bool { return name(order[a]) < name(order[b]) })
	for _, i := range order {
		c := e.contacts[i]
		b := e.resource(f, *e.refs["contact"][c.ID()], c.ID())
		setString(b, "first_name", string(c.FirstName))
		setString(b, "last_name", string(c.LastName))
		setString(b, "salutation", salutation(string(c.Salutation)))
		p := c.CellPhone.Value
		b.SetAttributeRaw("cell_phone", objectTokens(map[string]string{
			"country_code": string(p.CountryCode),
			"phone_number": p.LocalNumber(),
			"extension":    string(p.Extension),
		}))
	}
}

// salutation is the API's salutation as the contact resource takes it: in
// lower case, when that is one of the documented values ("Mrs" is "mrs").
// The resource reads a difference of case as no change.
func salutation(s string) string {
	for _, v := range client.ContactSalutations {
		if strings.EqualFold(s, v) {
			return v
		}
	}
	return s
}
