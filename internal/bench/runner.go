package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// ProviderBinary is the file name terraform looks for in a dev_overrides
// directory.
const ProviderBinary = "terraform-provider-smartassist"

// Options configures a benchmark run.
type Options struct {
	RepoRoot  string // where the provider's main package is
	Terraform string // path of the terraform CLI
	Scenarios []Scenario
	Modes     []Mode
	// Accounts are the account scenarios, run after the modes.
	Accounts []AccountScenario
	// Adoption holds the account sizes of the adoption scenario, run last.
	Adoption    []int
	Parallelism int
	// Keep leaves the temporary directory (configurations, states, logs)
	// in place.
	Keep bool
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

// runner holds what the commands of one benchmark share.
type runner struct {
	opt     Options
	work    string // temporary directory
	binary  string // the provider build
	baseEnv []string
}

// Run builds the provider, runs every scenario in every mode, each run of
// the unlimited mode preceded by the scenario's floor, and returns the
// figures. A terraform command that fails stops
// the run with a *CommandError; a refresh plan that shows changes is
// recorded as a failure of its phase and the run goes on. The temporary
// directory is removed before Run returns unless opt.Keep is set, also when
// ctx is cancelled.
func Run(ctx context.Context, opt Options) (*Results, error) {
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.Parallelism < 1 {
		return nil, errors.New("parallelism must be at least 1")
	}
	work, err := os.MkdirTemp("", "smartassist-bench-")
	if err != nil {
		return nil, err
	}
	if opt.Keep {
		fmt.Fprintf(opt.Log, "Working directory (kept): %s\n", work)
	} else {
		defer os.RemoveAll(work)
	}
	r := &runner{opt: opt, work: work, binary: filepath.Join(work, "bin", ProviderBinary)}

	cliConfig := filepath.Join(work, "cli.tfrc")
	if err := os.WriteFile(cliConfig, []byte(CLIConfig(filepath.Dir(r.binary))), 0o644); err != nil {
		return nil, err
	}
	r.baseEnv = append(cleanEnv(os.Environ()),
		"TF_CLI_CONFIG_FILE="+cliConfig,
		"TF_IN_AUTOMATION=1",
		"CHECKPOINT_DISABLE=1",
		// The providers' shared rate budget lives in the user's cache
		// directory: the run's own, never the user's.
		"XDG_CACHE_HOME="+r.cacheDir(),
	)

	res := &Results{Started: time.Now(), Parallelism: opt.Parallelism, Scenarios: opt.Scenarios, Modes: opt.Modes}
	res.Machine = ReadMachine()
	if res.Machine.Terraform, err = TerraformVersion(ctx, opt.Terraform, r.baseEnv); err != nil {
		return nil, err
	}
	if res.Machine.Go, err = goVersion(ctx, opt.RepoRoot); err != nil {
		return nil, err
	}

	fmt.Fprintf(opt.Log, "Building the provider (%s)…\n", res.Machine.Go)
	if err := r.build(ctx); err != nil {
		return nil, err
	}

	for _, mode := range opt.Modes {
		for _, s := range opt.Scenarios {
			// The floor is what mode (a) is compared with. It runs right
			// before its scenario, so that both see the same machine: other
			// work on it changes terraform's own time.
			if !mode.Limited() {
				run, err := r.runScenario(ctx, s, nil)
				res.Floors = append(res.Floors, run)
				if err != nil {
					return res, err
				}
			}
			run, err := r.runScenario(ctx, s, &mode)
			res.Runs = append(res.Runs, run)
			if err != nil {
				return res, err
			}
		}
	}
	for _, s := range opt.Accounts {
		run, err := r.runAccount(ctx, s)
		res.Accounts = append(res.Accounts, run)
		if err != nil {
			return res, err
		}
	}
	for _, n := range opt.Adoption {
		run, err := r.runAdoption(ctx, n)
		res.Adoptions = append(res.Adoptions, run)
		if err != nil {
			return res, err
		}
	}
	res.Elapsed = time.Since(res.Started)
	return res, nil
}

// cacheDir is the user cache directory of the run's terraform and provider
// processes, which holds their shared rate budgets.
func (r *runner) cacheDir() string { return filepath.Join(r.work, "cache") }

// build compiles the provider once into the temporary directory.
func (r *runner) build(ctx context.Context) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", r.binary, ".")
	cmd.Dir = r.opt.RepoRoot
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("building the provider: %w\n%s", err, out)
	}
	// The memory watcher compares /proc/<pid>/exe, which is the real path.
	if real, err := filepath.EvalSymlinks(r.binary); err == nil {
		r.binary = real
	}
	return nil
}

