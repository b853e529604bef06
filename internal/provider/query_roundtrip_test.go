package provider

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// terraform-plugin-testing runs `terraform query` but cannot pass it
// -generate-config-out, so the round trip drives the CLI itself, with the
// provider built from source and installed through dev_overrides.

// allKindsQuery lists every object of every kind.
const allKindsQuery = `
list "smartassist_agent" "all" { provider = smartassist }
list "smartassist_agent_group" "all" { provider = smartassist }
list "smartassist_contact" "all" { provider = smartassist }
list "smartassist_queue" "all" { provider = smartassist }
list "smartassist_skill_group" "all" { provider = smartassist }
list "smartassist_skill" "all" { provider = smartassist }
`

// skipBelowQuery skips a test that drives the CLI directly when the CLI is
// older than Terraform 1.14, which has no `terraform query`, or is OpenTofu;
// before the provider is built for it.
func skipBelowQuery(t *testing.T) {
	t.Helper()
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		var err error
		if tf, err = exec.LookPath("terraform"); err != nil {
			t.Fatal("no terraform CLI (TestMain should have stopped the run)")
		}
	}
	out, err := exec.Command(tf, "version", "-json").Output()
	must(t, err)
	var v struct {
		Version string `json:"terraform_version"`
	}
	must(t, json.Unmarshal(out, &v))
	var major, minor int
	if _, err := fmt.Sscanf(v.Version, "%d.%d", &major, &minor); err != nil {
		t.Fatalf("reading the CLI's version %q: %v", v.Version, err)
	}
	if major == 1 && minor < 14 || os.Getenv("TF_ACC_PROVIDER_HOST") == "registry.opentofu.org" {
		t.Skipf("terraform query needs Terraform 1.14 or later; this CLI is %s", v.Version)
	}
}

// run runs the CLI in the working directory and returns its output and
// exit code.
func (w *cliWork) run(args ...string) (string, int) {
	w.t.Helper()
	cmd := exec.Command(w.tf, append(args, "-no-color")...)
	cmd.Dir, cmd.Env = w.work, w.env
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return string(out), exit.ExitCode()
	}
	must(w.t, err)
	return string(out), 0
}

// TestQuery_GenerateConfigRoundTrip is the adoption of an account made
// outside Terraform: the emulator's seed holds agents, agent groups,
// contacts, queues, skill groups and skills that no configuration made.
// `terraform query -generate-config-out` writes a configuration whose plan
// imports every object and changes nothing; after the apply, the plan is
// empty and the state carries every object's identity.
func TestQuery_GenerateConfigRoundTrip(t *testing.T) {
	skipLive(t, liveNeedsSeed)
	skipBelowQuery(t)
	emu := emulator.New(emulator.Config{})
	srv := httptest.NewServer(emu)
	defer srv.Close()
	w := newCLIWork(t, srv.URL, emu.Config(), "provider \"smartassist\" {\n  requests_per_minute = 60000\n}\n")
	must(t, os.WriteFile(filepath.Join(w.work, "all.tfquery.hcl"), []byte(allKindsQuery), 0o600))

	want := map[string]int{}
	count := func(kind string, n int) { want[kind] = n }
	count("smartassist_agent", len(emu.Agents()))
	count("smartassist_agent_group", len(emu.AgentGroups()))
	count("smartassist_queue", len(emu.Queues()))
	count("smartassist_skill_group", len(emu.SkillGroups()))
	count("smartassist_skill", len(emu.Skills()))
	active := 0
	for _, c := range emu.Contacts() {
		if !strings.EqualFold(fmt.Sprint(c["status"]), "INACTIVE") {
			active++
		}
	}
	count("smartassist_contact", active)
	total := 0
	for kind, n := range want {
		if n == 0 {
			t.Fatalf("the seed has no %s; the round trip would not cover it", kind)
		}
		total += n
	}

	out, code := w.run("query", "-generate-config-out=generated.tf")
	t.Logf("terraform query -generate-config-out=generated.tf:\n%s", out)
	if code != 0 {
		t.Fatalf("terraform query exited %d", code)
	}
	if !strings.Contains(out, "Maria Lopez <"+seedMariaEmail+">") {
		t.Errorf("the query's output does not show the agent as `First Last <email>`")
	}
	generated, err := os.ReadFile(filepath.Join(w.work, "generated.tf"))
	must(t, err)
	t.Logf("generated.tf:\n%s", generated)
	for kind, n := range want {
		if got := len(regexp.MustCompile(`(?m)^resource "`+kind+`" `).FindAll(generated, -1)); got != n {
			t.Errorf("generated.tf has %d %s blocks, want %d", got, kind, n)
		}
		if got := len(regexp.MustCompile(`(?m)^\s*to\s*=\s*`+kind+`\.`).FindAll(generated, -1)); got != n {
			t.Errorf("generated.tf has %d imports of %s, want %d", got, kind, n)
		}
	}

	emu.ResetCounts()
	out, code = w.run("plan", "-detailed-exitcode")
	t.Logf("terraform plan:\n%s", out)
	if wantLine := fmt.Sprintf("Plan: %d to import, 0 to add, 0 to change, 0 to destroy.", total); !strings.Contains(out, wantLine) || code != 2 {
		t.Fatalf("the plan of the generated configuration (exit %d) does not say %q", code, wantLine)
	}

	out, code = w.run("apply", "-auto-approve")
	t.Logf("terraform apply:\n%s", out)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("Apply complete! Resources: %d imported, 0 added, 0 changed, 0 destroyed.", total)) {
		t.Fatalf("the apply of the imports exited %d", code)
	}
	out, code = w.run("plan", "-detailed-exitcode")
	t.Logf("terraform plan after the apply:\n%s", out)
	if code != 0 || !strings.Contains(out, "No changes.") {
		t.Fatalf("the plan after the apply exited %d; want no changes", code)
	}

	raw, err := os.ReadFile(filepath.Join(w.work, "terraform.tfstate"))
	must(t, err)
	var state struct {
		Resources []struct {
			Type      string `json:"type"`
			Instances []struct {
				Identity map[string]any `json:"identity"`
			} `json:"instances"`
		} `json:"resources"`
	}
	must(t, json.Unmarshal(raw, &state))
	for _, r := range state.Resources {
		for _, i := range r.Instances {
			if i.Identity["id"] == nil || i.Identity["stream_id"] != emu.Config().StreamID {
				t.Errorf("%s: identity %v, want its id and the stream %s", r.Type, i.Identity, emu.Config().StreamID)
			}
		}
	}
}
