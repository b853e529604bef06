package bench

import (
	"net/http"
	"sort"
	"strings"
	"time"
)

// Measurement is what one terraform command cost.
type Measurement struct {
	Phase Phase
	Wall  time.Duration
	// Calls counts the API requests the emulator received, by
	// "METHOD /route" (requests answered 429 included).
	Calls map[string]int
	// Statuses counts the emulator's answers by HTTP status.
	Statuses map[int]int
	// PeakKiB is the largest VmHWM seen of a provider process during the
	// command; 0 when none ran (the floor).
	PeakKiB int64
	// ExitCode is terraform's exit status.
	ExitCode int
	// Failure says why the phase failed although terraform ran to its end,
	// such as a refresh plan that is not empty.
	Failure string
}

// Total is the number of API requests of the command.
func (m Measurement) Total() int { return sumCalls(m.Calls) }

// TooMany is the number of 429 answers.
func (m Measurement) TooMany() int { return m.Statuses[http.StatusTooManyRequests] }

// PeakMiB is PeakKiB in MiB.
func (m Measurement) PeakMiB() float64 { return float64(m.PeakKiB) / 1024 }

// ScenarioRun is one scenario in one mode, or one scenario's floor.
type ScenarioRun struct {
	Scenario Scenario
	Mode     Mode // the zero Mode for a floor
	Floor    bool
	Phases   []Measurement
}

// Phase returns the measurement of phase p, if it ran.
func (r ScenarioRun) Phase(p Phase) (Measurement, bool) {
	for _, m := range r.Phases {
		if m.Phase == p {
			return m, true
		}
	}
	return Measurement{}, false
}

// Results is everything a benchmark measured, with its context.
type Results struct {
	Started     time.Time
	Elapsed     time.Duration
	Machine     Machine
	Parallelism int
	Scenarios   []Scenario
	Modes       []Mode
	Runs        []ScenarioRun // provider runs, in the order they ran
	Floors      []ScenarioRun // one per scenario
	Accounts    []AccountRun  // the account scenarios, in the order they ran
	Adoptions   []AdoptionRun // the adoption scenarios (adoption.go)
}

// Run returns the provider run of scenario s in the mode named mode.
func (r Results) Run(s Scenario, mode string) (ScenarioRun, bool) {
	for _, run := range r.Runs {
		if run.Scenario == s && run.Mode.Name == mode {
			return run, true
		}
	}
	return ScenarioRun{}, false
}

// Floor returns the floor run of scenario s.
func (r Results) Floor(s Scenario) (ScenarioRun, bool) {
	for _, run := range r.Floors {
		if run.Scenario == s {
			return run, true
		}
	}
	return ScenarioRun{}, false
}

// OwnCalls is what an update made beyond its refresh: the update's calls
// minus the calls of a plan against the same state (the refresh phase),
// route by route, never below zero.
func OwnCalls(update, refresh map[string]int) map[string]int {
	out := map[string]int{}
	for k, v := range update {
		if d := v - refresh[k]; d > 0 {
			out[k] = d
		}
	}
	return out
}

// MethodCalls splits calls into those of one HTTP method and the rest.
func MethodCalls(calls map[string]int, method string) (of, rest int) {
	for k, v := range calls {
		if strings.HasPrefix(k, method+" ") {
			of += v
		} else {
			rest += v
		}
	}
	return of, rest
}

func sumCalls(calls map[string]int) int {
	n := 0
	for _, v := range calls {
		n += v
	}
	return n
}

// sortedRoutes returns the keys of calls, most called first, then by name.
func sortedRoutes(calls map[string]int) []string {
	keys := make([]string, 0, len(calls))
	for k, v := range calls {
		if v > 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if calls[keys[i]] != calls[keys[j]] {
			return calls[keys[i]] > calls[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}
