package bench

import (
	"strings"
	"testing"
	"time"
)

func sampleResults() Results {
	agents, contacts := Scenario{Agents, 500}, Scenario{Contacts, 100}
	floorOf := func(s Scenario) ScenarioRun {
		r := ScenarioRun{Scenario: s, Floor: true}
		for _, p := range Phases {
			r.Phases = append(r.Phases, Measurement{Phase: p, Wall: 10 * time.Second})
		}
		return r
	}
	contactRun := ScenarioRun{Scenario: contacts, Mode: ModeOn, Phases: []Measurement{
		meas(Create, 2*time.Second, map[string]int{"POST /contacts": 4}, 0, 30*1024),
		meas(Refresh, time.Second, map[string]int{"GET /contacts": 1}, 0, 30*1024),
		meas(Update, time.Second, map[string]int{"GET /contacts": 1, "PUT /contacts/bulk-update": 1}, 0, 30*1024),
		meas(Destroy, time.Second, map[string]int{"GET /contacts": 1, "DELETE /contacts/bulk-delete": 4}, 1, 30*1024),
	}}
	contactRun.Phases[1].ExitCode = 2
	contactRun.Phases[1].Failure = "the plan after create is not empty; its last 30 lines:\n  ~ first_name = \"a\" -> \"b\""
	return Results{
		Started:     time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC),
		Elapsed:     9*time.Minute + 30*time.Second,
		Machine:     Machine{CPU: "Test CPU", CPUs: 2, MemKiB: 8 * 1024 * 1024, OS: "linux", Arch: "amd64", Go: "go1.26.8", Terraform: "1.11.4", LoadAvg: "0.10, 0.20, 0.30"},
		Parallelism: 25,
		Scenarios:   []Scenario{agents, contacts},
		Modes:       []Mode{ModeOff, ModeOn},
		Runs:        []ScenarioRun{agentRun(500, ModeOff, false, 20*time.Second, 100*1024), contactRun},
		Floors:      []ScenarioRun{floorOf(agents), floorOf(contacts)},
	}
}

func TestRender(t *testing.T) {
	res := sampleResults()
	out := Render(res, Evaluate(res))
	for _, want := range []string{
		"# Benchmarks\n",
		"- **Date:** 2026-01-02 03:04 UTC\n",
		"- **Duration of the whole run:** 9m30s\n",
		"Test CPU, 2 logical CPUs, 8.0 GiB memory, linux/amd64",
		"**Go:** go1.26.8; **Terraform:** 1.11.4",
		"0.10, 0.20, 0.30",
		"**`-parallelism=25`**",
		"## Method\n",
		"measured on its own",
		"ResetRateWindow",
		"terraform's default parallelism of 10",
		"## Mode (a): rate limit off\n",
		"`requests_per_minute = 1000000`",
		"## Mode (b): 600 requests a minute\n",
		"`requests_per_minute = 600`",
		"| Scenario | Phase | Wall (s) | Floor (s) | × floor | Calls |",
		"| Scenario | Phase | Wall (s) | Ideal (s) | × ideal | Calls |",
		// 500 agents, create: 20 s against a 10 s floor, 1500 calls.
		"| 500 agents | create | 20.00 | 10.00 | 2.00 | 1500 | 3.00 | 0 | 100.0 | GET /agents 1000, POST /agents 500 |",
		// The update shows its calls beyond the refresh.
		"beyond the refresh: GET /agents/{id} 50, PUT /agents/{id} 50 |",
		// 100 contacts, create at 600/min: 4 calls, ideal 0.4 s.
		"| 100 contacts | create | 2.00 | 0.40 | 5.00 | 4 | 0.04 | 0 | 30.0 | POST /contacts 4 |",
		"| 100 contacts | refresh (**failed**) |",
		"| 500 agents | 10.00 | 10.00 | 10.00 | 10.00 |",
		"## Targets\n",
		"| create N agents ≤ N POSTs + ⌈N/5⌉ other calls | 500 agents | off | create | 500 POSTs + 1000 other calls | 500 POSTs + 100 other calls | **not met** |",
		"| no 429 answers at 600/min | 100 contacts | on | — | 1 (create 0, refresh 0, update 0, destroy 1) | 0 | **not met** |",
		"## Failures\n",
		"### 100 contacts, mode on, refresh\n",
		"~ first_name = \"a\" -> \"b\"",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Index(out, "## Mode (a)") > strings.Index(out, "## Mode (b)") || strings.Index(out, "## Mode (b)") > strings.Index(out, "## Targets") {
		t.Error("sections out of order")
	}
	// Every table row has as many cells as its header.
	var header int
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "|") {
			header = 0
			continue
		}
		cells := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|")
		if header == 0 {
			header = cells
		} else if cells != header {
			t.Errorf("row has %d separators, header %d: %s", cells, header, line)
		}
	}
}

