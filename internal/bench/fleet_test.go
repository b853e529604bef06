package bench

import (
	"strings"
	"testing"
)

// -merge replaces the sections a run filled and adds those the report
// lacks before its targets, leaving the rest as it was.
func TestMergeSectionsReplacesOnlyTheRunsSections(t *testing.T) {
	old := "# Benchmarks\n\nold preamble\n\n## Mode (a)\n\nold table\n\n" + FleetHeading + "\n\nold fleet\n\n## Targets\n\nold targets\n"
	fresh := "# Benchmarks\n\nnew preamble\n\n" + FleetHeading + "\n\nnew fleet\n\n" + AdoptionHeading + "\n\nnew adoption\n\n## Targets\n\nnew targets\n"
	got := MergeSections(old, fresh, []string{FleetHeading, AdoptionHeading})
	want := "# Benchmarks\n\nold preamble\n\n## Mode (a)\n\nold table\n\n" + FleetHeading + "\n\nnew fleet\n\n" +
		AdoptionHeading + "\n\nnew adoption\n\n## Targets\n\nold targets\n"
	if got != want {
		t.Fatalf("merged:\n%s\nwant:\n%s", got, want)
	}
}

func TestParseAdoption(t *testing.T) {
	if got, err := ParseAdoption("2000, 100"); err != nil || len(got) != 2 || got[0] != 2000 || got[1] != 100 {
		t.Fatalf("sizes %v, %v", got, err)
	}
	if got, err := ParseAdoption("none"); err != nil || got != nil {
		t.Fatalf("none: %v, %v", got, err)
	}
	if _, err := ParseAdoption("2"); err == nil || !strings.Contains(err.Error(), `"2" is not an account size of at least 3 agents`) {
		t.Fatalf("err = %v", err)
	}
}

// The adoption's targets at 2,000 agents: 2,450 calls for export and
// import, 220 for the plan, 300 MiB.
func TestAdoptionVerdicts(t *testing.T) {
	calls := func(n int) map[string]int { return map[string]int{"GET /agents": n} }
	run := AdoptionRun{Agents: 2000, Phases: []Measurement{
		{Phase: Export, Calls: calls(2204)}, {Phase: Import, Calls: calls(247)}, {Phase: Plan, Calls: calls(221), PeakKiB: 301 * 1024},
	}}
	var got []string
	for _, v := range adoptionVerdicts([]AdoptionRun{run}) {
		got = append(got, v.Limit+" "+string(v.Outcome))
	}
	want := "≤ 2450 calls not met|≤ 220 calls not met|exit 0 met|removed met|≤ 300 MiB not met"
	if strings.Join(got, "|") != want {
		t.Fatalf("verdicts %q, want %q", strings.Join(got, "|"), want)
	}
	if run.Floor(Export) != 2200 || run.Floor(Plan) != 200 {
		t.Fatalf("floors %d, %d", run.Floor(Export), run.Floor(Plan))
	}
}

func TestFleetFloorIsTheRunsOwnFigures(t *testing.T) {
	five := AccountRun{Scenario: AccountScenarios[4], Calls: 99, TooMany: 5}
	alone := AccountRun{Scenario: AccountScenarios[5], Calls: 14}
	got := fleetFloor([]AccountRun{five, alone})
	for _, want := range []string{"A lone apply of 12 agents made 14 calls here", "within the window's 60", "the five made 99 calls: five throttles are 5.1% of them."} {
		if !strings.Contains(got, want) {
			t.Errorf("fleetFloor = %q, want it to contain %q", got, want)
		}
	}
	if got := fleetFloor([]AccountRun{five}); got != "" {
		t.Errorf("without the lone run: %q, want nothing", got)
	}
}
