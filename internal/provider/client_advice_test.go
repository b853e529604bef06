package provider

import (
	"errors"
	"strings"
	"testing"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// The import advice the client's errors used to carry is the provider's to
// give; the client's text plus the advice reads as it did.
func TestCreateAdviceTellsHowToImport(t *testing.T) {
	for _, tc := range []struct {
		err       *client.UnconfirmedCreateError
		importKey string
		want      string
	}{
		{&client.UnconfirmedCreateError{Kind: "agent group", By: "name", Value: "Tier 1", Created: true, LookupErr: errors.New("boom")}, "",
			"the agent group Tier 1 was created, but its id could not be read back; looking it up by name failed: boom. " +
				"If the agent group exists, import it by its id (terraform import <address> <id>) instead of creating it again"},
		{&client.UnconfirmedCreateError{Kind: "agent", By: "email", Value: "a@example.com", Created: true, LookupErr: errors.New("boom")}, "a@example.com",
			"If the agent exists, import it by email (terraform import <address> a@example.com) instead of creating it again"},
		{&client.UnconfirmedCreateError{Kind: "queue", By: "name", Value: "Overnight", Err: errors.New("POST /queues: HTTP 502"), FoundIDs: []string{"qu-9"},
			Reason: "each was created before the create began (by createdAt), so none is from this create"}, "",
			"with the id qu-9; each was created before the create began (by createdAt), so none is from this create.\n\n" +
				"It was not put in the state, because nothing proves it is the one this create made. If it is the queue this configuration " +
				"describes, import it instead of creating it again: add this block to the configuration and apply again.\n\n" +
				"import {\n  to = <this resource's address, shown above>\n  id = \"qu-9\"\n}\n\nOtherwise give this resource another name."},
		{&client.UnconfirmedCreateError{Kind: "agent group", By: "name", Value: "Tier 1", Created: true, FoundIDs: []string{"ag-1", "ag-2"}}, "",
			"with the ids ag-1, ag-2.\n\nNone was put in the state, because nothing proves which, if any, this create made. " +
				"If one of them is the agent group this configuration describes, import that one instead of creating it again: " +
				"add its block to the configuration and apply again.\n\n" +
				"import {\n  to = <this resource's address, shown above>\n  id = \"ag-1\"\n}\n\n" +
				"import {\n  to = <this resource's address, shown above>\n  id = \"ag-2\"\n}\n\nOtherwise give this resource another name."},
		{&client.UnconfirmedCreateError{Kind: "agent", By: "email", Value: "a@example.com", Err: errors.New("POST /agents: HTTP 502"), FoundIDs: []string{"a-1"}}, "a@example.com",
			"import {\n  to = <this resource's address, shown above>\n  id = \"a@example.com\"\n}\n\nOtherwise give this resource another email."},
	} {
		if got := tc.err.Error() + createAdvice(tc.err, tc.importKey); !strings.Contains(got, tc.want) {
			t.Errorf("got\n%s\nwant it to contain\n%s", got, tc.want)
		}
	}
	if createAdvice(errors.New("other"), "") != "" {
		t.Error("an error that is not an unconfirmed create needs no import advice")
	}
}

func TestErrorHintNamesTheCredentialSettings(t *testing.T) {
	hint := errorHint(&client.APIError{Method: "GET", Path: "/agents", StatusCode: 401})
	if !strings.Contains(hint, "client_id and client_secret, or jwt") || !strings.Contains(hint, "Contact Center API scopes") {
		t.Errorf("a 401's hint: %q", hint)
	}
	if hint := errorHint(&client.APIError{StatusCode: 503, Attempts: 3, RetriesExhausted: true}); !strings.Contains(hint, "max_retries") {
		t.Errorf("exhausted retries' hint: %q", hint)
	}
	if hint := errorHint(&client.APIError{StatusCode: 404}); hint != "" {
		t.Errorf("a 404 needs no hint: %q", hint)
	}
}
