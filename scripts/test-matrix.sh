#!/usr/bin/env bash
# make test-matrix: a representative acceptance subset and the demo's
# quickstart under each CLI we support, one CLI after another.
#
#   MATRIX_CLIS   space-separated entries, each `path` (the terraform on PATH)
#                 or NAME@VERSION (built once by scripts/cli.sh and cached);
#                 default: "terraform@1.5.7 path terraform@1.16.0 tofu@1.10.6 tofu@1.12.6"
#   MATRIX_RUN    the go test -run regexp of the subset (the Makefile sets it)
#
# Prints one summary line per CLI and exits non-zero if any CLI failed. The
# full output of each CLI's tests and demo goes to a log in a temporary
# folder, shown when that CLI fails.
set -euo pipefail
cd "$(dirname "$0")/.."

MATRIX_CLIS=${MATRIX_CLIS:-terraform@1.5.7 path terraform@1.16.0 tofu@1.10.6 tofu@1.12.6}
: "${MATRIX_RUN:?set MATRIX_RUN to the go test -run regexp of the subset}"

# A TF_CLI_CONFIG_FILE that names no file makes OpenTofu 1.12 print a
# warning where terraform-plugin-testing reads its version.
if [ -n "${TF_CLI_CONFIG_FILE:-}" ] && [ ! -e "$TF_CLI_CONFIG_FILE" ]; then
  unset TF_CLI_CONFIG_FILE
fi

logs=$(mktemp -d "${TMPDIR:-/tmp}/smartassist-matrix.XXXXXX")
summary=()
failed=0

for entry in $MATRIX_CLIS; do
  start=$SECONDS
  if [ "$entry" = path ]; then
    bin=$(command -v terraform || true)
    if [ -z "$bin" ]; then
      summary+=("SKIP  terraform on PATH: none installed")
      continue
    fi
    label="terraform on PATH"
  else
    name=${entry%@*} version=${entry#*@}
    label="$name $version"
    echo "==> $label: finding or building the CLI"
    if ! bin=$(bash scripts/cli.sh "$name" "$version"); then
      summary+=("FAIL  $label: the CLI did not build")
      failed=1
      continue
    fi
  fi
  tofu=
  case $(basename "$bin") in *tofu*) tofu=1 ;; esac
  cli_version=$("$bin" version 2>/dev/null || true)
  # Its version line (OpenTofu 1.12 may print a warning first; no pipe into
  # grep or head, which could end the CLI with SIGPIPE).
  while IFS= read -r line; do
    case $line in Terraform\ v*|OpenTofu\ v*) cli_version=$line; break ;; esac
  done <<<"$cli_version"
  log=$logs/$(echo "$entry" | tr -c 'A-Za-z0-9.\n' '_').log
  built=$((SECONDS - start))

  echo "==> $cli_version ($bin): acceptance subset"
  t0=$SECONDS
  env=(TF_ACC=1 TF_ACC_PROVIDER_NAMESPACE=koreai TF_ACC_TERRAFORM_PATH="$bin")
  [ -n "$tofu" ] && env+=(TF_ACC_PROVIDER_HOST=registry.opentofu.org)
  status=ok
  if env "${env[@]}" go test -count=1 -timeout 10m -v -run "$MATRIX_RUN" ./internal/provider/ >"$log" 2>&1; then
    tests=$(grep -c '^--- PASS' "$log" || true)
    # A test of a feature the CLI lacks (identity below 1.12, query below
    # 1.14) skips itself; the line says how many did, so a skip is never
    # read as a pass.
    skips=$(grep -c '^--- SKIP' "$log" || true)
    [ "$tests" -gt 0 ] || { status="ran no test"; }
  else
    status="tests failed"
  fi
  grep -E '^(--- (PASS|FAIL|SKIP)|ok|FAIL)' "$log" | sed 's/^/    /' || true
  test_time=$((SECONDS - t0))

  t0=$SECONDS
  if [ "$status" = ok ]; then
    echo "==> $cli_version: make demo's quickstart"
    # The emulator has no rate limit, so the demo need not pace itself at
    # the account's 60 requests a minute: the CLI is what is under test.
    if SMARTASSIST_REQUESTS_PER_MINUTE=6000 TF_BIN="$bin" TF_IS_TOFU="$tofu" bash scripts/demo.sh >>"$log" 2>&1; then
      echo "    demo: apply, an empty second plan, destroy"
    else
      status="demo failed"
    fi
  fi
  demo_time=$((SECONDS - t0))

  if [ "$status" = ok ]; then
    summary+=("PASS  $cli_version: $tests tests passed, $skips skipped (feature newer than the CLI) in ${test_time}s, demo in ${demo_time}s (CLI ready in ${built}s)")
  else
    failed=1
    summary+=("FAIL  $cli_version: $status (log: $log)")
    echo "---- last lines of $log"
    tail -60 "$log"
  fi
done

passed=0 failures=0 skipped=0
for line in "${summary[@]}"; do
  case $line in PASS*) passed=$((passed + 1)) ;; FAIL*) failures=$((failures + 1)) ;; SKIP*) skipped=$((skipped + 1)) ;; esac
done
echo
echo "CLI matrix, ${SECONDS}s:"
printf '  %s\n' "${summary[@]}"
if [ -n "${CI_START_EPOCH:-}" ]; then
  echo "  (.ci/run so far: $(($(date +%s) - CI_START_EPOCH))s)"
fi
[ "$failed" -ne 0 ] || rm -rf "$logs"
echo "test-matrix: $passed passed, $failures failed${skipped:+, $skipped skipped}"
[ "$failed" -eq 0 ]
