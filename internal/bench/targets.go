package bench

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// The fixed numbers of the targets. They come from the issue that asked
// for the benchmark and are not to be loosened to make a run pass.
const (
	// TargetN is the size at which the floor ratio and the memory target
	// apply.
	TargetN = 500
	// refreshTargetMinN is the smallest N the agent refresh target applies to.
	refreshTargetMinN = 50
	maxFloorRatio     = 2.0
	maxIdealDeviation = 0.15
	maxPeakMiB        = 150.0
	contactBatch      = 25 // contacts per bulk call
	agentsPerCall     = 5  // the ⌈N/5⌉ of the agent targets
)

// Outcome is the result of one target row.
type Outcome string

// The outcomes.
const (
	Met    Outcome = "met"
	NotMet Outcome = "not met"
	NA     Outcome = "n/a"
)

func outcome(ok bool) Outcome {
	if ok {
		return Met
	}
	return NotMet
}

// Verdict is one row of the targets table.
type Verdict struct {
	Target   string
	Scenario Scenario
	Mode     string // mode name; empty when the row is about no mode
	Phase    Phase  // empty when the row is about the whole scenario
	Measured string
	Limit    string
	Outcome  Outcome
	// Why is what the run's figures say about a target not met (see
	// explain.go); empty when they say nothing.
	Why string
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// IdealWall is the time the calls take at rpm requests a minute.
func IdealWall(calls int, rpm int) time.Duration {
	if rpm <= 0 {
		return 0
	}
	return time.Duration(float64(calls) * float64(time.Minute) / float64(rpm))
}

// Ratio is a/b, or NaN when b is zero.
func Ratio(a, b time.Duration) float64 {
	if b <= 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// Evaluate holds every run of res against the targets, in a stable order:
// by mode, then scenario, then target.
func Evaluate(res Results) []Verdict {
	var out []Verdict
	for _, mode := range res.Modes {
		for _, s := range res.Scenarios {
			run, ok := res.Run(s, mode.Name)
			if !ok {
				continue
			}
			floor, hasFloor := res.Floor(s)
			out = append(out, evaluateRun(run, floor, hasFloor)...)
		}
	}
	out = append(out, accountVerdicts(res.Accounts)...)
	return append(out, adoptionVerdicts(res.Adoptions)...)
}

func evaluateRun(run ScenarioRun, floor ScenarioRun, hasFloor bool) []Verdict {
	s, mode := run.Scenario, run.Mode
	var out []Verdict
	add := func(v Verdict) {
		v.Scenario, v.Mode = s, mode.Name
		out = append(out, v)
	}

	if m, ok := run.Phase(Refresh); ok {
		add(Verdict{Target: "a plan right after create shows no changes", Phase: Refresh,
			Measured: fmt.Sprintf("exit %d", m.ExitCode), Limit: "exit 0", Outcome: outcome(m.ExitCode == 0 && m.Failure == "")})
	}

	switch s.Kind {
	case Agents:
		if m, ok := run.Phase(Create); ok {
			posts := m.Calls["POST /agents"]
			other := m.Total() - posts
			others := OwnCalls(m.Calls, map[string]int{"POST /agents": posts})
			add(Verdict{Target: "create N agents ≤ N POSTs + ⌈N/5⌉ other calls", Phase: Create,
				Measured: count(posts, "POST") + " + " + count(other, "other call"),
				Limit:    count(s.N, "POST") + " + " + count(ceilDiv(s.N, agentsPerCall), "other call"),
				Outcome:  outcome(posts <= s.N && other <= ceilDiv(s.N, agentsPerCall)),
				Why:      overWhy(others, "the calls other than the POSTs")})
		}
		if m, ok := run.Phase(Refresh); ok && s.N >= refreshTargetMinN {
			limit := ceilDiv(s.N, agentsPerCall) + 2
			add(Verdict{Target: "refresh N agents ≤ ⌈N/5⌉+2 calls (N ≥ 50)", Phase: Refresh,
				Measured: count(m.Total(), "call"), Limit: count(limit, "call"),
				Outcome: outcome(m.Total() <= limit), Why: overWhy(m.Calls, "the refresh's calls")})
		}
		up, okU := run.Phase(Update)
		ref, okR := run.Phase(Refresh)
		if okU && okR {
			k := s.Changed()
			own := OwnCalls(up.Calls, ref.Calls)
			gets, _ := MethodCalls(own, "GET")
			puts, notPut := MethodCalls(own, "PUT")
			other := notPut - gets
			add(Verdict{Target: "update k agents ≤ k GETs + k PUTs (beyond the refresh)", Phase: Update,
				Measured: fmt.Sprintf("%s + %s + %s (refresh share: %s)", count(gets, "GET"), count(puts, "PUT"), count(other, "other call"), count(ref.Total(), "call")),
				Limit:    count(k, "GET") + " + " + count(k, "PUT"),
				Outcome:  outcome(gets <= k && puts <= k && other == 0),
				Why:      overWhy(own, "the calls beyond the refresh")})
		}
	case Contacts:
		limit := ceilDiv(s.N, contactBatch) + 2
		for _, p := range []Phase{Create, Update, Destroy} {
			m, ok := run.Phase(p)
			if !ok {
				continue
			}
			add(Verdict{Target: "contacts create/update/destroy ≤ ⌈N/25⌉+2 calls (whole command)", Phase: p,
				Measured: count(m.Total(), "call"), Limit: count(limit, "call"),
				Outcome: outcome(m.Total() <= limit), Why: overWhy(m.Calls, "the command's calls")})
		}
	}

	if mode.Limited() {
		total, parts := 0, []string{}
		for _, m := range run.Phases {
			total += m.TooMany()
			parts = append(parts, fmt.Sprintf("%s %d", m.Phase, m.TooMany()))
		}
		add(Verdict{Target: "no 429 answers at 600/min", Measured: fmt.Sprintf("%d (%s)", total, strings.Join(parts, ", ")),
			Limit: "0", Outcome: outcome(total == 0), Why: pacesWhy(run)})
		for _, m := range run.Phases {
			ideal := IdealWall(m.Total(), mode.EmulatorRPM)
			v := Verdict{Target: "wall time within 15% of calls ÷ rate", Phase: m.Phase, Limit: "0.85–1.15 × ideal"}
			if ideal == 0 {
				v.Measured, v.Outcome = "no calls", NA
			} else {
				r := Ratio(m.Wall, ideal)
				v.Measured = fmt.Sprintf("%s s / %s s ideal = %.2f×", secs(m.Wall), secs(ideal), r)
				v.Outcome = outcome(math.Abs(r-1) <= maxIdealDeviation)
				f, ok := floor.Phase(m.Phase)
				v.Why = idealWhy(m, f, hasFloor && ok, mode.EmulatorRPM)
			}
			add(v)
		}
	} else if s.N == TargetN {
		for _, m := range run.Phases {
			v := Verdict{Target: "wall time ≤ 2× the terraform_data floor (N = 500)", Phase: m.Phase, Limit: "≤ 2.00×"}
			f, ok := floor.Phase(m.Phase)
			if !hasFloor || !ok || f.Wall <= 0 {
				v.Measured, v.Outcome = "no floor measured", NA
			} else {
				r := Ratio(m.Wall, f.Wall)
				v.Measured = fmt.Sprintf("%s s / %s s floor = %.2f×", secs(m.Wall), secs(f.Wall), r)
				v.Outcome = outcome(r <= maxFloorRatio)
				v.Why = floorWhy(m, f, s.N)
			}
			add(v)
		}
	}

	if s.N == TargetN {
		var peak Measurement
		for _, m := range run.Phases {
			if m.PeakKiB > peak.PeakKiB {
				peak = m
			}
		}
		v := Verdict{Target: "provider peak memory < 150 MiB (N = 500)", Limit: "< 150 MiB"}
		if peak.PeakKiB == 0 {
			v.Measured, v.Outcome = "no provider process seen", NA
		} else {
			v.Measured = fmt.Sprintf("%.1f MiB (%s)", peak.PeakMiB(), peak.Phase)
			v.Outcome = outcome(peak.PeakMiB() < maxPeakMiB)
		}
		add(v)
	}
	return out
}

// secs formats a duration in seconds with two decimals.
func secs(d time.Duration) string { return fmt.Sprintf("%.2f", d.Seconds()) }

// count writes n and a noun, in the plural unless n is 1: "3 calls".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
