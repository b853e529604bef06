// Package bench measures the provider through the real terraform CLI against
// the in-process SmartAssist emulator: wall time, API calls by route, 429
// answers and the provider's peak memory, per scenario, phase and run mode,
// next to a floor of the same number of plain terraform_data resources. It
// renders the figures, and the targets they are held to, as markdown.
//
// The pure parts (sizes and modes, configuration generation, target
// evaluation and report rendering) are separate from the runner, which
// drives processes, so that they can be tested without terraform.
package bench

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Kind is the type of object a scenario manages.
type Kind string

// The kinds of scenario.
const (
	Agents   Kind = "agents"
	Contacts Kind = "contacts"
)

// Scenario is one kind of object at one size.
type Scenario struct {
	Kind Kind
	N    int
}

func (s Scenario) String() string { return fmt.Sprintf("%d %s", s.N, s.Kind) }

// Slug names the scenario in file names.
func (s Scenario) Slug() string { return fmt.Sprintf("%s-%d", s.Kind, s.N) }

// Changed is how many objects the update phase changes: 10% of N, at least 1.
func (s Scenario) Changed() int { return max(1, (s.N+9)/10) }

// IsChanged says whether the update phase changes object i (0-based): every
// tenth object, starting with the first, so exactly Changed() of them.
func IsChanged(i int) bool { return i%10 == 0 }

// Phase is one terraform command of a scenario.
type Phase string

// The phases, in the order they run.
const (
	Create  Phase = "create"
	Refresh Phase = "refresh"
	Update  Phase = "update"
	Destroy Phase = "destroy"
)

// Phases lists the phases in the order they run.
var Phases = []Phase{Create, Refresh, Update, Destroy}

// Mode is one setting of the rate limits on both sides.
type Mode struct {
	Name        string  // "off" or "on", as the -modes flag spells it
	Title       string  // heading in the report
	EmulatorRPM int     // emulator.Config.RateLimitPerMinute; 0 is no limit
	ProviderRPM float64 // requests_per_minute in the provider block
}

// Limited says whether the emulator enforces a rate limit in this mode.
func (m Mode) Limited() bool { return m.EmulatorRPM > 0 }

// The run modes.
var (
	ModeOff = Mode{Name: "off", Title: "Mode (a): rate limit off", EmulatorRPM: 0, ProviderRPM: 1_000_000}
	ModeOn  = Mode{Name: "on", Title: "Mode (b): 600 requests a minute", EmulatorRPM: 600, ProviderRPM: 600}
)

// Default and quick sizes for the -sizes flag.
const (
	DefaultSizes = "agents=10,100,500;contacts=100,500"
	QuickSizes   = "agents=10;contacts=25"
)

// ParseSizes reads a -sizes value such as "agents=10,100,500;contacts=100,500"
// into scenarios, agents first, each kind in ascending size.
func ParseSizes(v string) ([]Scenario, error) {
	seen := map[Scenario]bool{}
	var out []Scenario
	for _, part := range strings.Split(v, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, list, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("sizes: %q is not kind=n,n,…", part)
		}
		kind := Kind(strings.TrimSpace(name))
		if kind != Agents && kind != Contacts {
			return nil, fmt.Errorf("sizes: unknown kind %q (agents or contacts)", name)
		}
		for _, f := range strings.Split(list, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n < 1 || n > 10000 {
				return nil, fmt.Errorf("sizes: %s=%q is not a whole number from 1 to 10000", kind, f)
			}
			s := Scenario{Kind: kind, N: n}
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("sizes: %q names no scenario", v)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind == Agents
		}
		return out[i].N < out[j].N
	})
	return out, nil
}

// ParseModes reads a -modes value such as "off,on".
func ParseModes(v string) ([]Mode, error) {
	var out []Mode
	seen := map[string]bool{}
	for _, f := range strings.Split(v, ",") {
		f = strings.TrimSpace(f)
		if f == "" || seen[f] {
			continue
		}
		seen[f] = true
		switch f {
		case ModeOff.Name:
			out = append(out, ModeOff)
		case ModeOn.Name:
			out = append(out, ModeOn)
		default:
			return nil, fmt.Errorf("modes: unknown mode %q (off or on)", f)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("modes: %q names no mode", v)
	}
	return out, nil
}
