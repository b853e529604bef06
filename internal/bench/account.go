package bench

import (
	"context"
	"fmt"
	"math"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// AccountScenario is one measurement of the account's one budget: several
// applies at once, a foreign consumer, or a high -parallelism, against one
// emulator that limits the account.
type AccountScenario struct {
	Name  string // as the -account flag spells it
	Title string
	// Applies is how many terraform applies start at once, each in a
	// folder, a terraform process and provider processes of its own.
	Applies int
	// Agents is how many agents each apply creates.
	Agents int
	// RPM is the emulator's limit and requests_per_minute alike.
	RPM int
	// ForeignShare is the share of RPM a foreign consumer spends.
	ForeignShare float64
	// Parallelism is terraform's -parallelism; 0 means the run's.
	Parallelism int
	// RequestTimeout, when set, is the provider's request_timeout.
	RequestTimeout string
	// Machines puts every apply on a machine of its own: a cache folder,
	// so a budget file, of its own. The applies then learn of each other
	// only through the API's throttles.
	Machines bool
	// NoRetryAfter leaves Retry-After out of the throttles, as the pages
	// document none.
	NoRetryAfter bool
	// Fleet marks the runners of issue 28, at the documented 60 a minute:
	// they have a section of their own (fleet.go).
	Fleet bool
}

// The account scenarios. The bench runs the rate-limited mode at ten times
// the documented 60 a minute, and these follow it: 30 a minute becomes
// 300, and request_timeout's 60 s becomes 6 s, so that the last of forty
// queued requests waits longer for its slot than one attempt may take, as
// at the real scale.
var AccountScenarios = []AccountScenario{
	{Name: "two-applies", Title: "Two applies of 40 agents at once, one account at 600/min", Applies: 2, Agents: 40, RPM: 600},
	{Name: "foreign-half", Title: "One apply of 300 agents at 600/min while a foreign consumer spends half of it",
		Applies: 1, Agents: 300, RPM: 600, ForeignShare: 0.5},
	{Name: "parallelism-40", Title: "40 agents at 300/min (30/min scaled) with -parallelism=40 and request_timeout = 6s",
		Applies: 1, Agents: 40, RPM: 300, Parallelism: 40, RequestTimeout: "6s"},
	// The two runners of 30 agents on a 60/min account, at twice
	// the scale: the throttles begin once the window is full, so the ratio
	// of agents to the rate is what matters, and a larger scale only makes
	// terraform's share of the machine larger.
	{Name: "two-machines", Title: "Two machines (no shared budget file), 60 agents each at 120/min, throttles without Retry-After",
		Applies: 2, Agents: 60, RPM: 120, Machines: true, NoRetryAfter: true},
	// Issue 28's five CI runners on five machines, 12 agents each, on one
	// account at the documented rate, and one of them alone.
	{Name: "five-machines", Title: "Five machines (no shared budget file), 12 agents each at 60/min, throttles without Retry-After",
		Applies: 5, Agents: 12, RPM: 60, Machines: true, NoRetryAfter: true, Fleet: true},
	{Name: "one-machine", Title: "One of them alone: 12 agents at 60/min",
		Applies: 1, Agents: 12, RPM: 60, Machines: true, NoRetryAfter: true, Fleet: true},
	// The same five runners with 30 agents each: work that lasts minutes,
	// not one window, so a throttle after the pace climbs back would show.
	{Name: "five-machines-30", Title: "Five machines (no shared budget file), 30 agents each at 60/min, throttles without Retry-After",
		Applies: 5, Agents: 30, RPM: 60, Machines: true, NoRetryAfter: true, Fleet: true},
}

// ParseAccountScenarios reads an -account value: "all", "none", or names.
func ParseAccountScenarios(v string) ([]AccountScenario, error) {
	switch strings.TrimSpace(v) {
	case "all":
		return AccountScenarios, nil
	case "none", "":
		return nil, nil
	}
	var out []AccountScenario
	for _, name := range strings.Split(v, ",") {
		found := false
		for _, s := range AccountScenarios {
			if s.Name == strings.TrimSpace(name) {
				out, found = append(out, s), true
			}
		}
		if !found {
			return nil, fmt.Errorf("account: unknown scenario %q (two-applies, foreign-half, parallelism-40, two-machines, five-machines, one-machine, five-machines-30, all or none)", name)
		}
	}
	return out, nil
}

// AccountRun is what one account scenario measured.
type AccountRun struct {
	Scenario AccountScenario
	// Wall is from the start of the applies to the end of the last one;
	// FloorWall the same for as many applies of terraform_data at once.
	Wall, FloorWall time.Duration
	Calls, TooMany  int
	// Span is from the first API request to the last, as the emulator
	// saw them: the time the budget was being spent.
	Span time.Duration
	// Failed holds the end of the output of every apply that failed.
	Failed []string
}

// Ideal is calls ÷ rate plus terraform's own time.
func (r AccountRun) Ideal() time.Duration {
	return IdealWall(r.Calls, r.Scenario.RPM) + r.FloorWall
}

// runAccount runs one account scenario: its floor, then its applies at
// once against one emulator. The providers share their budget through a
// state file in the run's temporary directory, never the user's cache.
func (r *runner) runAccount(ctx context.Context, s AccountScenario) (AccountRun, error) {
	run := AccountRun{Scenario: s}
	par := s.Parallelism
	if par == 0 {
		par = r.opt.Parallelism
	}
	args := []string{"apply", "-auto-approve", "-input=false", "-no-color", "-parallelism=" + strconv.Itoa(par)}
	base := filepath.Join(r.work, "account-"+s.Name)
	env := r.baseEnv[:len(r.baseEnv):len(r.baseEnv)]
	if err := os.RemoveAll(r.cacheDir()); err != nil { // a fresh shared budget, as the emulator is fresh
		return run, err
	}

	configs := func(floor bool) []string {
		var out []string
		for i := range s.Applies {
			spec := ConfigSpec{Scenario: Scenario{Kind: Agents, N: s.Agents}, Floor: floor, ProviderRPM: float64(s.RPM),
				First: i * s.Agents, RequestTimeout: s.RequestTimeout}
			out = append(out, Config(spec))
		}
		return out
	}
	floorWall, _, err := r.applyAtOnce(ctx, filepath.Join(base, "floor"), env, configs(true), args, s.Machines)
	if err != nil {
		return run, err
	}
	run.FloorWall = floorWall

	emu := emulator.New(emulator.Config{RateLimitPerMinute: s.RPM, ForeignShare: s.ForeignShare})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return run, err
	}
	var spanMu sync.Mutex
	var first, last time.Time
	handler := http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if s.NoRetryAfter {
			w = noRetryAfter{w}
		}
		now := time.Now()
		spanMu.Lock()
		if first.IsZero() {
			first = now
		}
		last = now
		spanMu.Unlock()
		emu.ServeHTTP(w, req)
	})
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	cfg := emu.Config()
	env = append(env,
		"SMARTASSIST_HOST=http://"+ln.Addr().String(),
		"SMARTASSIST_STREAM_ID="+cfg.StreamID,
		"SMARTASSIST_ACCOUNT_ID="+cfg.AccountID,
		"SMARTASSIST_CLIENT_ID="+cfg.ClientID,
		"SMARTASSIST_CLIENT_SECRET="+cfg.ClientSecret,
	)
	run.Wall, run.Failed, err = r.applyAtOnce(ctx, filepath.Join(base, "provider"), env, configs(false), args, s.Machines)
	run.Calls, run.TooMany = emu.TotalRequests(), emu.StatusCounts()[http.StatusTooManyRequests]
	spanMu.Lock()
	run.Span = last.Sub(first)
	spanMu.Unlock()
	fmt.Fprintf(r.opt.Log, "account  %-15s %8.2f s %6d calls %4d×429  API span %.2f s  floor %.2f s  ideal %.2f s\n",
		s.Name, run.Wall.Seconds(), run.Calls, run.TooMany, run.Span.Seconds(), run.FloorWall.Seconds(), run.Ideal().Seconds())
	fmt.Fprintf(r.opt.Log, "  calls by route: %s\n", Routes(emu.Counts()))
	for _, f := range run.Failed {
		fmt.Fprintf(r.opt.Log, "  FAILED: %s\n", f)
	}
	return run, err
}

