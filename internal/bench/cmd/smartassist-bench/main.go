// Command smartassist-bench measures the provider through the real
// terraform CLI against the in-process SmartAssist emulator and writes a
// markdown report (make bench).
//
//	smartassist-bench [-sizes 'agents=10,100,500;contacts=100,500'] [-modes off,on]
//	                  [-account all|none|two-applies,foreign-half,parallelism-40,two-machines]
//	                  [-parallelism 25] [-out BENCHMARKS.md] [-quick] [-keep]
//
// The report goes to stdout and to -out (BENCHMARKS.md at the repository
// root by default; "-" for stdout only); progress goes to stderr. It exits
// non-zero when a terraform command fails (showing the end of its output),
// when a plan after create is not empty, or when interrupted. Targets that
// are not met are reported, not treated as errors.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/koreai/terraform-provider-smartassist/internal/bench"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("smartassist-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizes := fs.String("sizes", bench.DefaultSizes, "scenarios as kind=n,n;kind=n (kinds: agents, contacts)")
	modes := fs.String("modes", "off,on", "run modes: off (no rate limit) and on (600 requests a minute on both sides); none runs only -account")
	account := fs.String("account", "all", "account scenarios (one budget across processes): two-applies, foreign-half, parallelism-40, two-machines, five-machines, one-machine, five-machines-30, all or none")
	adoptionSizes := fs.String("adoption", strconv.Itoa(bench.AdoptionN), "adoption scenario: account sizes (export, import and plan of N agents made outside Terraform), or none")
	merge := fs.Bool("merge", false, "update only the sections of the report that the runners on several machines and the adoption fill, keeping the rest of the existing report")
	parallelism := fs.Int("parallelism", 25, "terraform -parallelism for every command")
	out := fs.String("out", "", `report file (default BENCHMARKS.md at the repository root; "-" for stdout only)`)
	quick := fs.Bool("quick", false, "smoke run with small sizes ("+bench.QuickSizes+") unless -sizes is given")
	keep := fs.Bool("keep", false, "keep the temporary directory (configurations, states, logs of every command)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "smartassist-bench: unexpected arguments: %v\n", fs.Args())
		return 2
	}
	sizesSet := false
	fs.Visit(func(f *flag.Flag) { sizesSet = sizesSet || f.Name == "sizes" })
	accountSet := false
	fs.Visit(func(f *flag.Flag) { accountSet = accountSet || f.Name == "account" })
	if *quick && !sizesSet {
		*sizes = bench.QuickSizes
	}
	adoptionSet := false
	fs.Visit(func(f *flag.Flag) { adoptionSet = adoptionSet || f.Name == "adoption" })
	if *quick && !accountSet {
		*account = "two-applies,parallelism-40" // foreign-half needs 300 agents to feel the foreign consumer
	}
	if *quick && !adoptionSet {
		*adoptionSizes = "100"
	}

	fail := func(err error) int {
		fmt.Fprintln(stderr, "smartassist-bench:", err)
		return 1
	}
	scenarios, err := bench.ParseSizes(*sizes)
	if err != nil {
		return fail(err)
	}
	var modeList []bench.Mode
	if *modes != "none" {
		if modeList, err = bench.ParseModes(*modes); err != nil {
			return fail(err)
		}
	}
	accounts, err := bench.ParseAccountScenarios(*account)
	if err != nil {
		return fail(err)
	}
	adoptions, err := bench.ParseAdoption(*adoptionSizes)
	if err != nil {
		return fail(err)
	}
	root, err := repoRoot(ctx)
	if err != nil {
		return fail(err)
	}
	tf, err := exec.LookPath("terraform")
	if err != nil {
		return fail(errors.New("no terraform on PATH; the benchmark drives the real terraform CLI"))
	}
	outPath := *out
	if outPath == "" {
		outPath = filepath.Join(root, "BENCHMARKS.md")
	}

	res, err := bench.Run(ctx, bench.Options{
		RepoRoot:    root,
		Terraform:   tf,
		Scenarios:   scenarios,
		Modes:       modeList,
		Accounts:    accounts,
		Adoption:    adoptions,
		Parallelism: *parallelism,
		Keep:        *keep,
		Log:         stderr,
	})
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "smartassist-bench: interrupted; stopped terraform and removed the temporary directory")
		return 130
	}
	if err != nil {
		return fail(err)
	}

	report := bench.Render(*res, bench.Evaluate(*res))
	fmt.Fprint(stdout, report)
	if outPath != "-" {
		if *merge {
			old, err := os.ReadFile(outPath)
			if err != nil {
				return fail(fmt.Errorf("-merge: %w", err))
			}
			report = bench.MergeSections(string(old), report, []string{bench.FleetHeading, bench.AdoptionHeading})
		}
		if err := os.WriteFile(outPath, []byte(report), 0o644); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stderr, "Report written to %s (the whole run took %s).\n", outPath, res.Elapsed.Round(1e9))
	}
	for _, r := range res.Runs {
		for _, m := range r.Phases {
			if m.Failure != "" {
				fmt.Fprintf(stderr, "smartassist-bench: %s, mode %s, %s failed: %s\n", r.Scenario, r.Mode.Name, m.Phase, m.Failure)
				return 1
			}
		}
	}
	return 0
}

// repoRoot is the directory of the main module, where the provider's main
// package is.
func repoRoot(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("run from inside the provider's repository (no go.mod found)")
	}
	return filepath.Dir(mod), nil
}
