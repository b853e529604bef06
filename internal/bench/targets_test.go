package bench

import (
	"strings"
	"testing"
	"time"
)

func meas(p Phase, wall time.Duration, calls map[string]int, tooMany int, peakKiB int64) Measurement {
	statuses := map[int]int{200: sumCalls(calls) - tooMany}
	if tooMany > 0 {
		statuses[429] = tooMany
	}
	return Measurement{Phase: p, Wall: wall, Calls: calls, Statuses: statuses, PeakKiB: peakKiB}
}

// find returns the verdict whose target starts with prefix, for scenario s,
// mode and phase.
func find(t *testing.T, vs []Verdict, prefix string, s Scenario, mode string, p Phase) Verdict {
	t.Helper()
	for _, v := range vs {
		if strings.HasPrefix(v.Target, prefix) && v.Scenario == s && v.Mode == mode && v.Phase == p {
			return v
		}
	}
	t.Fatalf("no verdict %q for %s, mode %q, phase %q in %+v", prefix, s, mode, p, vs)
	return Verdict{}
}

func has(vs []Verdict, prefix string, s Scenario) bool {
	for _, v := range vs {
		if strings.HasPrefix(v.Target, prefix) && v.Scenario == s {
			return true
		}
	}
	return false
}

// agentRun is a run of n agents that meets or misses the call targets.
func agentRun(n int, mode Mode, good bool, wall time.Duration, peakKiB int64) ScenarioRun {
	s := Scenario{Agents, n}
	k := s.Changed()
	refresh := map[string]int{"GET /agents/{id}": n}
	create := map[string]int{"POST /agents": n, "GET /agents": 2 * n}
	if good {
		refresh = map[string]int{"GET /agents": ceilDiv(n, 5) + 2}
		create = map[string]int{"POST /agents": n, "GET /agents": ceilDiv(n, 5)}
	}
	update := map[string]int{"PUT /agents/{id}": k, "GET /agents/{id}": k}
	for r, v := range refresh {
		update[r] += v
	}
	destroy := map[string]int{"DELETE /agents/{id}": n}
	for r, v := range refresh {
		destroy[r] += v
	}
	return ScenarioRun{Scenario: s, Mode: mode, Phases: []Measurement{
		meas(Create, wall, create, 0, peakKiB),
		meas(Refresh, wall, refresh, 0, peakKiB/2),
		meas(Update, wall, update, 0, peakKiB/2),
		meas(Destroy, wall, destroy, 0, peakKiB/2),
	}}
}

func TestEvaluateAgentCallTargets(t *testing.T) {
	good, bad := Scenario{Agents, 100}, Scenario{Agents, 500}
	res := Results{
		Scenarios: []Scenario{{Agents, 10}, good, bad},
		Modes:     []Mode{ModeOff},
		Runs: []ScenarioRun{
			agentRun(10, ModeOff, true, time.Second, 1),
			agentRun(100, ModeOff, true, time.Second, 1),
			agentRun(500, ModeOff, false, time.Second, 1),
		},
	}
	vs := Evaluate(res)

	if v := find(t, vs, "create N agents", good, "off", Create); v.Outcome != Met || v.Limit != "100 POSTs + 20 other calls" {
		t.Errorf("good create: %+v", v)
	}
	if v := find(t, vs, "create N agents", bad, "off", Create); v.Outcome != NotMet || v.Measured != "500 POSTs + 1000 other calls" {
		t.Errorf("bad create: %+v", v)
	}
	if v := find(t, vs, "refresh N agents", good, "off", Refresh); v.Outcome != Met || v.Limit != "22 calls" {
		t.Errorf("good refresh: %+v", v)
	}
	if v := find(t, vs, "refresh N agents", bad, "off", Refresh); v.Outcome != NotMet || v.Measured != "500 calls" {
		t.Errorf("bad refresh: %+v", v)
	}
	// Below N = 50 the refresh target does not apply.
	if has(vs, "refresh N agents", Scenario{Agents, 10}) {
		t.Error("the refresh target is applied to 10 agents")
	}
	// The update is held to its calls beyond the refresh, in both cases.
	for _, s := range []Scenario{good, bad} {
		v := find(t, vs, "update k agents", s, "off", Update)
		k := s.Changed()
		if v.Outcome != Met || !strings.HasPrefix(v.Measured, count(k, "GET")+" + "+count(k, "PUT")+" + 0 other calls") {
			t.Errorf("%s update: %+v", s, v)
		}
	}
}

