package bench

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/adoption"
	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// The adoption scenario (issue 28): an account of N agents made outside
// Terraform, exported with `terraform-provider-smartassist export`, adopted
// with `terraform apply` of the written folder (N imports), then planned.
// The provider is unthrottled, so that only calls are counted.
const (
	// AdoptionN is the account size the adoption targets are set for.
	AdoptionN = 2000
	// adoptionMaxCalls is the limit of export + import at
	// AdoptionN: one read per agent, two walks of the list, and 50.
	adoptionMaxCalls = 2450
	// adoptionPlanRatio bounds the first plan after the import, in walks
	// of the agent list.
	adoptionPlanRatio = 1.1
	// adoptionMaxPeakMiB bounds the provider's peak memory in the
	// refresh of AdoptionN agents.
	adoptionMaxPeakMiB = 300.0
	// agentPage is the emulator's page of the agent list.
	agentPage = 10
)

// Adoption phases.
const (
	Export Phase = "export"
	Import Phase = "import"
	Plan   Phase = "plan"
)

// AdoptionRun is what the adoption scenario measured.
type AdoptionRun struct {
	Agents int
	Phases []Measurement // export, import, plan
	// HandoffLeft says whether the exporter's hand-off outlived the plan.
	HandoffLeft bool
}

// Pages is one walk of the agent list.
func (r AdoptionRun) Pages() int { return ceilDiv(r.Agents, agentPage) }

// Floor is the calls phase p cannot do without: the export one walk and a
// read per agent (the list lacks custom_id), the import and the plan one
// walk each.
func (r AdoptionRun) Floor(p Phase) int {
	if p == Export {
		return r.Pages() + r.Agents
	}
	return r.Pages()
}

// ParseAdoption reads an -adoption value: account sizes, or none.
func ParseAdoption(v string) ([]int, error) {
	v = strings.TrimSpace(v)
	if v == "" || v == "none" {
		return nil, nil
	}
	var out []int
	for _, s := range strings.Split(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 3 {
			return nil, fmt.Errorf("adoption: %q is not an account size of at least 3 agents", s)
		}
		out = append(out, n)
	}
	return out, nil
}

// runAdoption runs the adoption of an account of n agents.
func (r *runner) runAdoption(ctx context.Context, n int) (AdoptionRun, error) {
	run := AdoptionRun{Agents: n}
	seed := emulator.DefaultSeed()
	seed.Agents = append(seed.Agents, emulator.SeedAgents(n-len(seed.Agents), "bench")...)
	emu := emulator.New(emulator.Config{Seed: seed})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return run, err
	}
	srv := &http.Server{Handler: emu, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	cfg := emu.Config()
	env := append(r.baseEnv[:len(r.baseEnv):len(r.baseEnv)],
		"SMARTASSIST_HOST=http://"+ln.Addr().String(),
		"SMARTASSIST_STREAM_ID="+cfg.StreamID,
		"SMARTASSIST_ACCOUNT_ID="+cfg.AccountID,
		"SMARTASSIST_CLIENT_ID="+cfg.ClientID,
		"SMARTASSIST_CLIENT_SECRET="+cfg.ClientSecret,
		"SMARTASSIST_REQUESTS_PER_MINUTE=1000000",
	)
	dir := filepath.Join(r.work, "adoption-"+strconv.Itoa(n))
	logs := filepath.Join(r.work, "adoption-"+strconv.Itoa(n)+"-logs")
	if err := os.MkdirAll(logs, 0o755); err != nil {
		return run, err
	}
	par := "-parallelism=" + strconv.Itoa(r.opt.Parallelism)
	for _, step := range []struct {
		phase Phase
		exe   string
		args  []string
	}{
		{Export, r.binary, []string{"export", "-dir", dir}},
		{Import, r.opt.Terraform, []string{"apply", "-auto-approve", "-input=false", "-no-color", par}},
		{Plan, r.opt.Terraform, []string{"plan", "-detailed-exitcode", "-input=false", "-no-color", par}},
	} {
		m, err := r.measureIn(ctx, dir, logs, env, emu, step.phase, step.exe, step.args)
		run.Phases = append(run.Phases, m)
		if err != nil {
			return run, fmt.Errorf("adoption of %d agents, %s: %w", n, step.phase, err)
		}
		fmt.Fprintf(r.opt.Log, "adoption %-6d %-8s %8.2f s %6d calls (floor %d)  peak %s\n",
			n, step.phase, m.Wall.Seconds(), m.Total(), run.Floor(step.phase), peakText(m.PeakKiB))
		if m.Failure != "" {
			fmt.Fprintf(r.opt.Log, "  FAILED: %s\n", m.Failure)
		}
	}
	_, err = os.Stat(filepath.Join(dir, adoption.FileName))
	run.HandoffLeft = !errors.Is(err, os.ErrNotExist)
	return run, nil
}

// measureIn is measure for a command that need not be terraform, run in
// dir (created by the export), its output in logs; a plan that shows
// changes is a failure of the phase.
func (r *runner) measureIn(ctx context.Context, dir, logs string, env []string, emu *emulator.Server, phase Phase, exe string, args []string) (Measurement, error) {
	m := Measurement{Phase: phase}
	emu.ResetCounts()
	if err := os.RemoveAll(r.cacheDir()); err != nil {
		return m, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return m, err
	}
	logPath := filepath.Join(logs, string(phase)+".log")
	watch := WatchMemory("/proc", r.binary, PollInterval)
	start := time.Now()
	code, err := runTerraform(ctx, exe, dir, env, logPath, args...)
	m.Wall = time.Since(start)
	m.PeakKiB = watch.Stop()
	m.ExitCode = code
	m.Calls, m.Statuses = emu.Counts(), emu.StatusCounts()
	switch {
	case err != nil:
		return m, err
	case code == 0:
	case phase == Plan && code == 2:
		m.Failure = fmt.Sprintf("the plan after the adoption is not empty (terraform plan -detailed-exitcode exited 2); its last %d lines:\n%s",
			TailLines, tailFile(logPath, TailLines))
	default:
		return m, &CommandError{Args: append([]string{exe}, args...), ExitCode: code, Tail: tailFile(logPath, TailLines)}
	}
	return m, nil
}

