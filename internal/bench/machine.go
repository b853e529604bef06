package bench

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// Machine describes where a benchmark ran.
type Machine struct {
	CPU       string // model name
	CPUs      int    // logical processors
	MemKiB    int64  // MemTotal
	OS, Arch  string
	Go        string // the Go toolchain that built the provider
	Terraform string // terraform's version
	// LoadAvg is the 1, 5 and 15 minute load average when the run began:
	// other work on the machine makes every wall time longer.
	LoadAvg string
}

// ReadMachine reads the CPU and memory from /proc; the caller fills in the
// Go and terraform versions.
func ReadMachine() Machine {
	m := Machine{OS: runtime.GOOS, Arch: runtime.GOARCH}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		m.CPU, m.CPUs = parseCPUInfo(string(b))
	}
	if m.CPUs == 0 {
		m.CPUs = runtime.NumCPU()
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		m.MemKiB = parseMemTotal(string(b))
	}
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		m.LoadAvg = parseLoadAvg(string(b))
	}
	return m
}

// parseCPUInfo returns the first model name and the number of processors
// listed in the text of /proc/cpuinfo.
func parseCPUInfo(text string) (model string, count int) {
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		key, val, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		switch strings.TrimSpace(key) {
		case "processor":
			count++
		case "model name":
			if model == "" {
				model = strings.Join(strings.Fields(val), " ")
			}
		}
	}
	return model, count
}

// parseMemTotal returns MemTotal in KiB from the text of /proc/meminfo.
func parseMemTotal(text string) int64 {
	return procField(text, "MemTotal")
}

// procField returns the number of a "Name:  1234 kB" line of a /proc file,
// or 0 when there is none.
func procField(text, name string) int64 {
	for _, line := range strings.Split(text, "\n") {
		key, val, ok := strings.Cut(line, ":")
		if !ok || key != name {
			continue
		}
		f := strings.Fields(val)
		if len(f) == 0 {
			return 0
		}
		n, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return 0
		}
		return n
	}
	return 0
}

// parseLoadAvg returns the three load averages of /proc/loadavg, comma
// separated.
func parseLoadAvg(text string) string {
	f := strings.Fields(text)
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], ", ")
}