// applyAtOnce starts one apply per configuration, each in a folder of its
// own under dir, and waits for all of them; with machines, each has a
// cache folder of its own too. It returns the wall time of the whole and
// the end of the output of those that failed.
func (r *runner) applyAtOnce(ctx context.Context, dir string, env, configs, args []string, machines bool) (time.Duration, []string, error) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failed []string
	var firstErr error
	start := time.Now()
	for i, config := range configs {
		work := filepath.Join(dir, strconv.Itoa(i+1))
		if err := os.MkdirAll(work, 0o755); err != nil {
			return 0, nil, err
		}
		if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(config), 0o644); err != nil {
			return 0, nil, err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			logPath := filepath.Join(work, "apply.log")
			env := env
			if machines { // the last XDG_CACHE_HOME wins
				env = append(env[:len(env):len(env)], "XDG_CACHE_HOME="+filepath.Join(r.cacheDir(), "machine-"+strconv.Itoa(i+1)))
			}
			code, err := runTerraform(ctx, r.opt.Terraform, work, env, logPath, args...)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err != nil && firstErr == nil:
				firstErr = err
			case code != 0:
				failed = append(failed, fmt.Sprintf("apply %d exited %d: %s", i+1, code, tailFile(logPath, TailLines)))
			}
		}()
	}
	wg.Wait()
	return time.Since(start), failed, firstErr
}

