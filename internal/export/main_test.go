package export

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMain prepares terraform-plugin-testing for runs against the emulator,
// as internal/provider does: these tests never reach a real API, so they
// always run, and a missing Terraform CLI fails loudly instead of being
// downloaded.
func TestMain(m *testing.M) {
	setDefault := func(k, v string) {
		if os.Getenv(k) == "" {
			os.Setenv(k, v)
		}
	}
	setDefault("TF_ACC", "1")
	setDefault("TF_ACC_PROVIDER_NAMESPACE", "koreai")
	if os.Getenv("TF_ACC_TERRAFORM_PATH") == "" {
		if _, err := exec.LookPath("terraform"); err != nil {
			fmt.Fprintln(os.Stderr, "No terraform on PATH and TF_ACC_TERRAFORM_PATH is not set. Run the tests with `make test`.")
			os.Exit(1)
		}
	}
	// The exporter shares the account's rate budget through a state file
	// in the user's cache directory: keep the tests' files out of the real
	// one (the Go build cache stays where it is).
	if os.Getenv("GOCACHE") == "" {
		if out, err := exec.Command("go", "env", "GOCACHE").Output(); err == nil {
			os.Setenv("GOCACHE", strings.TrimSpace(string(out)))
		}
	}
	dir, err := os.MkdirTemp("", "smartassist-export-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
