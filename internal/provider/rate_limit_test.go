package provider

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// These tests run terraform itself, each command its own terraform and
// provider process, as users do: terraform-plugin-testing runs one command
// at a time, with the provider in the test process, and cannot set
// -parallelism.

var (
	buildOnce   sync.Once
	providerDir string
	buildErr    error
)

// cliConfig builds the provider once per test run and returns a terraform
// CLI configuration that uses that build.
func cliConfig(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "smartassist-provider-build-")
		if err != nil {
			buildErr = err
			return
		}
		providerDir = dir
		out, err := exec.Command("go", "build", "-o", filepath.Join(dir, "bin", "terraform-provider-smartassist"), "../..").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("building the provider: %v\n%s", err, out)
			return
		}
		registry := "registry.terraform.io"
		if h := os.Getenv("TF_ACC_PROVIDER_HOST"); h != "" {
			registry = h
		}
		cli := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"%s/koreai/smartassist\" = %q\n  }\n  direct {}\n}\n",
			registry, filepath.Join(dir, "bin"))
		buildErr = os.WriteFile(filepath.Join(dir, "cli.tfrc"), []byte(cli), 0o600)
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return filepath.Join(providerDir, "cli.tfrc")
}

// arrivals records when each API request reached the emulator.
type arrivals struct {
	mu sync.Mutex
	at []time.Time
}

// peak is the most requests that arrived within any span of d.
func (a *arrivals) peak(d time.Duration) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	best, first := 0, 0
	for last := range a.at {
		for a.at[last].Sub(a.at[first]) >= d {
			first++
		}
		best = max(best, last-first+1)
	}
	return best
}

// cliEnv is one emulator served for terraform commands run by the test.
type cliEnv struct {
	t        *testing.T
	emu      *emulator.Server
	url      string
	arrivals *arrivals
	cli      string
}

func newCLIEnv(t *testing.T, cfg emulator.Config) *cliEnv {
	t.Helper()
	e := &cliEnv{t: t, emu: emulator.New(cfg), arrivals: &arrivals{}, cli: cliConfig(t)}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/_emulator/") {
			e.arrivals.mu.Lock()
			e.arrivals.at = append(e.arrivals.at, time.Now())
			e.arrivals.mu.Unlock()
		}
		e.emu.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	e.url = srv.URL
	return e
}

// agentsConfig is n minimal agents whose emails start with prefix, with
// the provider block's extra arguments.
func agentsConfig(prefix string, n int, provider string) string {
	var b strings.Builder
	b.WriteString(terraformBlock)
	fmt.Fprintf(&b, "\nprovider \"smartassist\" {\n%s\n}\n", provider)
	fmt.Fprintf(&b, `
resource "smartassist_agent" "a" {
  count      = %d
  email      = format("%s%%02d@example.com", count.index)
  first_name = "Rate"
  last_name  = format("Limit%%02d", count.index)
  role_id    = %q
}
`, n, prefix, seedRoleAgent)
	return b.String()
}

