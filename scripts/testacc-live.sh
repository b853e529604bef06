#!/usr/bin/env bash
# make testacc-live: the acceptance tests against the account that the
# provider's own variables name (SMARTASSIST_HOST, _STREAM_ID, _ACCOUNT_ID,
# and _CLIENT_ID with _CLIENT_SECRET, or _JWT). No emulator is started, and
# none is fallen back to: a missing variable stops the run before any test.
# Every object the run makes is named tfacc-<8 random characters>-…; the
# run deletes what it made, and make sweep deletes what a failed run left.
# At the end it prints how many tests passed, failed and skipped live, by
# reason. LIVE_RUN narrows the tests (a go test -run pattern).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for v in SMARTASSIST_HOST SMARTASSIST_STREAM_ID SMARTASSIST_ACCOUNT_ID; do
  [ -n "${!v:-}" ] || missing+=("$v")
done
if [ -z "${SMARTASSIST_JWT:-}" ] && { [ -z "${SMARTASSIST_CLIENT_ID:-}" ] || [ -z "${SMARTASSIST_CLIENT_SECRET:-}" ]; }; then
  missing+=("SMARTASSIST_CLIENT_ID and SMARTASSIST_CLIENT_SECRET (or SMARTASSIST_JWT)")
fi
if [ ${#missing[@]} -gt 0 ]; then
  printf 'make testacc-live runs against your account and cannot start: set %s\n' "${missing[@]}" >&2
  exit 2
fi

log=$(mktemp "${TMPDIR:-/tmp}/smartassist-live.XXXXXX")
trap 'rm -f "$log"' EXIT
run=()
[ -n "${LIVE_RUN:-}" ] && run=(-run "$LIVE_RUN")
status=0
SMARTASSIST_ACC_LIVE=1 go test -count=1 -timeout "${LIVE_TIMEOUT:-120m}" -v "${run[@]}" ./internal/provider/ 2>&1 | tee "$log" || status=$?

echo
echo "live run: $(grep -c -- '^--- PASS' "$log" || true) passed, $(grep -c -- '^--- FAIL' "$log" || true) failed, $(grep -c -- '^--- SKIP' "$log" || true) skipped"
grep -o 'skipped live: .*' "$log" | sort | uniq -c | sort -rn || true
exit "$status"
