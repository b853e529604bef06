package bench

import (
	"strings"
	"testing"
	"time"
)

func TestParseAccountScenarios(t *testing.T) {
	all, err := ParseAccountScenarios("all")
	if err != nil || len(all) != 7 {
		t.Fatalf("all: %d, %v", len(all), err)
	}
	none, err := ParseAccountScenarios("none")
	if err != nil || len(none) != 0 {
		t.Fatalf("none: %d, %v", len(none), err)
	}
	two, err := ParseAccountScenarios("parallelism-40, two-applies")
	if err != nil || len(two) != 2 || two[0].Name != "parallelism-40" || two[1].Name != "two-applies" {
		t.Fatalf("two: %+v, %v", two, err)
	}
	if _, err := ParseAccountScenarios("three-applies"); err == nil || !strings.Contains(err.Error(), `unknown scenario "three-applies"`) {
		t.Fatalf("err = %v", err)
	}
}

func TestAccountConfigsManageDifferentAgents(t *testing.T) {
	c := Config(ConfigSpec{Scenario: Scenario{Kind: Agents, N: 2}, ProviderRPM: 300, First: 40, RequestTimeout: "6s"})
	for _, want := range []string{AgentEmail(40), AgentEmail(41), `request_timeout     = "6s"`, "requests_per_minute = 300"} {
		if !strings.Contains(c, want) {
			t.Errorf("config lacks %q:\n%s", want, c)
		}
	}
	if strings.Contains(c, AgentEmail(39)) || strings.Contains(c, AgentEmail(42)) {
		t.Errorf("config has agents outside 40..41:\n%s", c)
	}
}

func TestAccountVerdicts(t *testing.T) {
	two := AccountRun{Scenario: AccountScenarios[0], Wall: 22 * time.Second, FloorWall: 4 * time.Second, Calls: 180}
	foreign := AccountRun{Scenario: AccountScenarios[1], Calls: 400, TooMany: 21}
	par := AccountRun{Scenario: AccountScenarios[2], Calls: 50, Failed: []string{"apply 1 exited 1"}}
	machines := AccountRun{Scenario: AccountScenarios[3], Calls: 160, TooMany: 6}
	got := accountVerdicts([]AccountRun{two, foreign, par, machines})
	want := []struct {
		target, measured string
		outcome          Outcome
	}{
		{"every apply succeeds", "2 of 2", Met},
		{"no 429", "0", Met},
		// 180 calls at 600/min is 18 s, plus the 4 s floor: 22 s.
		{"wall of the pair ≈ calls ÷ rate + floor", "22.0 s = 1.00 × 22.0 s", Met},
		{"every apply succeeds", "1 of 1", Met},
		{"429s ≤ 5% of the provider's calls", "21 of 400 (5.2%)", NotMet},
		{"every apply succeeds", "0 of 1", NotMet},
		{"no 429", "0", Met},
		{"every apply succeeds", "2 of 2", Met},
		{"429s ≤ 5% of the provider's calls", "6 of 160 (3.8%)", Met},
	}
	if len(got) != len(want) {
		t.Fatalf("%d verdicts, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Target != w.target || got[i].Measured != w.measured || got[i].Outcome != w.outcome {
			t.Errorf("verdict %d = %q %q %s, want %q %q %s", i, got[i].Target, got[i].Measured, got[i].Outcome, w.target, w.measured, w.outcome)
		}
	}
}