// accountVerdicts holds the account runs against the targets.
func accountVerdicts(runs []AccountRun) []Verdict {
	var out []Verdict
	for _, run := range runs {
		s := run.Scenario
		v := func(target, measured, limit string, ok bool) *Verdict {
			out = append(out, Verdict{Target: target, Scenario: Scenario{Kind: Agents, N: s.Agents * s.Applies},
				Mode: s.Name, Measured: measured, Limit: limit, Outcome: outcome(ok)})
			return &out[len(out)-1]
		}
		ok := len(run.Failed) == 0
		v("every apply succeeds", fmt.Sprintf("%d of %d", s.Applies-len(run.Failed), s.Applies), "all", ok)
		switch {
		case s.Fleet:
			fleetVerdicts(run, v)
		case s.Name == "foreign-half" || s.Name == "two-machines":
			share := float64(run.TooMany) / float64(max(run.Calls, 1))
			v("429s ≤ 5% of the provider's calls", fmt.Sprintf("%d of %d (%.1f%%)", run.TooMany, run.Calls, 100*share), "≤ 5%", share <= 0.05)
		default:
			v("no 429", strconv.Itoa(run.TooMany), "0", run.TooMany == 0)
		}
		if s.Name == "two-applies" {
			ratio := Ratio(run.Wall, run.Ideal())
			v("wall of the pair ≈ calls ÷ rate + floor", fmt.Sprintf("%.1f s = %.2f × %.1f s", run.Wall.Seconds(), ratio, run.Ideal().Seconds()),
				"within 15%", !math.IsNaN(ratio) && math.Abs(ratio-1) <= maxIdealDeviation).Why = pairWhy(run)
		}
	}
	return out
}

// writeAccountSection renders the account runs.
func writeAccountSection(b *strings.Builder, runs []AccountRun) {
	runs = slices.DeleteFunc(slices.Clone(runs), func(r AccountRun) bool { return r.Scenario.Fleet })
	if len(runs) == 0 {
		return
	}
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	w("## One account, one budget\n\n")
	w("Every apply is its own terraform process with its own provider processes, all against one emulator that ")
	w("limits the account (a sliding minute shared by every client). The providers share their budget through ")
	w("a state file in the run's temporary directory (`XDG_CACHE_HOME`). *Floor* is the same number of applies of ")
	w("`terraform_data` at once; *ideal* is the calls ÷ the rate, plus the floor. Rates follow mode (b): ten times ")
	w("the documented ones, request_timeout a tenth of its default where it matters. The foreign consumer spends ")
	w("half of the limit as phantom requests always in the window; at 600 a minute half a window is 300 calls, ")
	w("so that apply has 300 agents, enough to run into it. *Two machines* gives each apply a cache folder of its own, ")
	w("so no budget file is shared: the applies meet only through the API's throttles, which carry no Retry-After, ")
	w("as the vendor's pages document none.\n\n")
	w("*API span* is from the first request the emulator received to the last: while the budget was being spent; ")
	w("next to calls ÷ rate it shows whether the requests kept their pace.\n\n")
	w("| Scenario | Applies × agents | `-parallelism` | Calls | 429 | Wall (s) | API span (s) | Calls ÷ rate (s) | Floor (s) | Ideal (s) | Wall ÷ ideal |\n")
	w("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, run := range runs {
		s := run.Scenario
		par := "run's"
		if s.Parallelism > 0 {
			par = strconv.Itoa(s.Parallelism)
		}
		w("| %s | %d × %d | %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f |\n", s.Title, s.Applies, s.Agents, par,
			run.Calls, run.TooMany, run.Wall.Seconds(), run.Span.Seconds(), IdealWall(run.Calls, s.RPM).Seconds(),
			run.FloorWall.Seconds(), run.Ideal().Seconds(), Ratio(run.Wall, run.Ideal()))
	}
	w("\n")
}

// noRetryAfter drops the Retry-After header of every answer.
type noRetryAfter struct{ http.ResponseWriter }

func (w noRetryAfter) WriteHeader(status int) {
	w.Header().Del("Retry-After")
	w.ResponseWriter.WriteHeader(status)
}
