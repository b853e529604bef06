package emulator

import "strings"

// store holds the stored records of one kind of routing object (queues,
// skill groups, skills, agent groups) by id and remembers the order they
// were inserted in, which is the order every list answers in. It is not
// safe for concurrent use: the server's lock guards it.
type store struct {
	docs  map[string]map[string]any
	order []string
}

func newStore() *store { return &store{docs: map[string]map[string]any{}} }

// get returns the stored record itself, not a copy.
func (st *store) get(id string) (map[string]any, bool) {
	doc, ok := st.docs[id]
	return doc, ok
}

// put inserts doc under its "id", or replaces the record with that id in
// place, keeping its position.
func (st *store) put(doc map[string]any) {
	id := str(doc, "id")
	if _, exists := st.docs[id]; !exists {
		st.order = append(st.order, id)
	}
	st.docs[id] = doc
}

// remove deletes a record and returns it.
func (st *store) remove(id string) (map[string]any, bool) {
	doc, ok := st.docs[id]
	if !ok {
		return nil, false
	}
	delete(st.docs, id)
	for i, o := range st.order {
		if o == id {
			st.order = append(st.order[:i:i], st.order[i+1:]...)
			break
		}
	}
	return doc, true
}

func (st *store) len() int { return len(st.order) }

// at returns the i-th record in insertion order.
func (st *store) at(i int) map[string]any { return st.docs[st.order[i]] }

// all returns the stored records in insertion order (not copies).
func (st *store) all() []map[string]any {
	out := make([]map[string]any, len(st.order))
	for i, id := range st.order {
		out[i] = st.docs[id]
	}
	return out
}

// byName finds a record whose name matches, ignoring case, skipping the
// record with id except.
func (st *store) byName(name, except string) map[string]any {
	for _, id := range st.order {
		if id == except {
			continue
		}
		if doc := st.docs[id]; strings.EqualFold(str(doc, "name"), name) {
			return doc
		}
	}
	return nil
}
