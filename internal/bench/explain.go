package bench

import (
	"fmt"
	"strings"
	"time"
)

// The reasons the report gives for a target not met are computed from the
// run's own figures: where the wall time went (terraform's own time, from
// the floor, against the calls at the rate) and which calls went over a
// budget, by route. A target whose figures explain nothing gets no reason.

// explanations are the reasons of the verdicts not met, one line each.
func explanations(verdicts []Verdict) []string {
	var out []string
	for _, v := range verdicts {
		if v.Outcome != NotMet || v.Why == "" {
			continue
		}
		where := []string{v.Scenario.String()}
		if v.Mode != "" {
			where = append(where, v.Mode)
		}
		if v.Phase != "" {
			where = append(where, string(v.Phase))
		}
		out = append(out, fmt.Sprintf("- **%s** (%s): %s", v.Target, strings.Join(where, ", "), v.Why))
	}
	return out
}

// idealWhy splits a phase's wall time into terraform's own (the floor of
// the same phase) and the rest, next to what the calls take at the rate.
func idealWhy(m, floor Measurement, hasFloor bool, rpm int) string {
	ideal := IdealWall(m.Total(), rpm)
	calls := fmt.Sprintf("%s at %d a minute take %s s", count(m.Total(), "call"), rpm, secs(ideal))
	if !hasFloor || floor.Wall <= 0 {
		return fmt.Sprintf("the wall time is %s s; %s; no floor was measured to tell terraform's own share", secs(m.Wall), calls)
	}
	rest := m.Wall - floor.Wall
	return fmt.Sprintf("terraform's own time (the floor's %s s) is %.0f%% of the %s s wall time; the other %s s compare with %s (%.2f×)",
		secs(floor.Wall), 100*Ratio(floor.Wall, m.Wall), secs(m.Wall), secs(rest), calls, Ratio(rest, ideal))
}

// floorWhy says what the wall time beyond the floor was spent with: the
// calls, and the time per resource.
func floorWhy(m, floor Measurement, resources int) string {
	beyond := m.Wall - floor.Wall
	why := fmt.Sprintf("%s s beyond the floor's %s s, with %s (%s)", secs(beyond), secs(floor.Wall), count(m.Total(), "call"), Routes(m.Calls))
	if resources > 0 {
		why += fmt.Sprintf("; %.1f ms per resource", float64(beyond)/float64(resources)/float64(time.Millisecond))
	}
	return why
}

// overWhy names the calls of a budget by route: those of what went over.
func overWhy(calls map[string]int, what string) string {
	return fmt.Sprintf("%s: %s", what, Routes(calls))
}

// pacesWhy gives, per phase with 429s, the pace at which its calls went,
// against the emulator's limit.
func pacesWhy(run ScenarioRun) string {
	var parts []string
	for _, m := range run.Phases {
		if m.TooMany() == 0 || m.Wall <= 0 {
			continue
		}
		pace := float64(m.Total()) / m.Wall.Minutes()
		parts = append(parts, fmt.Sprintf("%s: %s over %s s, %.0f a minute, %d answered 429",
			m.Phase, count(m.Total(), "call"), secs(m.Wall), pace, m.TooMany()))
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("against the emulator's %d a minute: %s", run.Mode.EmulatorRPM, strings.Join(parts, "; "))
}

// pairWhy splits the wall time of applies run at once: the API span (while
// requests were being made) against the calls at the rate, and the time no
// request was made.
func pairWhy(run AccountRun) string {
	return fmt.Sprintf("the API span was %.1f s against %.1f s for the calls at the rate; %.1f s of the %.1f s wall time had no request in "+
		"flight, against the floor's %.1f s",
		run.Span.Seconds(), IdealWall(run.Calls, run.Scenario.RPM).Seconds(), (run.Wall - run.Span).Seconds(), run.Wall.Seconds(),
		run.FloorWall.Seconds())
}
