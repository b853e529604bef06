package bench

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// fakeProc builds a /proc look-alike: pid -> (exe, VmHWM in kB).
func fakeProc(t *testing.T, procs map[string][2]string) string {
	t.Helper()
	root := t.TempDir()
	for pid, p := range procs {
		dir := filepath.Join(root, pid)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(p[0], filepath.Join(dir, "exe")); err != nil {
			t.Fatal(err)
		}
		status := "Name:\tx\nVmHWM:\t" + p[1] + " kB\n"
		if err := os.WriteFile(filepath.Join(dir, "status"), []byte(status), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Entries that are not processes.
	if err := os.WriteFile(filepath.Join(root, "meminfo"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

func TestScanPeak(t *testing.T) {
	const exe = "/tmp/bench/bin/terraform-provider-smartassist"
	root := fakeProc(t, map[string][2]string{
		"100": {"/usr/bin/terraform", "900000"},
		"101": {exe, "40000"},
		"102": {exe + " (deleted)", "52000"},
		"103": {exe + "-other", "99999"},
	})
	if got := ScanPeak(root, exe); got != 52000 {
		t.Errorf("ScanPeak = %d, want 52000 (the largest provider process)", got)
	}
	if got := ScanPeak(root, "/nowhere"); got != 0 {
		t.Errorf("ScanPeak without a match = %d, want 0", got)
	}
	if got := ScanPeak(filepath.Join(root, "missing"), exe); got != 0 {
		t.Errorf("ScanPeak of a missing root = %d, want 0", got)
	}
}

func TestWatchMemoryKeepsTheMaximum(t *testing.T) {
	const exe = "/tmp/p"
	root := fakeProc(t, map[string][2]string{"7": {exe, "1000"}})
	tick := make(chan time.Time)
	released := false
	w := watchMemory(root, exe, tick, func() { released = true })
	// The tick channel is unbuffered and the watcher polls after each tick:
	// once a second tick is taken, the poll after the first has finished.
	polled := func() {
		tick <- time.Time{}
		tick <- time.Time{}
	}
	// A second provider process with a larger peak comes and goes.
	dir := filepath.Join(root, "8")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "status"), []byte("VmHWM:\t3000 kB\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(exe, filepath.Join(dir, "exe")); err != nil {
		t.Fatal(err)
	}
	polled()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	polled() // the last polls see only the smaller process
	if got := w.Stop(); got != 3000 {
		t.Errorf("peak = %d, want 3000", got)
	}
	if !released {
		t.Error("the ticker was not released when the watcher stopped")
	}
}

// A process that comes and goes between two polls is not seen: the peak is
// what the polls saw, not a guess.
func TestWatchMemorySeesOnlyWhatItPolls(t *testing.T) {
	const exe = "/tmp/p"
	root := fakeProc(t, map[string][2]string{"7": {exe, "1000"}})
	tick := make(chan time.Time)
	w := watchMemory(root, exe, tick, func() {})
	tick <- time.Time{}
	tick <- time.Time{} // the polls so far have finished; the next waits for a tick
	big := fakeProc(t, map[string][2]string{"8": {exe, "3000"}})
	if err := os.Rename(filepath.Join(big, "8"), filepath.Join(root, "8")); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(root, "8")); err != nil {
		t.Fatal(err)
	}
	if got := w.Stop(); got != 1000 {
		t.Errorf("peak = %d, want 1000", got)
	}
}

func TestIsPID(t *testing.T) {
	for name, want := range map[string]bool{"1": true, "4242": true, "": false, "self": false, "12a": false} {
		if isPID(name) != want {
			t.Errorf("isPID(%q) = %v", name, !want)
		}
	}
}
