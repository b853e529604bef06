package bench

import (
	"bytes"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

func TestAgentConfig(t *testing.T) {
	s := Scenario{Agents, 30}
	base := Config(ConfigSpec{Scenario: s, ProviderRPM: 600})
	for _, want := range []string{
		`source = "koreai/smartassist"`,
		"requests_per_minute = 600\n",
		`resource "smartassist_agent" "agent"`,
		seedRole, seedQueue1, seedQueue2, seedSkill1, seedSkill2,
	} {
		if !strings.Contains(base, want) {
			t.Errorf("agent config lacks %q", want)
		}
	}
	for block, n := range map[string]int{"queue {": 2, "skill {": 2, "chat_language_support {": 2, "voice_language_support {": 1} {
		if got := strings.Count(base, block); got != n {
			t.Errorf("%d %q blocks, want %d", got, block, n)
		}
	}
	assertDistinct(t, base, `bench-agent-\d{4}@example\.com`, s.N)
	assertDistinct(t, base, `\+1202555\d{4}`, s.N)

	updated := Config(ConfigSpec{Scenario: s, ProviderRPM: 600, Updated: true})
	if got := changedLines(base, updated); got != s.Changed() {
		t.Errorf("update changes %d agents, want %d", got, s.Changed())
	}
	if !strings.Contains(updated, `nickname = "Bench 0000 v2", phone = "+12025550000", max_chat = 6`) {
		t.Error("agent 0 is not changed by the update")
	}

	if got := Config(ConfigSpec{Scenario: s, ProviderRPM: 1_000_000}); !strings.Contains(got, "requests_per_minute = 1000000\n") {
		t.Error("a large requests_per_minute is not written as a plain number")
	}
}

func TestContactConfig(t *testing.T) {
	s := Scenario{Contacts, 40}
	base := Config(ConfigSpec{Scenario: s, ProviderRPM: 600})
	if !strings.Contains(base, `resource "smartassist_contact" "contact"`) || !strings.Contains(base, `country_code = "+91"`) {
		t.Errorf("contact config:\n%s", base)
	}
	assertDistinct(t, base, `number = "98\d{8}"`, s.N)
	updated := Config(ConfigSpec{Scenario: s, ProviderRPM: 600, Updated: true})
	if got := changedLines(base, updated); got != s.Changed() {
		t.Errorf("update changes %d contacts, want %d", got, s.Changed())
	}
	if got := strings.Count(updated, `first = "Renamed"`); got != s.Changed() {
		t.Errorf("%d contacts renamed, want %d", got, s.Changed())
	}
}

func TestFloorConfig(t *testing.T) {
	for _, s := range []Scenario{{Agents, 20}, {Contacts, 20}} {
		floor := Config(ConfigSpec{Scenario: s, Floor: true})
		if strings.Contains(floor, "smartassist_") || strings.Contains(floor, "koreai/") || strings.Contains(floor, `provider "`) {
			t.Errorf("%s floor mentions the provider:\n%s", s, floor)
		}
		if !strings.Contains(floor, `resource "terraform_data"`) {
			t.Errorf("%s floor has no terraform_data", s)
		}
		// The floor carries the same values as the provider configuration.
		prov := Config(ConfigSpec{Scenario: s, ProviderRPM: 600})
		if localsOf(floor) != localsOf(prov) {
			t.Errorf("%s floor and provider configurations have different locals", s)
		}
		upd := Config(ConfigSpec{Scenario: s, Floor: true, Updated: true})
		if changedLines(floor, upd) != s.Changed() {
			t.Errorf("%s floor update changes %d objects, want %d", s, changedLines(floor, upd), s.Changed())
		}
	}
}

// TestConfigsParse has terraform read every configuration, when a terraform
// is on PATH.
func TestConfigsParse(t *testing.T) {
	tf, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("no terraform on PATH")
	}
	for _, s := range []Scenario{{Agents, 3}, {Contacts, 3}} {
		for _, spec := range []ConfigSpec{{Scenario: s, ProviderRPM: 600}, {Scenario: s, Floor: true, Updated: true}} {
			cmd := exec.Command(tf, "fmt", "-no-color", "-")
			cmd.Stdin = strings.NewReader(Config(spec))
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Errorf("terraform fmt rejects %+v: %v\n%s", spec, err, stderr.String())
			}
		}
	}
}

func TestCLIConfig(t *testing.T) {
	got := CLIConfig("/tmp/bench/bin")
	if !strings.Contains(got, `"registry.terraform.io/koreai/smartassist" = "/tmp/bench/bin"`) || !strings.Contains(got, "direct {}") {
		t.Errorf("CLIConfig:\n%s", got)
	}
}

func assertDistinct(t *testing.T, text, pattern string, want int) {
	t.Helper()
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(pattern).FindAllString(text, -1) {
		if seen[m] {
			t.Errorf("%s appears twice", m)
		}
		seen[m] = true
	}
	if len(seen) != want {
		t.Errorf("%d distinct values of %s, want %d", len(seen), pattern, want)
	}
}

// changedLines counts the lines that differ between two configurations of
// the same length.
func changedLines(a, b string) int {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	if len(la) != len(lb) {
		return -1
	}
	n := 0
	for i := range la {
		if la[i] != lb[i] {
			n++
		}
	}
	return n
}

func localsOf(cfg string) string {
	start := strings.Index(cfg, "locals {")
	end := strings.Index(cfg[start:], "\n}\n")
	return cfg[start : start+end]
}