// adoptionVerdicts holds the adoption runs against the targets.
func adoptionVerdicts(runs []AdoptionRun) []Verdict {
	var out []Verdict
	for _, run := range runs {
		v := func(target string, phase Phase, measured, limit string, ok bool) {
			out = append(out, Verdict{Target: target, Scenario: Scenario{Kind: Agents, N: run.Agents}, Mode: "adoption",
				Phase: phase, Measured: measured, Limit: limit, Outcome: outcome(ok)})
		}
		if len(run.Phases) < 3 {
			v("export, import and plan ran", "", fmt.Sprintf("%d of 3", len(run.Phases)), "3", false)
			continue
		}
		exp, imp, plan := run.Phases[0], run.Phases[1], run.Phases[2]
		limit := run.Agents + 2*run.Pages() + (adoptionMaxCalls - AdoptionN - 2*ceilDiv(AdoptionN, agentPage))
		v("export + import ≤ one read per agent + two walks + 50 (2,450 at 2,000)", Import,
			fmt.Sprintf("%d + %d = %d calls", exp.Total(), imp.Total(), exp.Total()+imp.Total()), fmt.Sprintf("≤ %d calls", limit),
			exp.Total()+imp.Total() <= limit)
		planLimit := int(adoptionPlanRatio * float64(run.Pages()))
		v("first plan after the import ≤ 1.1 × one walk of the list", Plan,
			fmt.Sprintf("%d calls (%.2f × %d)", plan.Total(), float64(plan.Total())/float64(run.Pages()), run.Pages()),
			fmt.Sprintf("≤ %d calls", planLimit), plan.Total() <= planLimit)
		v("the plan after the adoption shows no changes", Plan, fmt.Sprintf("exit %d", plan.ExitCode), "exit 0", plan.ExitCode == 0 && plan.Failure == "")
		left := "removed"
		if run.HandoffLeft {
			left = "left behind"
		}
		v("the exporter's hand-off is gone after the plan", Plan, left, "removed", !run.HandoffLeft)
		if run.Agents >= AdoptionN {
			v("provider peak memory ≤ 300 MiB in the refresh of 2,000 agents", Plan, fmt.Sprintf("%.1f MiB", plan.PeakMiB()),
				fmt.Sprintf("≤ %.0f MiB", adoptionMaxPeakMiB), plan.PeakKiB > 0 && plan.PeakMiB() <= adoptionMaxPeakMiB)
		}
	}
	return out
}

// AdoptionHeading is the heading of the adoption section, which -merge
// replaces on its own.
const AdoptionHeading = "## Adopting a large account"

// writeAdoptionSection renders the adoption runs and their targets.
func writeAdoptionSection(b *strings.Builder, res Results) {
	if len(res.Adoptions) == 0 {
		return
	}
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	w("%s\n\n", AdoptionHeading)
	w("Measured %s, load average %s when the run began, on the machine above.\n\n",
		res.Started.UTC().Format("2006-01-02 15:04 MST"), orDash(res.Machine.LoadAvg))
	w("An account of N agents made before the first request (the emulator's `SeedAgents`: no `custom_id`, which the ")
	w("list leaves out as the vendor's does, except the default seed's one), adopted as a user would: *export* is ")
	w("`terraform-provider-smartassist export -dir DIR`, *import* is `terraform apply` in DIR (N import blocks), ")
	w("*plan* is `terraform plan -detailed-exitcode` right after it, which must show no changes. The provider and ")
	w("the exporter are unthrottled (`SMARTASSIST_REQUESTS_PER_MINUTE=1000000`), so only calls count. *Floor* is ")
	w("what the phase cannot do without: the export one walk of the list (N/10 pages) and one read per agent, ")
	w("the import and the plan one walk each. *Peak MiB* is the largest `VmHWM` of the provider's processes (the ")
	w("exporter is the same binary).\n\n")
	w("| Agents | Phase | Wall (s) | Calls | Floor | × floor | Peak MiB | Calls by route |\n|--:|---|--:|--:|--:|--:|--:|---|\n")
	for _, run := range res.Adoptions {
		for _, m := range run.Phases {
			w("| %d | %s | %.2f | %d | %d | %.2f | %.1f | %s |\n", run.Agents, m.Phase, m.Wall.Seconds(), m.Total(),
				run.Floor(m.Phase), float64(m.Total())/float64(run.Floor(m.Phase)), m.PeakMiB(), Routes(m.Calls))
		}
	}
	w("\n")
	writeVerdicts(b, adoptionVerdicts(res.Adoptions))
}

// writeVerdicts renders a section's own targets.
func writeVerdicts(b *strings.Builder, verdicts []Verdict) {
	if len(verdicts) == 0 {
		return
	}
	fmt.Fprintf(b, "| Target | Scenario | Phase | Measured | Limit | Result |\n|---|---|---|---|---|---|\n")
	for _, v := range verdicts {
		result := string(v.Outcome)
		if v.Outcome == NotMet {
			result = "**not met**"
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", v.Target, v.Scenario, orDash(string(v.Phase)), cell(v.Measured), cell(v.Limit), result)
	}
	b.WriteString("\n")
}
