package provider

import (
	"errors"
	"fmt"
	"strings"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// The client is a Go SDK that knows nothing of Terraform: its errors say
// what HTTP and the API did. What a user can do about them in Terraform's
// terms (the provider settings to check, the import that adopts an object)
// is added here, where those errors become diagnostics.

// errorHint is the advice a diagnostic adds after a client error: its
// paragraphs, or "" when the error needs none.
func errorHint(err error) string {
	var hint string
	if client.IsUnauthorized(err) {
		hint += "\n\nCheck the provider credentials (client_id and client_secret, or jwt), the stream_id and account_id, " +
			"and that the JWT app has the Contact Center API scopes assigned and published."
	}
	if client.IsAmbiguousName(err) {
		hint += "\n\nThe name does not say which of them is meant: refer to the one you mean by its id."
	}
	if client.RetriesExhausted(err) {
		hint += "\n\nmax_retries was reached: a larger max_retries (or SMARTASSIST_MAX_RETRIES) retries a failing request longer."
	}
	return hint
}

// createAdvice follows the error of a create whose outcome the client could
// not confirm (*client.UnconfirmedCreateError) and says how to adopt the
// object; "" for any other error. importKey is what the resource's import
// takes besides an id (an agent's email), or "". When the client found
// objects with the create's key but none provably made by this create, it
// gives the import block that takes up each of them.
func createAdvice(err error, importKey string) string {
	var u *client.UnconfirmedCreateError
	switch {
	case !errors.As(err, &u):
		return ""
	case len(u.FoundIDs) > 0:
		return foundAdvice(u, importKey)
	case importKey != "":
		return fmt.Sprintf(". If the %s exists, import it by %s (terraform import <address> %s) instead of creating it again", u.Kind, u.By, importKey)
	}
	return fmt.Sprintf(". If the %s exists, import it by its id (terraform import <address> <id>) instead of creating it again", u.Kind)
}

// foundAdvice is the advice after a create that found objects with its key
// that are not provably its own: none is put in the state (a destroy would
// delete it), and an import block takes up the one the user means.
func foundAdvice(u *client.UnconfirmedCreateError, importKey string) string {
	var b strings.Builder
	ids := u.FoundIDs
	if importKey != "" {
		ids = []string{importKey}
	}
	if len(u.FoundIDs) == 1 {
		fmt.Fprintf(&b, ".\n\nIt was not put in the state, because nothing proves it is the one this create made. If it is the %s this "+
			"configuration describes, import it instead of creating it again: add this block to the configuration and apply again.\n\n", u.Kind)
	} else {
		fmt.Fprintf(&b, ".\n\nNone was put in the state, because nothing proves which, if any, this create made. If one of them is the %s "+
			"this configuration describes, import that one instead of creating it again: add its block to the configuration and apply again.\n\n", u.Kind)
	}
	for _, id := range ids {
		fmt.Fprintf(&b, "import {\n  to = <this resource's address, shown above>\n  id = %q\n}\n\n", id)
	}
	fmt.Fprintf(&b, "Otherwise give this resource another %s.", u.By)
	return b.String()
}

// existsDetail is the detail of a create the API refused while an object
// with the create's natural key exists (*client.ExistsError): it names the
// object and gives the import block that adopts it, with importID, the id
// the resource's import takes for that object. ok is false for any other
// error. The provider does not know the resource's address; Terraform
// prints it with the diagnostic.
func existsDetail(err error, importID func(e *client.ExistsError) string) (detail string, ok bool) {
	var e *client.ExistsError
	if !errors.As(err, &e) {
		return "", false
	}
	return fmt.Sprintf("The API refused to create the %s%s with the %s %s: %v.\n\n"+
		"%s %s%s with the %s %s exists already, with the id %s. An apply that was stopped before it could record the "+
		"objects it made (a CI runner killed mid-apply, say) leaves such objects. To manage it with Terraform, import "+
		"it instead of creating it again: add this block to the configuration and apply again.\n\n"+
		"import {\n  to = <this resource's address, shown above>\n  id = %q\n}\n\n"+
		"If it is not the object this configuration describes, give this resource another %s.",
		e.Kind, e.Where, e.By, e.Value, e.Err, article(e.Kind), e.Kind, e.Where, e.By, e.Value, e.ID, importID(e), e.By), true
}

// article is "An" before a kind that begins with a vowel, else "A".
func article(kind string) string {
	if kind != "" && strings.ContainsRune("aeiou", rune(kind[0])) {
		return "An"
	}
	return "A"
}

// existingID is the import id of most resources: the object's own id.
func existingID(e *client.ExistsError) string { return e.ID }
