package provider

import (
	"strings"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// canonicalSalutation is a salutation as the contact resource takes it: a
// documented value in another case ("Mrs", which the API may answer) is
// that value ("mrs"), so a difference of case never shows as a change.
// Anything else is kept as the API wrote it.
func canonicalSalutation(s string) string {
	for _, v := range client.ContactSalutations {
		if strings.EqualFold(s, v) {
			return v
		}
	}
	return s
}
