package provider

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// runWithPrivateCache runs the tests with the user's cache directory in a
// temporary directory, so that the shared rate budgets of the providers
// they run, in this process and in the ones they start, never touch the
// real one. GOCACHE keeps pointing at the real build cache, so that the
// tests that build the provider do not build everything again.
func runWithPrivateCache(m *testing.M) int {
	if os.Getenv("GOCACHE") == "" {
		if out, err := exec.Command("go", "env", "GOCACHE").Output(); err == nil {
			os.Setenv("GOCACHE", strings.TrimSpace(string(out)))
		}
	}
	dir, err := os.MkdirTemp("", "smartassist-provider-cache-")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	os.Setenv("XDG_CACHE_HOME", dir) // os.UserCacheDir on Linux and the BSDs
	os.Setenv("LocalAppData", dir)   // on Windows
	code := m.Run()
	if providerDir != "" { // the provider build of rate_limit_test.go
		os.RemoveAll(providerDir)
	}
	return code
}

// The budget is shared through a state file named after the host and
// account in the cache directory, unless shared_rate_limit is false; the
// environment variable takes true or false only.
func TestSharedRateLimitSetting(t *testing.T) {
	skipLive(t, liveNeedsThrottle)
	for _, tc := range []struct {
		name, line string
		shared     bool
	}{{"default", "", true}, {"off", "shared_rate_limit = false", false}} {
		t.Run(tc.name, func(t *testing.T) {
			env := newSerialTestEnv(t)
			c := env.emu.Config()
			clearProviderEnv(t)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviderFactories,
				Steps: []resource.TestStep{{
					Config: rawProvider(fmt.Sprintf("host = %q", env.url), fmt.Sprintf("stream_id = %q", c.StreamID),
						fmt.Sprintf("account_id = %q", c.AccountID), fmt.Sprintf("client_id = %q", c.ClientID),
						fmt.Sprintf("client_secret = %q", c.ClientSecret), "requests_per_minute = 600", tc.line),
				}},
			})
			dir, err := client.SharedBudgetDir()
			if err != nil {
				t.Fatal(err)
			}
			_, err = os.Stat(filepath.Join(dir, client.BudgetFileName(env.url, c.AccountID)))
			if exists := err == nil; exists != tc.shared {
				t.Fatalf("state file exists: %v, want %v (%v)", exists, tc.shared, err)
			}
		})
	}

	env := newSerialTestEnv(t)
	clearProviderEnv(t)
	t.Setenv("SMARTASSIST_SHARED_RATE_LIMIT", "sometimes")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config:      env.config(readMaria),
			ExpectError: wrapped(`Invalid shared_rate_limit .* SMARTASSIST_SHARED_RATE_LIMIT is "sometimes"; it must be true or false.`),
		}},
	})
	env.expectNoRequests(t)
}
