package provider

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// runWithPrivateCache runs the tests with the user's cache directory in a
// temporary directory, so that the shared rate budgets of the providers
// they run, in this process and in the ones they start, never touch the
// real one. GOCACHE keeps pointing at the real build cache, so that the
// tests that build the provider do not build everything again.
func runWithPrivateCache(m *testing.M) int {
	if os.Getenv("GOCACHE") == "" {
		if out, err := exec.Command("go", "env", "GOCACHE").Output(); err == nil {
			os.Setenv("GOCACHE", strings.TrimSpace(string(out)))
		}
	}
	dir, err := os.MkdirTemp("", "smartassist-provider-cache-")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	os.Setenv("XDG_CACHE_HOME", dir) // os.UserCacheDir on Linux and the BSDs
	os.Setenv("LocalAppData", dir)   // on Windows
	userCacheDir = func() (string, error) { return dir, nil }
	return m.Run()
}
