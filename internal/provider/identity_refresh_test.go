package provider

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// TestIdentityRefreshOfStateWithoutIdentity drives the CLI under test
// (TF_ACC_TERRAFORM_PATH) over a state file that has no identities, as one
// written before identities existed, and checks that a refresh gives every
// object its identity without error and that a plan after it is empty.
// The state is written two ways: by the same CLI with the identities taken
// out of the file, and by a Terraform older than 1.12 found on PATH (the
// real upgrade). terraform-plugin-testing runs one CLI per test, so this
// test runs the CLIs itself, with the provider built from source.
func TestIdentityRefreshOfStateWithoutIdentity(t *testing.T) {
	skipLive(t, liveNeedsProcess)
	main := `
provider "smartassist" {
  requests_per_minute = 60000
}
` + queueArgs{timeout: "45s"}.config() + skillGroupConfig("Products", "What we sell", "") +
		skillConfig(seedLanguagesSkillGroup, "Portuguese", "") + agentGroupConfig("Tier 2", "Second line") +
		contactConfig("John", "2445600000") + agentConfig("Alice", "novice", seedSupportQueue)
	const wantObjects = 6
	tf := cliUnderTest(t)
	if !cliAtLeast(t, tf, 12) {
		t.Skipf("%s is older than 1.12: no resource identity", tf)
	}

	t.Run("identities removed from the state", func(t *testing.T) {
		w, stream := newIdentityWork(t, main)
		w.cli(w.tf, "apply", "-auto-approve", "-no-color")
		if got := w.identities(); len(got) != wantObjects {
			t.Fatalf("after the apply, %d objects carry an identity, want %d: %v", len(got), wantObjects, got)
		}
		w.dropIdentities()
		if got := w.identities(); len(got) != 0 {
			t.Fatalf("the state still carries identities: %v", got)
		}
		w.refreshGivesIdentities(stream, wantObjects)
	})

	t.Run("state written by terraform before 1.12", func(t *testing.T) {
		if os.Getenv("TF_ACC_PROVIDER_HOST") != "" {
			// The test installs the provider under the CLI's registry
			// host; Terraform does not look it up under OpenTofu's. The
			// subtest above covers OpenTofu.
			t.Skip("the CLI under test is OpenTofu: the provider is installed under registry.opentofu.org, where Terraform does not look")
		}
		old, err := exec.LookPath("terraform")
		if err != nil || cliAtLeast(t, old, 12) {
			t.Skip("no Terraform older than 1.12 on PATH to write the state")
		}
		w, stream := newIdentityWork(t, main)
		w.cli(old, "apply", "-auto-approve", "-no-color")
		if got := w.identities(); len(got) != 0 {
			t.Fatalf("terraform %s wrote identities: %v", old, got)
		}
		w.refreshGivesIdentities(stream, wantObjects)
	})
}

// identityWork is a CLI working directory for the identity refresh test.
type identityWork struct{ *cliWork }

func newIdentityWork(t *testing.T, main string) (*identityWork, string) {
	emu := emulator.New(emulator.Config{})
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	return &identityWork{newCLIWork(t, srv.URL, emu.Config(), main)}, emu.Config().StreamID
}

// cli runs a CLI command in the working directory and fails the test on an
// error exit.
func (w *identityWork) cli(tf string, args ...string) string {
	w.t.Helper()
	cmd := exec.Command(tf, args...)
	cmd.Dir, cmd.Env = w.work, w.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		w.t.Fatalf("%s %s: %v\n%s", filepath.Base(tf), strings.Join(args, " "), err, out)
	}
	return string(out)
}

// cliUnderTest is the path of the CLI the acceptance tests run.
func cliUnderTest(t *testing.T) string {
	t.Helper()
	if tf := os.Getenv("TF_ACC_TERRAFORM_PATH"); tf != "" {
		return tf
	}
	tf, err := exec.LookPath("terraform")
	if err != nil {
		t.Fatal("no terraform CLI (TestMain should have stopped the run)")
	}
	return tf
}

