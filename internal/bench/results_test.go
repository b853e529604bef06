package bench

import (
	"reflect"
	"testing"
)

func TestOwnCalls(t *testing.T) {
	update := map[string]int{"GET /agents/{id}": 60, "PUT /agents/{id}": 10, "GET /agents": 1}
	refresh := map[string]int{"GET /agents/{id}": 50, "GET /agents": 3}
	want := map[string]int{"GET /agents/{id}": 10, "PUT /agents/{id}": 10}
	if got := OwnCalls(update, refresh); !reflect.DeepEqual(got, want) {
		t.Errorf("OwnCalls = %v, want %v", got, want)
	}
}

func TestMethodCallsAndTotals(t *testing.T) {
	calls := map[string]int{"GET /agents": 3, "GET /agents/{id}": 4, "PUT /agents/{id}": 5, "POST /agents": 1}
	if of, rest := MethodCalls(calls, "GET"); of != 7 || rest != 6 {
		t.Errorf("GET: %d, %d", of, rest)
	}
	if of, _ := MethodCalls(calls, "GE"); of != 0 {
		t.Errorf("a method prefix matched: %d", of)
	}
	m := Measurement{Calls: calls, Statuses: map[int]int{200: 10, 429: 3}, PeakKiB: 2048}
	if m.Total() != 13 || m.TooMany() != 3 || m.PeakMiB() != 2 {
		t.Errorf("Total %d, TooMany %d, PeakMiB %v", m.Total(), m.TooMany(), m.PeakMiB())
	}
}

func TestRunLookups(t *testing.T) {
	s := Scenario{Agents, 10}
	res := Results{
		Runs:   []ScenarioRun{{Scenario: s, Mode: ModeOff}, {Scenario: s, Mode: ModeOn, Phases: []Measurement{{Phase: Create}}}},
		Floors: []ScenarioRun{{Scenario: s, Floor: true}},
	}
	run, ok := res.Run(s, "on")
	if !ok || run.Mode != ModeOn {
		t.Errorf("Run(on) = %+v, %v", run, ok)
	}
	if _, ok := run.Phase(Create); !ok {
		t.Error("Phase(create) missing")
	}
	if _, ok := run.Phase(Destroy); ok {
		t.Error("Phase(destroy) found")
	}
	if _, ok := res.Run(Scenario{Contacts, 10}, "on"); ok {
		t.Error("Run of a scenario that did not run")
	}
	if f, ok := res.Floor(s); !ok || !f.Floor {
		t.Errorf("Floor = %+v, %v", f, ok)
	}
}
