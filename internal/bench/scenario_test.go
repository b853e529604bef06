package bench

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseSizes(t *testing.T) {
	got, err := ParseSizes(" contacts=500,100 ; agents=500,10,100,10 ")
	if err != nil {
		t.Fatal(err)
	}
	want := []Scenario{{Agents, 10}, {Agents, 100}, {Agents, 500}, {Contacts, 100}, {Contacts, 500}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseSizes = %v, want %v", got, want)
	}

	def, err := ParseSizes(DefaultSizes)
	if err != nil || len(def) != 5 {
		t.Errorf("DefaultSizes = %v, %v; want 5 scenarios", def, err)
	}
	if _, err := ParseSizes(QuickSizes); err != nil {
		t.Errorf("QuickSizes: %v", err)
	}

	for _, bad := range []string{"", ";", "agents", "queues=10", "agents=0", "agents=ten", "agents=10,", "agents=20000"} {
		if _, err := ParseSizes(bad); err == nil {
			t.Errorf("ParseSizes(%q) succeeded, want an error", bad)
		}
	}
}

func TestParseModes(t *testing.T) {
	got, err := ParseModes("on, off,on")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != ModeOn || got[1] != ModeOff {
		t.Errorf("ParseModes = %v", got)
	}
	for _, bad := range []string{"", "fast", "off,slow"} {
		if _, err := ParseModes(bad); err == nil {
			t.Errorf("ParseModes(%q) succeeded, want an error", bad)
		}
	}
	if ModeOff.Limited() || !ModeOn.Limited() {
		t.Error("only mode on is rate limited")
	}
	if ModeOn.EmulatorRPM != 600 || ModeOn.ProviderRPM != 600 {
		t.Errorf("mode on is %+v, want 600 on both sides", ModeOn)
	}
}

func TestChangedMatchesIsChanged(t *testing.T) {
	for _, n := range []int{1, 9, 10, 11, 25, 100, 500} {
		s := Scenario{Agents, n}
		changed := 0
		for i := range n {
			if IsChanged(i) {
				changed++
			}
		}
		if changed != s.Changed() {
			t.Errorf("N=%d: IsChanged marks %d objects, Changed() says %d", n, changed, s.Changed())
		}
	}
	if got := (Scenario{Agents, 500}).Changed(); got != 50 {
		t.Errorf("500 agents: Changed() = %d, want 50 (10%%)", got)
	}
}

func TestScenarioNames(t *testing.T) {
	s := Scenario{Contacts, 100}
	if s.String() != "100 contacts" || s.Slug() != "contacts-100" || strings.ContainsAny(s.Slug(), " /") {
		t.Errorf("String %q, Slug %q", s.String(), s.Slug())
	}
}
