#!/usr/bin/env bash
# make sweep: delete, through the client, every object whose name or email
# starts with tfacc- in the stream the SMARTASSIST_* variables name (what
# failed test runs left behind), in dependency order, and nothing else. It
# deletes, so it needs SWEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SWEEP:-}" != 1 ]; then
  echo "make sweep deletes every tfacc- object of stream ${SMARTASSIST_STREAM_ID:-<SMARTASSIST_STREAM_ID is not set>}: confirm with SWEEP=1" >&2
  exit 2
fi
if [ -z "${SMARTASSIST_STREAM_ID:-}" ]; then
  echo "make sweep: set SMARTASSIST_STREAM_ID (and the other SMARTASSIST_* variables of the account)" >&2
  exit 2
fi
# The -sweep value names the stream: the sweepers check it again.
out=$(mktemp "${TMPDIR:-/tmp}/smartassist-sweep.XXXXXX")
trap 'rm -f "$out"' EXIT
status=0
go test -count=1 -v -run '^$' -timeout 60m ./internal/provider/ -sweep="$SMARTASSIST_STREAM_ID" >"$out" 2>&1 || status=$?
grep -v -e '^ok ' -e '^PASS$' -e '^testing: warning' -e '\[DEBUG\]' "$out" || true
exit "$status"
