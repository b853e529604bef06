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

// terraform-plugin-testing cannot interrupt a command, so the interrupt
// tests drive the CLI themselves, with the provider built from source and
// installed through dev_overrides.

// cliWork is a working directory for the terraform CLI, pointed at an
// emulator served on srvURL.
type cliWork struct {
	t    *testing.T
	tf   string
	dir  string // the test's temp dir: bin/, cli.tfrc, work/
	work string
	env  []string
}

func newCLIWork(t *testing.T, srvURL string, c emulator.Config, mainTF string) *cliWork {
	t.Helper()
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
	work := filepath.Join(dir, "work")
	must(t, os.MkdirAll(work, 0o755))
	must(t, os.WriteFile(filepath.Join(work, "main.tf"), []byte(terraformBlock+mainTF), 0o600))
	env := append(os.Environ(), "TF_CLI_CONFIG_FILE="+filepath.Join(dir, "cli.tfrc"), "TF_IN_AUTOMATION=1",
		"SMARTASSIST_HOST="+srvURL, "SMARTASSIST_STREAM_ID="+c.StreamID, "SMARTASSIST_ACCOUNT_ID="+c.AccountID,
		"SMARTASSIST_CLIENT_ID="+c.ClientID, "SMARTASSIST_CLIENT_SECRET="+c.ClientSecret)
	return &cliWork{t: t, tf: tf, dir: dir, work: work, env: env}
}

// applyInterrupted starts terraform apply, sends SIGINT (as Ctrl-C does)
// once ready is closed, and returns how long terraform took to exit after
// it, and its output.
func (w *cliWork) applyInterrupted(ready <-chan struct{}, args ...string) (time.Duration, string) {
	w.t.Helper()
	apply := exec.Command(w.tf, append([]string{"apply", "-auto-approve", "-no-color"}, args...)...)
	apply.Dir, apply.Env = w.work, w.env
	var out strings.Builder
	apply.Stdout, apply.Stderr = &out, &out
	must(w.t, apply.Start())
	select {
	case <-ready:
	case <-time.After(60 * time.Second): // a bound on a signal, not a wait for time
		_ = apply.Process.Kill()
		w.t.Fatalf("the apply never reached the point to interrupt:\n%s", out.String())
	}
	interrupted := time.Now()
	must(w.t, apply.Process.Signal(syscall.SIGINT))
	_ = apply.Wait() // an interrupted apply exits non-zero
	return time.Since(interrupted), out.String()
}

// stateIDs reads the terraform.tfstate the CLI left: key(attributes) for
// every resource instance.
func (w *cliWork) stateIDs(key func(attrs map[string]any) string) []string {
	w.t.Helper()
	raw, err := os.ReadFile(filepath.Join(w.work, "terraform.tfstate"))
	if err != nil {
		w.t.Fatalf("no state after the interrupt: %v", err)
	}
	var state struct {
		Resources []struct {
			Instances []struct {
				Attributes map[string]any `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	must(w.t, json.Unmarshal(raw, &state))
	var out []string
	for _, r := range state.Resources {
		for _, i := range r.Instances {
			out = append(out, key(i.Attributes))
		}
	}
	sort.Strings(out)
	return out
}

// TestInterruptedApplyKeepsWhatWasCreated runs a real terraform apply of
// twelve agents, interrupts it while creates are in flight, and checks that
// no create is sent after the interrupt and that every agent that exists in
// the emulator is in the state: nothing created is lost. From the fifth
// create on, the emulator creates the agent and then holds its answer until
// the provider gives up on the call: with -parallelism=4, the eighth fills
// the last slot, so terraform can start no other create before the
// interrupt, and the four agents whose answers were lost must be found.
// What is bounded is calls and states, not seconds: a provider that did not
// give up its calls on the interrupt leaves them to the hang guard, and
// fails.
func TestInterruptedApplyKeepsWhatWasCreated(t *testing.T) {
	skipLive(t, liveNeedsFaults)
	emu := emulator.New(emulator.Config{})
	inFlight := make(chan struct{})
	var (
		mu    sync.Mutex
		posts int
		held  = make(chan bool, 12) // per held call: given up by the provider, or left to the guard
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/agents") {
			emu.ServeHTTP(w, r)
			return
		}
		mu.Lock()
		posts++
		n := posts
		mu.Unlock()
		if n < 5 {
			emu.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		emu.ServeHTTP(rec, r)
		if n == 8 {
			close(inFlight)
		}
		select {
		case <-r.Context().Done():
			held <- true
		case <-time.After(time.Minute): // a bound on a signal, not a wait for time
			held <- false
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes())
	}))
	t.Cleanup(srv.Close)

	var cfg strings.Builder
	cfg.WriteString("provider \"smartassist\" {\n  requests_per_minute = 60000\n}\n")
	for i := 0; i < 12; i++ {
		fmt.Fprintf(&cfg, "resource \"smartassist_agent\" \"i%d\" {\n  email = \"interrupt%02d@example.com\"\n  first_name = \"I\"\n  last_name = \"T\"\n  role_id = %q\n}\n", i, i, seedRoleAgent)
	}
	w := newCLIWork(t, srv.URL, emu.Config(), cfg.String())
	took, out := w.applyInterrupted(inFlight, "-parallelism=4")
	t.Logf("terraform exited %s after the interrupt", took)

	givenUp := 0
	for range 4 { // each held call ends, given up or at its guard
		if <-held {
			givenUp++
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if posts != 8 || givenUp != 4 {
		t.Fatalf("%d creates sent, %d of the 4 held calls given up by the provider (the others at the guard): want 8 creates "+
			"(none after the interrupt) and the 4 in flight given up on the interrupt:\n%s", posts, givenUp, out)
	}
	inState := w.stateIDs(func(a map[string]any) string { return fmt.Sprint(a["email"], "=", a["id"]) })
	var inEmulator []string
	for _, a := range emu.Agents() {
		if email := fmt.Sprint(a["emailId"]); strings.HasPrefix(email, "interrupt") {
			inEmulator = append(inEmulator, email+"="+fmt.Sprint(a["id"]))
		}
	}
	sort.Strings(inEmulator)
	if len(inEmulator) != 8 {
		t.Fatalf("%d of 12 agents were created, want the 8 whose creates were sent:\n%s", len(inEmulator), out)
	}
	if strings.Join(inState, ",") != strings.Join(inEmulator, ",") {
		t.Fatalf("state and emulator differ after the interrupt:\n state:    %v\n emulator: %v\n%s", inState, inEmulator, out)
	}
}

// interruptServer serves emu on a test server, but hands the n-th POST to a
// path ending in suffix (counted as they arrive) to nth, which answers it:
// the interrupt tests time their SIGINT, or hold an answer, on it.
func interruptServer(t *testing.T, emu *emulator.Server, suffix string, n int, nth http.HandlerFunc) *httptest.Server {
	t.Helper()
	var mu sync.Mutex
	posts := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, suffix) {
			mu.Lock()
			posts++
			isNth := posts == n
			mu.Unlock()
			if isNth {
				nth(w, r)
				return
			}
		}
		emu.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
