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
		{&client.UnconfirmedCreateError{Kind: "queue", By: "name", Value: "Overnight", Err: errors.New("POST /queues: HTTP 502"), FoundID: "qu-9"}, "",
			"with the id qu-9. If it is the one this create made, import it (terraform import <address> qu-9) instead of creating it again; " +
				"if it is an older one, give the new queue another name"},
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
