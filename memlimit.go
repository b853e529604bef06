package main

import (
	"os"
	"runtime/debug"
)

// softMemoryLimit is the heap size above which the provider's garbage
// collector works harder rather than let the heap double (GOGC's default).
// Terraform keeps a refresh of thousands of resources in flight through
// the provider (validate, upgrade, read and plan calls, each with its own
// logging context), so the live heap of a 2,000-agent refresh is about
// 160 MiB, and without a limit the process peaked at 376 MiB
// (BENCHMARKS.md, "Adopting a large account"). With it, a run that needs
// more still gets it: the limit is soft.
const softMemoryLimit = 256 << 20

// limitMemory sets softMemoryLimit, unless the user set GOMEMLIMIT.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
}