// start begins `terraform apply` of config in a directory of its own.
func (e *cliEnv) start(name, config string, args ...string) (*exec.Cmd, *strings.Builder) {
	e.t.Helper()
	dir := filepath.Join(e.t.TempDir(), name)
	must(e.t, os.MkdirAll(dir, 0o755))
	must(e.t, os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o600))
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		tf = "terraform"
	}
	c := e.emu.Config()
	cmd := exec.Command(tf, append([]string{"apply", "-auto-approve", "-no-color", "-input=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+e.cli, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1",
		"SMARTASSIST_HOST="+e.url, "SMARTASSIST_STREAM_ID="+c.StreamID, "SMARTASSIST_ACCOUNT_ID="+c.AccountID,
		"SMARTASSIST_CLIENT_ID="+c.ClientID, "SMARTASSIST_CLIENT_SECRET="+c.ClientSecret)
	out := &strings.Builder{}
	cmd.Stdout, cmd.Stderr = out, out
	must(e.t, cmd.Start())
	return cmd, out
}

// agentsWithPrefix counts the emulator's agents whose email starts with
// prefix.
func (e *cliEnv) agentsWithPrefix(prefix string) int {
	n := 0
	for _, a := range e.emu.Agents() {
		if strings.HasPrefix(fmt.Sprint(a["emailId"]), prefix) {
			n++
		}
	}
	return n
}

// Two applies started at once against one account with its per-minute
// limit spend one budget: both succeed, no request is answered 429, and
// the requests of both together never come faster than the budget.
func TestTwoAppliesAtOnceShareTheAccountBudget(t *testing.T) {
	skipLive(t, liveNeedsThrottle)
	const n, rpm = 20, 600
	env := newCLIEnv(t, emulator.Config{RateLimitPerMinute: rpm})
	provider := fmt.Sprintf("  requests_per_minute = %d", rpm)
	first, out1 := env.start("first", agentsConfig("first", n, provider))
	second, out2 := env.start("second", agentsConfig("second", n, provider))
	err1, err2 := first.Wait(), second.Wait()
	if err1 != nil || err2 != nil {
		t.Fatalf("first apply: %v\n%s\nsecond apply: %v\n%s", err1, out1, err2, out2)
	}
	if a, b := env.agentsWithPrefix("first"), env.agentsWithPrefix("second"); a != n || b != n {
		t.Fatalf("%d and %d agents created, want %d each", a, b, n)
	}
	if got := env.emu.StatusCounts()[http.StatusTooManyRequests]; got != 0 {
		t.Fatalf("%d requests were answered 429 (all statuses %v)", got, env.emu.StatusCounts())
	}
	// At 600 a minute, one every 100ms: at most 21 in any two seconds,
	// and a few more for the time requests take to arrive on a busy
	// machine. Two budgets would let about 40 through.
	if peak := env.arrivals.peak(2 * time.Second); peak > 25 {
		t.Fatalf("%d requests arrived within two seconds; one budget of %d a minute allows 21", peak, rpm)
	}
	budget := filepath.Join(os.Getenv("XDG_CACHE_HOME"), client.BudgetDirName, client.BudgetFileName(env.url, env.emu.Config().AccountID))
	if _, err := os.Stat(budget); err != nil {
		t.Fatalf("no shared state file: %v", err)
	}
}

// Forty creates at once, with a request timeout far below the time the
// last of them waits for its slot: the wait is not time on the wire, so
// the apply succeeds, within the budget.
func TestParallelism40WithASmallBudget(t *testing.T) {
	skipLive(t, liveNeedsThrottle)
	const n, rpm = 40, 600
	env := newCLIEnv(t, emulator.Config{RateLimitPerMinute: rpm})
	apply, out := env.start("apply", agentsConfig("par", n,
		fmt.Sprintf("  requests_per_minute = %d\n  request_timeout = \"1s\"", rpm)), "-parallelism=40")
	if err := apply.Wait(); err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	if got := env.agentsWithPrefix("par"); got != n {
		t.Fatalf("%d agents created, want %d", got, n)
	}
	// The emulator's window (600 a minute) never fills with 40 creates, so
	// "no 429" alone would pass without any pace. The arrival times show
	// it: one every 100ms is at most 21 in any two seconds, and a few more
	// for arrival jitter on a busy machine; without a pace the 40 come at
	// once.
	if got := env.emu.StatusCounts()[http.StatusTooManyRequests]; got != 0 {
		t.Fatalf("%d requests were answered 429", got)
	}
	if peak := env.arrivals.peak(2 * time.Second); peak > 25 {
		t.Fatalf("%d requests arrived within two seconds; a budget of %d a minute allows 21", peak, rpm)
	}
}

// A foreign consumer spends 90% of the account's budget: the provider's
// first requests fill what is left, then its 429s lower its pace to the
// tenth it has, and the apply succeeds with few 429s.
//
// The provider's 60 calls go out in the first six seconds, and the window
// then frees a place only as each of them leaves it, a minute later: the
// test takes a minute, mostly waiting, so it runs in parallel.
func TestForeignConsumerIsAbsorbed(t *testing.T) {
	skipLive(t, liveNeedsThrottle)
	t.Parallel()
	const n, rpm = 60, 600
	env := newCLIEnv(t, emulator.Config{RateLimitPerMinute: rpm, ForeignShare: 0.9})
	apply, out := env.start("apply", agentsConfig("foreign", n, fmt.Sprintf("  requests_per_minute = %d", rpm)))
	if err := apply.Wait(); err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	if got := env.agentsWithPrefix("foreign"); got != n {
		t.Fatalf("%d agents created, want %d", got, n)
	}
	statuses := env.emu.StatusCounts()
	calls := env.emu.TotalRequests()
	if limited := statuses[http.StatusTooManyRequests]; limited == 0 || limited*10 > calls {
		t.Fatalf("%d of %d calls answered 429, want at least one (the fault is felt) and at most a tenth", limited, calls)
	}
	t.Logf("%d calls, %d answered 429", calls, statuses[http.StatusTooManyRequests])
}