// cliAtLeast reports whether the CLI's version is 1.<minor> or later.
func cliAtLeast(t *testing.T, tf string, minor int) bool {
	t.Helper()
	out, err := exec.Command(tf, "version", "-json").Output()
	if err != nil {
		t.Fatalf("%s version -json: %v\n%s", tf, err, out)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if i := strings.Index(string(out), "{"); i < 0 || json.Unmarshal(out[i:], &v) != nil {
		t.Fatalf("reading %s version -json: %s", tf, out)
	}
	var major, got int
	if _, err := fmt.Sscanf(v.Version, "%d.%d", &major, &got); err != nil {
		t.Fatalf("%s: version %q: %v", tf, v.Version, err)
	}
	return major > 1 || got >= minor
}

// stateFile is the part of terraform.tfstate the test reads and edits;
// everything else is kept as it is.
func (w *identityWork) state() map[string]any {
	w.t.Helper()
	raw, err := os.ReadFile(filepath.Join(w.work, "terraform.tfstate"))
	must(w.t, err)
	var s map[string]any
	must(w.t, json.Unmarshal(raw, &s))
	return s
}

// instances calls f with every resource instance of the state.
func instances(s map[string]any, f func(typ string, inst map[string]any)) {
	resources, _ := s["resources"].([]any)
	for _, r := range resources {
		rm, _ := r.(map[string]any)
		list, _ := rm["instances"].([]any)
		for _, i := range list {
			if im, ok := i.(map[string]any); ok {
				f(rm["type"].(string), im)
			}
		}
	}
}

// identities is the identity of each instance that has one, by type.
func (w *identityWork) identities() map[string]map[string]any {
	out := map[string]map[string]any{}
	instances(w.state(), func(typ string, inst map[string]any) {
		if id, ok := inst["identity"].(map[string]any); ok {
			out[typ] = id
		}
	})
	return out
}

// dropIdentities writes the state back without identities, as a CLI or a
// provider from before them left it.
func (w *identityWork) dropIdentities() {
	w.t.Helper()
	s := w.state()
	instances(s, func(_ string, inst map[string]any) {
		delete(inst, "identity")
		delete(inst, "identity_schema_version")
	})
	raw, err := json.MarshalIndent(s, "", "  ")
	must(w.t, err)
	must(w.t, os.WriteFile(filepath.Join(w.work, "terraform.tfstate"), raw, 0o600))
}

// refreshGivesIdentities refreshes with the CLI under test, then checks
// every object's identity against its attributes, and that a plan is empty.
func (w *identityWork) refreshGivesIdentities(stream string, objects int) {
	w.t.Helper()
	w.cli(w.tf, "apply", "-refresh-only", "-auto-approve", "-no-color")
	n := 0
	instances(w.state(), func(typ string, inst map[string]any) {
		n++
		attrs, _ := inst["attributes"].(map[string]any)
		id, _ := inst["identity"].(map[string]any)
		want := map[string]any{"id": attrs["id"], "stream_id": stream}
		if typ == "smartassist_skill" {
			want["skill_group_id"] = attrs["skill_group_id"]
		}
		if len(id) != len(want) {
			w.t.Errorf("%s: identity %v after the refresh, want %v", typ, id, want)
			return
		}
		for k, v := range want {
			if id[k] != v {
				w.t.Errorf("%s: identity %s = %v after the refresh, want %v", typ, k, id[k], v)
			}
		}
	})
	if n != objects {
		w.t.Errorf("%d objects in the state after the refresh, want %d", n, objects)
	}
	out := w.cli(w.tf, "plan", "-detailed-exitcode", "-no-color")
	if !strings.Contains(out, "No changes.") {
		w.t.Errorf("the plan after the refresh is not empty:\n%s", out)
	}
}
