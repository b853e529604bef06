package export

import (
	"context"
	"sort"
)

const typeContactList = "smartassist_contact_list"

// readContactLists reads every contact list of the voice campaigns: one
// call, the API does not page it. A list without a description is left
// out, and said so: the resource requires one, as create-contact-list-v2
// does, so a block without it would not plan, and an invented one would
// plan a change.
func readContactLists(ctx context.Context, e *exporter) error {
	all, err := e.c.ContactLists.List(ctx)
	if err != nil {
		return err
	}
	e.contactLists = e.contactLists[:0]
	for _, l := range all {
		if l.Description == "" {
			e.progress("contact_lists: %s (%q) has no description, which smartassist_contact_list requires; left out", l.ID, string(l.Name))
			continue
		}
		e.contactLists = append(e.contactLists, l)
	}
	return nil
}

// nameContactLists names the lists after their names.
func nameContactLists(e *exporter) {
	cands := make([]candidate, len(e.contactLists))
	for i, l := range e.contactLists {
		cands[i] = candidate{slug: slug(string(l.Name), "contact_list"), key: string(l.ID)}
	}
	for i, name := range uniqueNames(cands) {
		e.refs.add(refContactList, string(e.contactLists[i].ID), ref{typ: typeContactList, name: name})
	}
}

// renderContactLists writes name and description. allow_duplicates is left
// out: the list answer does not carry it, and the resource reads it from
// the list on import (it is optional and computed), so reading each list
// for it would cost a call a list and change nothing.
func renderContactLists(e *exporter, f *file) {
	order := indexes(len(e.contactLists))
	name := func(i int) string { return e.refs[refContactList][string(e.contactLists[i].ID)].name }
	sort.Slice(order, func(a, b int) bool { return name(order[a]) < name(order[b]) })
	for _, i := range order {
		l := e.contactLists[i]
		b := e.resource(f, *e.refs[refContactList][string(l.ID)], string(l.ID))
		setString(b, "name", string(l.Name))
		setString(b, "description", string(l.Description))
	}
}
