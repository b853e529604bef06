package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// clearProviderEnv makes sure no SMARTASSIST_* variable of the developer's
// shell leaks into a test.
func clearProviderEnv(t *testing.T) {
	for _, attr := range []string{"host", "stream_id", "account_id", "client_id", "client_secret", "jwt",
		"requests_per_minute", "max_retries", "request_timeout"} {
		t.Setenv(envName(attr), "")
	}
}

const readMaria = `
data "smartassist_agent" "maria" {
  id = "` + seedMariaID + `"
}
`

// rawProvider writes a provider block from attribute lines.
func rawProvider(lines ...string) string {
	return `
terraform {
  required_providers {
    smartassist = {
      source = "koreai/smartassist"
    }
  }
}

provider "smartassist" {
  ` + strings.Join(lines, "\n  ") + `
}
` + readMaria
}

func TestProviderConfigErrors(t *testing.T) {
	env := newTestEnv(t)
	c := env.emu.Config()
	host := fmt.Sprintf("host = %q", env.url)
	stream := fmt.Sprintf("stream_id = %q", c.StreamID)
	account := fmt.Sprintf("account_id = %q", c.AccountID)
	id := fmt.Sprintf("client_id = %q", c.ClientID)
	secret := fmt.Sprintf("client_secret = %q", c.ClientSecret)

	cases := []struct {
		name   string
		env    map[string]string
		config string
		want   string
	}{
		{"no credentials", nil, rawProvider(host, stream, account),
			`Missing SmartAssist credentials.*Set client_id and client_secret \(or SMARTASSIST_CLIENT_ID and\s+SMARTASSIST_CLIENT_SECRET\).*SMARTASSIST_JWT`},
		{"both modes in the block", nil, rawProvider(host, stream, account, id, secret, `jwt = "eyJ.x.y"`),
			`Attribute "jwt" cannot be specified when "client_id" is specified`},
		{"both modes across block and environment", map[string]string{"SMARTASSIST_CLIENT_ID": c.ClientID, "SMARTASSIST_CLIENT_SECRET": c.ClientSecret},
			rawProvider(host, stream, account, `jwt = "eyJ.x.y"`), `Conflicting authentication settings.*SMARTASSIST_JWT`},
		{"secret without id", nil, rawProvider(host, stream, account, secret),
			`Attribute "client_id" must be specified when "client_secret" is specified`},
		{"host not a URL", nil, rawProvider(`host = "platform.kore.ai"`, stream, account, id, secret),
			`Invalid host.*"platform.kore.ai" is not an http\(s\) URL`},
		{"host from the environment not a URL", map[string]string{"SMARTASSIST_HOST": "ftp://example.com"},
			rawProvider(stream, account, id, secret), `Invalid SmartAssist host.*came from the SMARTASSIST_HOST environment variable`},
		{"negative rate", nil, rawProvider(host, stream, account, id, secret, "requests_per_minute = -5"),
			`requests_per_minute value must be at least 0.1`},
		{"negative rate from the environment", map[string]string{"SMARTASSIST_REQUESTS_PER_MINUTE": "-5"},
			rawProvider(host, stream, account, id, secret), `Invalid requests_per_minute.*SMARTASSIST_REQUESTS_PER_MINUTE is "-5"`},
		{"missing stream", nil, rawProvider(host, account, id, secret),
			`Missing SmartAssist stream_id.*SMARTASSIST_STREAM_ID`},
		{"bad timeout", nil, rawProvider(host, stream, account, id, secret, `request_timeout = "soon"`),
			`Invalid request_timeout.*"soon" is not a positive duration`},
		{"max retries out of range", nil, rawProvider(host, stream, account, id, secret, "max_retries = 99"),
			`max_retries value must be between 0 and 20, got: 99`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			clearProviderEnv(t)
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			env.emu.ResetCounts()
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviderFactories,
				Steps: []resource.TestStep{{
					Config:      tc.config,
					ExpectError: regex(`(?s)` + tc.want),
				}},
			})
			env.expectNoRequests(t)
		})
	}
}

// TestProviderConfigFromEnvironment: an empty provider block works when
// every setting comes from SMARTASSIST_* variables, as in CI.
func TestProviderConfigFromEnvironment(t *testing.T) {
	env := newTestEnv(t)
	c := env.emu.Config()
	clearProviderEnv(t)
	for k, v := range map[string]string{
		"SMARTASSIST_HOST": env.url, "SMARTASSIST_STREAM_ID": c.StreamID, "SMARTASSIST_ACCOUNT_ID": c.AccountID,
		"SMARTASSIST_CLIENT_ID": c.ClientID, "SMARTASSIST_CLIENT_SECRET": c.ClientSecret,
		"SMARTASSIST_REQUESTS_PER_MINUTE": "6000", "SMARTASSIST_MAX_RETRIES": "2", "SMARTASSIST_REQUEST_TIMEOUT": "10s",
	} {
		t.Setenv(k, v)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: env.resetCounts,
			Config:    rawProvider(),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("data.smartassist_agent.maria", "custom_id", seedMariaCustomID),
				env.expectCounts(map[string]int{"GET /agents/{id}": 1}),
			),
		}},
	})
}

// TestProviderWrongSecret: the API's 401 reaches the user once, pointing at
// the credentials and the API scopes, and is not retried.
func TestProviderWrongSecret(t *testing.T) {
	env := newTestEnv(t)
	c := env.emu.Config()
	clearProviderEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: env.resetCounts,
			Config: rawProvider(fmt.Sprintf("host = %q", env.url), fmt.Sprintf("stream_id = %q", c.StreamID),
				fmt.Sprintf("account_id = %q", c.AccountID), fmt.Sprintf("client_id = %q", c.ClientID), `client_secret = "not-the-secret"`),
			ExpectError: regex(`(?s)Unable to read agent.*HTTP 401.*Check the provider credentials.*Contact Center API\s+scopes`),
		}},
	})
	if n := env.emu.Count("GET /agents/{id}"); n != 1 {
		t.Fatalf("the 401 was sent %d times, want once (no retry)", n)
	}
}