// runScenario runs the four phases of s: against a fresh emulator in mode,
// or as the terraform_data floor when mode is nil.
func (r *runner) runScenario(ctx context.Context, s Scenario, mode *Mode) (ScenarioRun, error) {
	run := ScenarioRun{Scenario: s, Floor: mode == nil}
	label := "floor"
	if mode != nil {
		run.Mode = *mode
		label = "mode " + mode.Name
	}
	dir := filepath.Join(r.work, strings.ReplaceAll(label, " ", "-")+"-"+s.Slug())
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return run, err
	}
	env := r.baseEnv
	var emu *emulator.Server
	if mode != nil {
		var stop func()
		var err error
		emu, env, stop, err = startEmulator(*mode, env)
		if err != nil {
			return run, err
		}
		defer stop()
	}

	spec := ConfigSpec{Scenario: s, Floor: mode == nil}
	if mode != nil {
		spec.ProviderRPM = mode.ProviderRPM
	}
	par := "-parallelism=" + strconv.Itoa(r.opt.Parallelism)
	for _, phase := range Phases {
		spec.Updated = phase == Update || phase == Destroy
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(Config(spec)), 0o644); err != nil {
			return run, err
		}
		var args []string
		switch phase {
		case Create, Update:
			args = []string{"apply", "-auto-approve", "-input=false", "-no-color", par}
		case Refresh:
			args = []string{"plan", "-detailed-exitcode", "-input=false", "-no-color", par}
		case Destroy:
			args = []string{"destroy", "-auto-approve", "-input=false", "-no-color", par}
		}
		m, err := r.measure(ctx, dir, env, emu, phase, args)
		run.Phases = append(run.Phases, m)
		if err != nil {
			return run, fmt.Errorf("%s, %s, %s: %w", s, label, phase, err)
		}
		fmt.Fprintf(r.opt.Log, "%-8s %-13s %-8s %8.2f s %6d calls %4d×429  peak %s\n",
			label, s, phase, m.Wall.Seconds(), m.Total(), m.TooMany(), peakText(m.PeakKiB))
		if m.Failure != "" {
			fmt.Fprintf(r.opt.Log, "  FAILED: %s\n", m.Failure)
		}
	}
	return run, nil
}

// measure runs one terraform command on its own: the emulator's counters
// and rate-limit window are reset first, the provider's memory is watched
// while it runs.
func (r *runner) measure(ctx context.Context, dir string, env []string, emu *emulator.Server, phase Phase, args []string) (Measurement, error) {
	m := Measurement{Phase: phase}
	if emu != nil {
		emu.ResetRateWindow()
		emu.ResetCounts()
		// The providers' shared budget remembers the previous command's
		// requests as the emulator's window did: forget both.
		if err := os.RemoveAll(r.cacheDir()); err != nil {
			return m, err
		}
	}
	logPath := filepath.Join(dir, string(phase)+".log")
	watch := WatchMemory("/proc", r.binary, PollInterval)
	start := time.Now()
	code, err := runTerraform(ctx, r.opt.Terraform, dir, env, logPath, args...)
	m.Wall = time.Since(start)
	m.PeakKiB = watch.Stop()
	m.ExitCode = code
	if emu != nil {
		m.Calls, m.Statuses = emu.Counts(), emu.StatusCounts()
	}
	if err != nil {
		return m, err
	}
	switch {
	case code == 0:
	case phase == Refresh && code == 2:
		m.Failure = fmt.Sprintf("the plan after create is not empty (terraform plan -detailed-exitcode exited 2); its last %d lines:\n%s",
			TailLines, tailFile(logPath, TailLines))
	default:
		return m, &CommandError{Args: args, ExitCode: code, Tail: tailFile(logPath, TailLines)}
	}
	return m, nil
}

// startEmulator serves a fresh emulator in mode on a loopback port and
// returns env with the SMARTASSIST_* variables that point the provider at
// it.
func startEmulator(mode Mode, env []string) (*emulator.Server, []string, func(), error) {
	emu := emulator.New(emulator.Config{RateLimitPerMinute: mode.EmulatorRPM})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, nil, nil, err
	}
	srv := &http.Server{Handler: emu, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	cfg := emu.Config()
	env = append(env[:len(env):len(env)],
		"SMARTASSIST_HOST=http://"+ln.Addr().String(),
		"SMARTASSIST_STREAM_ID="+cfg.StreamID,
		"SMARTASSIST_ACCOUNT_ID="+cfg.AccountID,
		"SMARTASSIST_CLIENT_ID="+cfg.ClientID,
		"SMARTASSIST_CLIENT_SECRET="+cfg.ClientSecret,
	)
	return emu, env, func() { _ = srv.Close() }, nil
}

// cleanEnv drops the variables that would change what terraform or the
// provider does: every TF_* (a CLI config, log level, extra arguments) and
// every SMARTASSIST_*.
func cleanEnv(env []string) []string {
	var out []string
	for _, kv := range env {
		if strings.HasPrefix(kv, "TF_") || strings.HasPrefix(kv, "SMARTASSIST_") || strings.HasPrefix(kv, "CHECKPOINT_") {
			continue
		}
		out = append(out, kv)
	}
	return out
}

// goVersion is the version of the Go toolchain that builds the provider.
func goVersion(ctx context.Context, dir string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", "env", "GOVERSION")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go env GOVERSION: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}

func peakText(kib int64) string {
	if kib == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f MiB", float64(kib)/1024)
}
