package provider

import (
	"errors"
	"fmt"

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
// object with terraform import; "" for any other error. importKey is what
// the resource's import takes besides an id (an agent's email), or "".
func createAdvice(err error, importKey string) string {
	var u *client.UnconfirmedCreateError
	switch {
	case !errors.As(err, &u):
		return ""
	case u.FoundID != "":
		return fmt.Sprintf(". If it is the one this create made, import it (terraform import <address> %s) instead of creating it again; "+
			"if it is an older one, give the new %s another %s", u.FoundID, u.Kind, u.By)
	case importKey != "":
		return fmt.Sprintf(". If the %s exists, import it by %s (terraform import <address> %s) instead of creating it again", u.Kind, u.By, importKey)
	}
	return fmt.Sprintf(". If the %s exists, import it by its id (terraform import <address> <id>) instead of creating it again", u.Kind)
}
