package provider

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// Seed ids of the emulator's default seed (internal/emulator/seed); a live
// run points them at objects of the account (live_seed_test.go).
var (
	seedRoleAgent      = "67654be356840f366e79aaaa"
	seedRoleSupervisor = "67654be356840f366e79bbbb"
	seedDefaultGroup   = "ag-7d1c2e3-4b5a-4c6d-8e9f-0a1b2c3d4e5f"
	seedTier1Group     = "ag-2f8e9d0-6c7b-4a3e-9d1c-5b6a7f8e9d0c"
	seedDefaultQueue   = "qu-241a4d7-e5d0-45a9-8032-8238450501c2"
	seedSupportQueue   = "qu-5a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b"
	seedSalesQueue     = "qu-6b2c3d4-e5f6-4a71-9b8c-0d1e2f3a4b5c"
	seedDefaultSkill   = "633ffac608f3a07459939a1f"
	seedSpanishSkill   = "633ffac608f3a07459939a2a"
	seedFrenchSkill    = "633ffac608f3a07459939a2b"
	seedMariaID        = "a-5892576-bb12-461b-a58a-637d1d21c0de"
	seedMariaEmail     = "maria.lopez@example.com"
	seedMariaCustomID  = "EMP-0042"
)

// TestMain prepares terraform-plugin-testing for runs against the emulator.
// These acceptance tests never reach a real API unless a live run is asked
// for (live_test.go), so they always run: TF_ACC is set here rather than
// left for each developer to remember, and a missing Terraform CLI fails
// loudly instead of being downloaded. A sweep (-sweep) needs no CLI.
func TestMain(m *testing.M) {
	setDefault := func(k, v string) {
		if os.Getenv(k) == "" {
			os.Setenv(k, v)
		}
	}
	setDefault("TF_ACC", "1")
	// Test configurations declare source = "koreai/smartassist".
	setDefault("TF_ACC_PROVIDER_NAMESPACE", "koreai")
	if os.Getenv("TF_ACC_TERRAFORM_PATH") == "" && !sweeping(os.Args[1:]) {
		if _, err := exec.LookPath("terraform"); err != nil {
			fmt.Fprintln(os.Stderr, "No terraform on PATH and TF_ACC_TERRAFORM_PATH is not set. Run the tests with `make test`, "+
				"which falls back to an OpenTofu build, or install Terraform. Refusing to let the tests download one.")
			os.Exit(1)
		}
	}
	if live {
		// A live run never falls back to the emulator: it names what is missing.
		if err := liveProblem(os.Getenv); err != nil {
			fmt.Fprintf(os.Stderr, "%s=1 runs the acceptance tests against an account, and cannot start: %v\n", envLive, err)
			os.Exit(1)
		}
	}
	resource.TestMain(testRunner{m})
}

// testRunner runs the tests for resource.TestMain, which runs the sweepers
// instead when go test is given -sweep (sweeper_test.go). A live run keeps
// the user's cache directory: its providers spend the account's shared
// budget with every other process of the machine.
type testRunner struct{ m *testing.M }

func (r testRunner) Run() int {
	if live {
		c, err := accountClient(os.Getenv)
		if err == nil {
			var cleanup func()
			// TestMain has no test's context: the seed and its cleanup
			// run for the whole process, before and after every test.
			if cleanup, err = liveSeed(context.Background(), c, os.Getenv); err == nil {
				defer cleanup()
				fmt.Printf("live run %s: tests make objects named %s… in stream %s\n", runID, runPrefix(), os.Getenv(client.EnvStreamID))
				return r.m.Run()
			}
		}
		fmt.Fprintf(os.Stderr, "live run: cannot prepare the account: %v\n", err)
		return 1
	}
	return runWithPrivateCache(r.m)
}

var testProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"smartassist": providerserver.NewProtocol6WithError(New("test")()),
}

// testEnv is one emulator, served on loopback for one test.
type testEnv struct {
	t   *testing.T
	emu *emulator.Server
	url string
	api *client.Client // a live run's client, for its checks
}

// newTestEnv is a test's own emulator. A test on its own emulator shares
// nothing with the others, so it runs in parallel with them, as
// resource.ParallelTest would: make test's 2-core runner spends much of a
// test waiting on the terraform CLI. A test that sets the process
// environment (t.Setenv, clearProviderEnv) or runs on a clock scaled from
// the real one takes newSerialTestEnv.
//
// In a live run there is no emulator: the env points at the account the
// SMARTASSIST_* variables name, emu is nil, and a test that asks for an
// emulator reading (a Config) skips itself. A test that reads the emulator
// directly must call skipLive, or go through the env's live-aware helpers.
// Live tests run one at a time: they share one account (several name the
// same run-prefixed object) and its budget of 60 calls a minute, which
// parallel tests would only queue on.
func newTestEnv(t *testing.T, cfgs ...emulator.Config) *testEnv {
	t.Helper()
	if !live {
		t.Parallel()
	}
	return newSerialTestEnv(t, cfgs...)
}

