package provider

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/koreai/terraform-provider-smartassist/internal/emulator"
)

// TestInterruptedApplyKeepsWhatWasCreated runs a real terraform apply of
// twelve agents against a slow emulator, interrupts it (SIGINT, as Ctrl-C
// does) while creates are in flight, and checks that terraform stops within
// seconds and that every agent that exists in the emulator is in the state:
// nothing created is lost. terraform-plugin-testing cannot interrupt, so
// this test drives the CLI itself, with the provider built from source.
func TestInterruptedApplyKeepsWhatWasCreated(t *testing.T) {
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		var err error
		if tf, err = exec.LookPath("terraform"); err != nil {
			t.Fatal("no terraform CLI (TestMain should have stopped the run)")
		}
	}
	dir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "bin", "terraform-provider-smartassist"), "../..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}

	emu := emulator.New(emulator.Config{})
	emu.InjectFault(emulator.Fault{Method: "POST", Route: "/agents", Latency: 1500 * time.Millisecond, Count: 100})
	var once sync.Once
	inFlight := make(chan struct{})
	posts := 0
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/agents") {
			mu.Lock()
			posts++
			if posts == 8 { // four created, four more in flight
				once.Do(func() { close(inFlight) })
			}
			mu.Unlock()
		}
		emu.ServeHTTP(w, r)
	}))
	defer srv.Close()
	c := emu.Config()

	registry := "registry.terraform.io"
	if h := os.Getenv("TF_ACC_PROVIDER_HOST"); h != "" {
		registry = h
	}
	cli := fmt.Sprintf(`provider_installation {
  dev_overrides {
    "%s/koreai/smartassist" = %q
  }
  direct {}
}
`, registry, filepath.Join(dir, "bin"))
	must(t, os.WriteFile(filepath.Join(dir, "cli.tfrc"), []byte(cli), 0o600))
	var cfg strings.Builder
	cfg.WriteString(terraformBlock + `
provider "smartassist" {
  requests_per_minute = 60000
}
`)
	for i := 0; i < 12; i++ {
		fmt.Fprintf(&cfg, "resource \"smartassist_agent\" \"i%d\" {\n  email = \"interrupt%02d@example.com\"\n  first_name = \"I\"\n  last_name = \"T\"\n  role_id = %q\n}\n", i, i, seedRoleAgent)
	}
	work := filepath.Join(dir, "work")
	must(t, os.MkdirAll(work, 0o755))
	must(t, os.WriteFile(filepath.Join(work, "main.tf"), []byte(cfg.String()), 0o600))

	apply := exec.Command(tf, "apply", "-auto-approve", "-no-color", "-parallelism=4")
	apply.Dir = work
	apply.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+filepath.Join(dir, "cli.tfrc"), "TF_IN_AUTOMATION=1",
		"SMARTASSIST_HOST="+srv.URL, "SMARTASSIST_STREAM_ID="+c.StreamID, "SMARTASSIST_ACCOUNT_ID="+c.AccountID,
		"SMARTASSIST_CLIENT_ID="+c.ClientID, "SMARTASSIST_CLIENT_SECRET="+c.ClientSecret)
	var out strings.Builder
	apply.Stdout, apply.Stderr = &out, &out
	must(t, apply.Start())
	select {
	case <-inFlight:
	case <-time.After(60 * time.Second):
		_ = apply.Process.Kill()
		t.Fatalf("no create reached the emulator:\n%s", out.String())
	}
	interrupted := time.Now()
	must(t, apply.Process.Signal(syscall.SIGINT))
	_ = apply.Wait() // an interrupted apply exits non-zero
	if took := time.Since(interrupted); took > 10*time.Second {
		t.Fatalf("terraform took %s to stop after the interrupt", took)
	}

	raw, err := os.ReadFile(filepath.Join(work, "terraform.tfstate"))
	if err != nil {
		t.Fatalf("no state after the interrupt: %v\n%s", err, out.String())
	}
	var state struct {
		Resources []struct {
			Instances []struct {
				Attributes struct {
					ID    string `json:"id"`
					Email string `json:"email"`
				} `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	must(t, json.Unmarshal(raw, &state))
	var inState, inEmulator []string
	for _, r := range state.Resources {
		for _, i := range r.Instances {
			inState = append(inState, i.Attributes.Email+"="+i.Attributes.ID)
		}
	}
	for _, a := range emu.Agents() {
		if email := fmt.Sprint(a["emailId"]); strings.HasPrefix(email, "interrupt") {
			inEmulator = append(inEmulator, email+"="+fmt.Sprint(a["id"]))
		}
	}
	sort.Strings(inState)
	sort.Strings(inEmulator)
	if len(inEmulator) == 0 || len(inEmulator) == 12 {
		t.Fatalf("%d of 12 agents were created; the interrupt did not land mid-apply:\n%s", len(inEmulator), out.String())
	}
	if strings.Join(inState, ",") != strings.Join(inEmulator, ",") {
		t.Fatalf("state and emulator differ after the interrupt:\n state:    %v\n emulator: %v\n%s", inState, inEmulator, out.String())
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
