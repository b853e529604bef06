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
		"requests_per_minute", "max_retries", "request_timeout", "shared_rate_limit"} {
		t.Setenv(envName(attr), "")
	}
}

var readMaria = `
data "smartassist_agent" "maria" {
  id = "` + seedMariaID + `"
}
`

// rawProvider writes a provider block from attribute lines.
func rawProvider(lines ...string) string {
	return terraformBlock + `
provider "smartassist" {
  ` + strings.Join(lines, "\n  ") + `
}
` + readMaria
}

// TestProviderConfigFromEnvironment: an empty provider block works when
// every setting comes from SMARTASSIST_* variables, as in CI.
func TestProviderConfigFromEnvironment(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	env := newSerialTestEnv(t)
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
	skipLive(t, liveNeedsCounts)
	env := newSerialTestEnv(t)
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

// TestProviderBlockBeatsEnvironment: a setting in the provider block wins
// over its SMARTASSIST_* variable, even one the provider could not use.
func TestProviderBlockBeatsEnvironment(t *testing.T) {
	skipLive(t, liveNeedsCounts)
	env := newSerialTestEnv(t)
	c := env.emu.Config()
	clearProviderEnv(t)
	for k, v := range map[string]string{
		"SMARTASSIST_HOST": "http://10.0.0.5", "SMARTASSIST_STREAM_ID": "st-other", "SMARTASSIST_CLIENT_SECRET": "not-the-secret",
		"SMARTASSIST_REQUESTS_PER_MINUTE": "-5", "SMARTASSIST_MAX_RETRIES": "many", "SMARTASSIST_REQUEST_TIMEOUT": "soon",
		"SMARTASSIST_SHARED_RATE_LIMIT": "sometimes",
	} {
		t.Setenv(k, v)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: env.resetCounts,
			Config: rawProvider(fmt.Sprintf("host = %q", env.url), fmt.Sprintf("stream_id = %q", c.StreamID),
				fmt.Sprintf("account_id = %q", c.AccountID), fmt.Sprintf("client_id = %q", c.ClientID),
				fmt.Sprintf("client_secret = %q", c.ClientSecret),
				"requests_per_minute = 6000", "max_retries = 1", `request_timeout = "10s"`, "shared_rate_limit = false"),
			Check: env.expectCounts(map[string]int{"GET /agents/{id}": 1}),
		}},
	})

	// A bad value from the environment names the attribute and the variable.
	clearProviderEnv(t)
	t.Setenv("SMARTASSIST_REQUEST_TIMEOUT", "soon")
	env.resetCounts()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config:      env.config(readMaria),
			ExpectError: wrapped(`Invalid request_timeout .* SMARTASSIST_REQUEST_TIMEOUT is "soon"; it must be a positive duration such as 30s or 2m.`),
		}},
	})
	env.expectNoRequests(t)
}