func TestEvaluateUpdateBeyondRefresh(t *testing.T) {
	s := Scenario{Agents, 100}
	run := agentRun(100, ModeOff, true, time.Second, 1)
	// An update that also looks up every changed agent by list page.
	up := run.Phases[2]
	up.Calls = map[string]int{"GET /agents": 22 + 3, "GET /agents/{id}": 10, "PUT /agents/{id}": 10}
	run.Phases[2] = up
	vs := Evaluate(Results{Scenarios: []Scenario{s}, Modes: []Mode{ModeOff}, Runs: []ScenarioRun{run}})
	v := find(t, vs, "update k agents", s, "off", Update)
	if v.Outcome != NotMet || !strings.HasPrefix(v.Measured, "13 GETs + 10 PUTs + 0 other calls") {
		t.Errorf("update with extra list pages: %+v", v)
	}
}

func TestEvaluateContacts(t *testing.T) {
	s := Scenario{Contacts, 500}
	run := ScenarioRun{Scenario: s, Mode: ModeOff, Phases: []Measurement{
		meas(Create, time.Second, map[string]int{"POST /contacts": 20}, 0, 1),
		meas(Refresh, time.Second, map[string]int{"GET /contacts": 5}, 0, 1),
		meas(Update, time.Second, map[string]int{"GET /contacts": 5, "PUT /contacts/bulk-update": 2}, 0, 1),
		meas(Destroy, time.Second, map[string]int{"GET /contacts": 5, "DELETE /contacts/bulk-delete": 20}, 0, 1),
	}}
	vs := Evaluate(Results{Scenarios: []Scenario{s}, Modes: []Mode{ModeOff}, Runs: []ScenarioRun{run}})
	if v := find(t, vs, "contacts create/update/destroy", s, "off", Create); v.Outcome != Met || v.Limit != "22 calls" {
		t.Errorf("create: %+v", v)
	}
	if v := find(t, vs, "contacts create/update/destroy", s, "off", Update); v.Outcome != Met || v.Measured != "7 calls" {
		t.Errorf("update: %+v", v)
	}
	// The destroy is held to the whole command, its refresh included.
	if v := find(t, vs, "contacts create/update/destroy", s, "off", Destroy); v.Outcome != NotMet || v.Measured != "25 calls" {
		t.Errorf("destroy: %+v", v)
	}
	if has(vs, "create N agents", s) || has(vs, "refresh N agents", s) {
		t.Error("agent targets applied to contacts")
	}
}

func TestEvaluateRateLimitedMode(t *testing.T) {
	s := Scenario{Contacts, 100}
	run := ScenarioRun{Scenario: s, Mode: ModeOn, Phases: []Measurement{
		// 40 calls at 600/min: ideal 4 s.
		meas(Create, 4400*time.Millisecond, map[string]int{"POST /contacts": 40}, 0, 1),
		meas(Refresh, 4700*time.Millisecond, map[string]int{"GET /contacts": 40}, 2, 1),
		meas(Update, 3300*time.Millisecond, map[string]int{"GET /contacts": 40}, 0, 1),
		meas(Destroy, time.Second, nil, 0, 1),
	}}
	vs := Evaluate(Results{Scenarios: []Scenario{s}, Modes: []Mode{ModeOn}, Runs: []ScenarioRun{run}})

	if v := find(t, vs, "wall time within 15%", s, "on", Create); v.Outcome != Met || v.Measured != "4.40 s / 4.00 s ideal = 1.10×" {
		t.Errorf("create: %+v", v)
	}
	if v := find(t, vs, "wall time within 15%", s, "on", Refresh); v.Outcome != NotMet {
		t.Errorf("refresh at 1.175× ideal: %+v", v)
	}
	if v := find(t, vs, "wall time within 15%", s, "on", Update); v.Outcome != NotMet {
		t.Errorf("update at 0.825× ideal: %+v", v)
	}
	if v := find(t, vs, "wall time within 15%", s, "on", Destroy); v.Outcome != NA {
		t.Errorf("destroy without calls: %+v", v)
	}
	if v := find(t, vs, "no 429 answers", s, "on", ""); v.Outcome != NotMet || !strings.HasPrefix(v.Measured, "2 (create 0, refresh 2,") {
		t.Errorf("429s: %+v", v)
	}
	if has(vs, "wall time ≤ 2×", s) {
		t.Error("the floor target is applied in the rate-limited mode")
	}
}