func TestRenderSummaryAndNoFailures(t *testing.T) {
	s := Scenario{Contacts, 100}
	res := Results{Scenarios: []Scenario{s}, Modes: []Mode{ModeOff}, Parallelism: 25, Runs: []ScenarioRun{{Scenario: s, Mode: ModeOff, Phases: []Measurement{
		meas(Create, time.Second, map[string]int{"POST /contacts": 4}, 0, 1024),
		meas(Refresh, time.Second, map[string]int{"GET /contacts": 1}, 0, 1024),
	}}}}
	out := Render(res, Evaluate(res))
	if !strings.Contains(out, "2 met, 0 not met.") {
		t.Errorf("summary missing:\n%s", out)
	}
	if strings.Contains(out, "## Failures") {
		t.Error("a Failures section without failures")
	}
	if strings.Contains(out, "## Mode (b)") {
		t.Error("a section for a mode that did not run")
	}
	if !strings.Contains(out, "No floor was measured") {
		t.Error("no word on the missing floor")
	}
	// Without a floor the ratio is a dash.
	if !strings.Contains(out, "| 100 contacts | create | 1.00 | — | — | 4 |") {
		t.Errorf("row without floor:\n%s", out)
	}
}

func TestRoutesAndCell(t *testing.T) {
	got := Routes(map[string]int{"GET /b": 2, "GET /a": 2, "PUT /c": 5, "DELETE /d": 0})
	if got != "PUT /c 5, GET /a 2, GET /b 2" {
		t.Errorf("Routes = %q", got)
	}
	if Routes(nil) != "none" {
		t.Errorf("Routes(nil) = %q", Routes(nil))
	}
	if got := cell("a|b\nc"); got != `a\|b c` {
		t.Errorf("cell = %q", got)
	}
}

func TestTheReportExplainsWhatIsNotMet(t *testing.T) {
	s := Scenario{Kind: Agents, N: TargetN}
	run := ScenarioRun{Scenario: s, Mode: ModeOff, Phases: []Measurement{{Phase: Create, Wall: 30 * time.Second,
		Calls: map[string]int{"POST /agents": 500, "GET /agents": 100}}}}
	floor := ScenarioRun{Scenario: s, Floor: true, Phases: []Measurement{{Phase: Create, Wall: 10 * time.Second}}}
	verdicts := append(evaluateRun(run, floor, true),
		Verdict{Target: "contacts create/update/destroy ≤ ⌈N/25⌉+2 calls (whole command)", Outcome: Met, Why: "x"})
	got := explanations(verdicts)
	if len(got) != 1 || !strings.Contains(got[0], "20.00 s beyond the floor's 10.00 s, with 600 calls (POST /agents 500, GET /agents 100)") {
		t.Fatalf("explanations = %q; want exactly the floor target's, from the run's figures", got)
	}
	if explanations([]Verdict{{Target: "no 429 answers at 600/min", Outcome: Met}}) != nil {
		t.Fatal("a met target needs no explanation")
	}
}
