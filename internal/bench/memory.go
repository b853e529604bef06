package bench

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// PollInterval is how often the memory watcher looks at the provider
// processes.
const PollInterval = 25 * time.Millisecond

// MemoryWatcher records the largest VmHWM (peak resident set) of any
// process whose executable is a given file, while it runs. Terraform may
// start the provider more than once in one command (validate, plan, apply);
// the watcher keeps the maximum over all of them.
type MemoryWatcher struct {
	procRoot string
	exe      string
	stop     chan struct{}
	done     chan struct{}

	mu   sync.Mutex
	peak int64 // KiB
}

// WatchMemory starts polling procRoot (normally /proc) every interval for
// processes running exe.
func WatchMemory(procRoot, exe string, interval time.Duration) *MemoryWatcher {
	t := time.NewTicker(interval)
	return watchMemory(procRoot, exe, t.C, t.Stop)
}

// watchMemory polls once at once, then once per tick until Stop; release
// runs when it ends. Tests drive the ticks.
func watchMemory(procRoot, exe string, tick <-chan time.Time, release func()) *MemoryWatcher {
	w := &MemoryWatcher{procRoot: procRoot, exe: exe, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		defer release()
		for {
			w.poll()
			select {
			case <-w.stop:
				return
			case <-tick:
			}
		}
	}()
	return w
}

// Stop ends the polling and returns the peak seen, in KiB (0 if no process
// ran exe).
func (w *MemoryWatcher) Stop() int64 {
	close(w.stop)
	<-w.done
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.peak
}

func (w *MemoryWatcher) poll() {
	if kib := ScanPeak(w.procRoot, w.exe); kib > 0 {
		w.mu.Lock()
		w.peak = max(w.peak, kib)
		w.mu.Unlock()
	}
}

// ScanPeak returns the largest VmHWM, in KiB, of the processes under
// procRoot whose executable is exe, or 0 when none is running.
func ScanPeak(procRoot, exe string) int64 {
	entries, err := os.ReadDir(procRoot)
	if err != nil {
		return 0
	}
	var peak int64
	for _, e := range entries {
		if !isPID(e.Name()) {
			continue
		}
		dir := filepath.Join(procRoot, e.Name())
		target, err := os.Readlink(filepath.Join(dir, "exe"))
		if err != nil {
			continue // gone, or not ours to read
		}
		// A binary replaced while it runs reads as "path (deleted)".
		if strings.TrimSuffix(target, " (deleted)") != exe {
			continue
		}
		status, err := os.ReadFile(filepath.Join(dir, "status"))
		if err != nil {
			continue
		}
		peak = max(peak, procField(string(status), "VmHWM"))
	}
	return peak
}

func isPID(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
