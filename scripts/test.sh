#!/usr/bin/env bash
# make test: go vet, then four jobs side by side, each printed when it ends.
#
#   acceptance1, acceptance2
#               internal/provider (and docschema, which reads its schema):
#               the acceptance tests through the terraform CLI, without the
#               race detector, in two processes by test name (Test[A-E]…
#               and the rest).
#   race        the packages whose state goroutines share, under -race:
#               client, coalesce, adoption, emulator, bench.
#   checks      internal/export (it writes HCL and runs terraform on it, with
#               no goroutine of its own), then the live path against the
#               emulator (make testacc-live-emulator), the examples' format
#               and the docs' freshness.
#
# Why the provider's tests run without -race: the race detector needs its
# own build of every dependency, and the provider's (the plugin framework,
# plugin-go, gRPC, plugin-testing) cost about 260 s of CPU to build cold,
# on a fresh two-core machine (measured here). Most of the state that
# goroutines share lives in internal/client (the rate budget, the limiter,
# the transport), internal/coalesce (the batching) and internal/emulator,
# which run under -race. Most of an acceptance test's time is the terraform
# CLI, a process of its own, which -race does not look into. `make
# test-race` runs the provider's tests under -race too.
#
# The acceptance tests spend much of their time waiting on terraform and on
# the rate limit's clock, so they run eight at a time (-parallel 8), and in
# two processes: go test runs a package's tests that cannot run in parallel
# (those that set environment variables, or time the rate limit) one by one
# before any other starts, about two minutes in all, which in one process
# left a core idle. The other jobs fill what is left of the two cores.
set -uo pipefail
cd "$(dirname "$0")/.."

go vet ./... || exit 1

dir=$(mktemp -d "${TMPDIR:-/tmp}/smartassist-test.XXXXXX")
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$dir"' EXIT
acceptance_pkgs=(./internal/provider/... ./internal/docschema/...)
# Only packages with tests: go test builds a package without test files
# too, and under -race the module's root package (main.go, which imports
# the provider) alone is 479 compiles, the race build of every dependency
# of the provider that the acceptance jobs run without.
mapfile -t race_pkgs < <(go list -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' ./... |
  grep -v -e '/internal/provider' -e '/internal/docschema' -e '/internal/export')

# The tests that drive the terraform CLI run with GOMAXPROCS=1: the test
# binary and every terraform process it starts (they inherit it), not the
# go command that builds them. Most of their CPU is terraform starting up
# (about 0.13 s of CPU a call, most of it package init), and with one P a
# short-lived Go process spends less on idle Ps spinning and on parallel
# GC: the skill, queue and agent lifecycles took 34 s of CPU against 41 s
# (measured here). Eight tests at a time in each of two processes keep
# both cores busy all the same.
one_proc=(-exec "env GOMAXPROCS=1")

start=$(date +%s)
shard='^Test[A-E]'
(
  go test -count=1 -timeout 20m -parallel 8 "${one_proc[@]}" -run "$shard" ${GOFLAGS_TEST:-} "${acceptance_pkgs[@]}"
) >"$dir/acceptance-1.log" 2>&1 &
acceptance1=$!
(
  go test -count=1 -timeout 20m -parallel 8 "${one_proc[@]}" -skip "$shard" ${GOFLAGS_TEST:-} "${acceptance_pkgs[@]}"
) >"$dir/acceptance-2.log" 2>&1 &
acceptance2=$!
(
  go test -count=1 -race -timeout 20m ${GOFLAGS_TEST:-} "${race_pkgs[@]}"
) >"$dir/race.log" 2>&1 &
race=$!
(
  set -e
  go test -count=1 -timeout 20m "${one_proc[@]}" ${GOFLAGS_TEST:-} ./internal/export/...
  make --no-print-directory testacc-live-emulator examples-check docs-check
) >"$dir/checks.log" 2>&1 &
checks=$!

status=0
for job in race checks acceptance1 acceptance2; do
  wait "${!job}"
  rc=$?
  log=$dir/${job/acceptance/acceptance-}.log
  echo "=== make test: ${job} (exit ${rc}, $(($(date +%s) - start))s)"
  cat "$log"
  [ "$rc" -eq 0 ] || status=$rc
done
exit "$status"
