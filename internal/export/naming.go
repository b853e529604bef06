package export

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// slug turns an object's own name (or email) into a Terraform name: lower
// case ASCII letters, digits and underscores. Accents are dropped ("José"
// is "jose"); any other run of characters is one underscore. A name that
// is left empty is fallback (the kind, such as "queue"); one that starts
// with a digit, which Terraform refuses, gets fallback and an underscore in
// front ("24x7" is "queue_24x7").
func slug(name, fallback string) string {
	var b strings.Builder
	gap := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// A combining mark: the accent of the letter before it.
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			b.WriteRune(unicode.ToLower(r))
		default:
			gap = true
		}
	}
	out := b.String()
	switch {
	case out == "":
		return fallback
	case out[0] >= '0' && out[0] <= '9':
		return fallback + "_" + out
	}
	return out
}

// candidate is one object to name: its slug and a key that orders the
// objects whose slugs collide (the object's id, which never changes).
type candidate struct {
	slug string
	key  string
}

// uniqueNames names each candidate, in the order given, with its slug when
// no other candidate has the same one. Candidates that share a slug are
// ordered by key and numbered from the second one on ("support",
// "support_2", …), skipping any name another candidate has as its own
// slug. The same candidates always get the same names, whatever order they
// come in.
func uniqueNames(cands []candidate) []string {
	count := map[string]int{}
	for _, c := range cands {
		count[c.slug]++
	}
	used := map[string]bool{}
	out := make([]string, len(cands))
	var clashing []int
	for i, c := range cands {
		if count[c.slug] == 1 {
			out[i] = c.slug
			used[c.slug] = true
		} else {
			clashing = append(clashing, i)
		}
	}
	sort.SliceStable(clashing, func(a, b int) bool {
		ca, cb := cands[clashing[a]], cands[clashing[b]]
		if ca.slug != cb.slug {
			return ca.slug < cb.slug
		}
		return ca.key < cb.key
	})
	for _, i := range clashing {
		base := cands[i].slug
		name := base
		for n := 2; used[name]; n++ {
			name = fmt.Sprintf("%s_%d", base, n)
		}
		used[name] = true
		out[i] = name
	}
	return out
}