// newSerialTestEnv is newTestEnv for a test that must run alone.
func newSerialTestEnv(t *testing.T, cfgs ...emulator.Config) *testEnv {
	t.Helper()
	var cfg emulator.Config
	if len(cfgs) > 0 {
		cfg = cfgs[0]
	}
	if live {
		if len(cfgs) > 0 {
			skipLive(t, liveNeedsReadings)
		}
		return &testEnv{t: t, url: os.Getenv(client.EnvHost)}
	}
	emu := emulator.New(cfg)
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	return &testEnv{t: t, emu: emu, url: srv.URL}
}

// terraformBlock declares the provider's registry address, as users do.
const terraformBlock = `
terraform {
  required_providers {
    smartassist = {
      source = "koreai/smartassist"
    }
  }
}
`

// providerBlock is the terraform and provider blocks pointing at this
// emulator, with any extra provider arguments.
//
// In a live run, the provider reads the account and its credentials from
// the SMARTASSIST_* variables, as a user's would: no secret is written into
// a test's configuration, and the requests per minute are the account's
// (SMARTASSIST_REQUESTS_PER_MINUTE, default 60).
func (e *testEnv) providerBlock(extra ...string) string {
	if e.emu == nil {
		return terraformBlock + fmt.Sprintf(`
provider "smartassist" {
%s
}
`, strings.Join(extra, "\n"))
	}
	c := e.emu.Config()
	return terraformBlock + fmt.Sprintf(`
provider "smartassist" {
  host                = %q
  stream_id           = %q
  account_id          = %q
  client_id           = %q
  client_secret       = %q
  requests_per_minute = 60000
%s
}
`, e.url, c.StreamID, c.AccountID, c.ClientID, c.ClientSecret, strings.Join(extra, "\n"))
}

// config is the provider block followed by body.
func (e *testEnv) config(body string) string { return e.providerBlock() + body }

// resetCounts is a PreConfig that starts a step's request counts from zero.
// A live run has no counts to reset.
func (e *testEnv) resetCounts() {
	if e.emu != nil {
		e.emu.ResetCounts()
	}
}

// expectCounts checks the emulator's request counts since the last reset:
// each key must have exactly the count given; keys not named must be zero
// unless listed in allowOthers. A live run has no emulator to count the
// calls: only this check is left out there, and the budget the calls spend
// is the account's.
func (e *testEnv) expectCounts(want map[string]int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if e.emu == nil {
			return nil
		}
		got := e.emu.Counts()
		var problems []string
		for k, n := range want {
			if got[k] != n {
				problems = append(problems, fmt.Sprintf("%s: %d calls, want %d", k, got[k], n))
			}
		}
		for k, n := range got {
			if _, named := want[k]; !named && n > 0 {
				problems = append(problems, fmt.Sprintf("%s: %d unexpected calls", k, n))
			}
		}
		if len(problems) > 0 {
			return fmt.Errorf("API calls differ from the expected ones (all calls: %v):\n  %s", got, strings.Join(problems, "\n  "))
		}
		return nil
	}
}

// expectCountsSubset checks only the named routes' counts.
func (e *testEnv) expectCountsSubset(want map[string]int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if e.emu == nil {
			return nil
		}
		for k, n := range want {
			if got := e.emu.Count(k); got != n {
				return fmt.Errorf("%s: %d calls, want %d (all calls: %v)", k, got, n, e.emu.Counts())
			}
		}
		return nil
	}
}

// expectNoRequests checks that nothing reached the emulator: the error
// came at plan time.
func (e *testEnv) expectNoRequests(t *testing.T) {
	t.Helper()
	if e.emu == nil {
		return
	}
	if n := e.emu.TotalRequests(); n != 0 {
		t.Fatalf("the emulator received %d requests (%v); the error should have come before any call", n, e.emu.Counts())
	}
}

func regex(s string) *regexp.Regexp { return regexp.MustCompile(s) }

// wrapped matches a message that Terraform may have wrapped over several
// lines: each space of the pattern matches any run of white space.
func wrapped(s string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)` + strings.ReplaceAll(s, " ", `\s+`))
}

// TestProviderConfigReachesEmulator proves a configured provider reaches the
// emulator with working credentials, counting the requests it made.
func TestProviderConfigReachesEmulator(t *testing.T) {
	skipLive(t, liveNeedsCounts)
	env := newTestEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: env.resetCounts,
			Config: env.config(fmt.Sprintf(`
data "smartassist_agent" "maria" {
  id = %q
}
`, seedMariaID)),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("data.smartassist_agent.maria", "email", seedMariaEmail),
				env.expectCounts(map[string]int{"GET /agents/{id}": 1}),
			),
		}},
	})
	if s := env.emu.StatusCounts(); s[401] != 0 || s[200] == 0 {
		t.Fatalf("statuses = %v; the provider's credentials were refused or never used", s)
	}
}
