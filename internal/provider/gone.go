package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// A failed read of one object changes the state only when the client
// confirms that the object is gone (a 404 for it while its collection is
// known to answer: see client's gone.go). A stream, account or host that
// answers nothing is an error, so a typo in the provider configuration
// never plans to re-create what exists, nor drops it from the state.

// goneFunc is a service's Gone method bound to one object.
type goneFunc func(ctx context.Context, err error) (bool, error)

// confirmGone reports whether err proves the object gone. When it does not,
// it adds an error diagnostic with summary, what failed ("Reading the
// queue qu-1 (\"Billing\")") and why.
func confirmGone(ctx context.Context, diags *diag.Diagnostics, err error, gone goneFunc, summary, what string) bool {
	isGone, why := gone(ctx, err)
	if isGone {
		return true
	}
	diags.AddError(summary, fmt.Sprintf("%s failed: %v", what, why)+unreachableHint(why)+errorHint(why))
	return false
}

// unreachableHint explains an error that says the API does not answer for
// this configuration, naming the settings to check; "" for other errors.
func unreachableHint(err error) string {
	switch {
	case client.IsIncompleteList(err):
		return "\n\nThe API's answers for the list do not add up to the whole list (it seems to ignore the paging parameters " +
			"the provider sends), so the provider cannot tell whether the object still exists. Nothing was removed from the state. " +
			"The paging of this list is not documented: report its path and these figures to Kore.ai support."
	case client.IsStreamError(err):
		return "\n\nThe API answers neither for the object nor for its list, so the provider configuration does not reach " +
			"this app: check stream_id, account_id and host (or SMARTASSIST_STREAM_ID, SMARTASSIST_ACCOUNT_ID and " +
			"SMARTASSIST_HOST). Nothing was removed from the state."
	case client.IsUnauthorized(err):
		return "\n\nThe API refused this request's credentials for this app: check stream_id, account_id and host as well " +
			"as the credentials (or their SMARTASSIST_ variables). Nothing was removed from the state."
	case client.IsNoAnswer(err):
		return "\n\nNo answer came from the API: check host (or SMARTASSIST_HOST) and the network. Nothing was removed from the state."
	}
	return ""
}

// deleteDone reports whether a delete that answered err is over: it
// succeeded, or the object is confirmed gone (a delete of what is already
// gone succeeds). A 404 that is not confirmed adds an error diagnostic and
// is over too. Any other failure is left to the caller to explain.
func deleteDone(ctx context.Context, diags *diag.Diagnostics, err error, gone goneFunc, summary, what string) bool {
	if err == nil {
		return true
	}
	if !client.IsNotFound(err) && !client.IsClientError(err) {
		return false
	}
	isGone, why := gone(ctx, err)
	switch {
	case isGone:
		return true
	case client.IsNotFound(err) || client.IsStreamError(why):
		diags.AddError(summary, fmt.Sprintf("%s failed: %v", what, why)+unreachableHint(why)+errorHint(why))
		return true
	}
	return false
}

// listHint explains a failed read of a whole list (contacts are read only
// through theirs): a list that the API refuses means the configuration
// does not reach this app.
func listHint(err error) string {
	if hint := unreachableHint(err); hint != "" {
		return hint
	}
	if client.IsClientError(err) && !client.IsRateLimited(err) {
		return "\n\nThe API refuses the list itself, so the provider configuration does not reach this app: check stream_id, " +
			"account_id and host (or SMARTASSIST_STREAM_ID, SMARTASSIST_ACCOUNT_ID and SMARTASSIST_HOST). Nothing was removed from the state."
	}
	return ""
}