func TestEvaluateFloorAndMemoryAtTargetN(t *testing.T) {
	s := Scenario{Agents, TargetN}
	run := agentRun(TargetN, ModeOff, true, 30*time.Second, 160*1024)
	floor := ScenarioRun{Scenario: s, Floor: true, Phases: []Measurement{
		{Phase: Create, Wall: 15 * time.Second},
		{Phase: Refresh, Wall: 14 * time.Second},
		{Phase: Update, Wall: 15 * time.Second},
	}}
	vs := Evaluate(Results{Scenarios: []Scenario{s}, Modes: []Mode{ModeOff}, Runs: []ScenarioRun{run}, Floors: []ScenarioRun{floor}})
	if v := find(t, vs, "wall time ≤ 2×", s, "off", Create); v.Outcome != Met || v.Measured != "30.00 s / 15.00 s floor = 2.00×" {
		t.Errorf("create at exactly 2×: %+v", v)
	}
	if v := find(t, vs, "wall time ≤ 2×", s, "off", Refresh); v.Outcome != NotMet {
		t.Errorf("refresh above 2×: %+v", v)
	}
	if v := find(t, vs, "wall time ≤ 2×", s, "off", Destroy); v.Outcome != NA {
		t.Errorf("destroy without a floor: %+v", v)
	}
	if v := find(t, vs, "provider peak memory", s, "off", ""); v.Outcome != NotMet || v.Measured != "160.0 MiB (create)" {
		t.Errorf("memory: %+v", v)
	}

	// Below N = 500 neither applies.
	small := agentRun(100, ModeOff, true, time.Second, 1)
	vs = Evaluate(Results{Scenarios: []Scenario{small.Scenario}, Modes: []Mode{ModeOff}, Runs: []ScenarioRun{small}})
	if has(vs, "wall time ≤ 2×", small.Scenario) || has(vs, "provider peak memory", small.Scenario) {
		t.Error("N = 500 targets applied at N = 100")
	}
}

func TestEvaluateRefreshMustBeEmpty(t *testing.T) {
	s := Scenario{Agents, 10}
	run := agentRun(10, ModeOff, true, time.Second, 1)
	run.Phases[1].ExitCode = 2
	run.Phases[1].Failure = "not empty"
	vs := Evaluate(Results{Scenarios: []Scenario{s}, Modes: []Mode{ModeOff}, Runs: []ScenarioRun{run}})
	if v := find(t, vs, "a plan right after create", s, "off", Refresh); v.Outcome != NotMet || v.Measured != "exit 2" {
		t.Errorf("non-empty plan: %+v", v)
	}
}

func TestIdealWallAndRatio(t *testing.T) {
	if got := IdealWall(600, 600); got != time.Minute {
		t.Errorf("600 calls at 600/min = %s", got)
	}
	if got := IdealWall(10, 0); got != 0 {
		t.Errorf("no rate = %s", got)
	}
	if r := Ratio(3*time.Second, 2*time.Second); r != 1.5 {
		t.Errorf("Ratio = %v", r)
	}
	if r := Ratio(time.Second, 0); r == r {
		t.Errorf("Ratio over zero = %v, want NaN", r)
	}
	if count(1, "call") != "1 call" || count(0, "GET") != "0 GETs" {
		t.Error("count")
	}
}
