#!/usr/bin/env bash
# The live path of the acceptance tests, without an account (make test runs
# it): smartassist-emulator as a separate process on a free port, the
# SMARTASSIST_* variables pointed at it, make testacc-live on one lifecycle
# (TestLiveLifecycleEveryKind; LIVE_RUN overrides), make sweep (which must
# also clear the outbound objects seeded as a failed run's leftovers), then
# a second sweep that must find nothing: no tfacc- object is left. It prints the API calls the run
# made (GET /_emulator/counts) and what they cost at 60 a minute, and sweeps
# also after a failed test, whose status it then exits with. It keeps
# the live path from rotting; it is no substitute for an account.
set -euo pipefail
cd "$(dirname "$0")/.."
# By default one test: one object of every kind, created, imported,
# updated and destroyed (the six kinds' full lifecycles take about four
# minutes here: LIVE_RUN='Lifecycle' runs them).
: "${LIVE_RUN:=^TestLiveLifecycleEveryKind$}"
export LIVE_RUN

dir=$(mktemp -d "${TMPDIR:-/tmp}/smartassist-live-emulator.XXXXXX")
go build -o "$dir/smartassist-emulator" ./internal/emulator/cmd/smartassist-emulator
# The default seed, plus what a failed outbound run leaves: an Active SMS
# campaign and a voice campaign on tfacc- lists, which the emulator does not
# delete while a campaign names them. make sweep must stop the Active one
# and delete both campaigns before the lists (the sweepers' dependencies).
sed '$ s/}[[:space:]]*$//' internal/emulator/seed/default.json >"$dir/seed.json"
cat >>"$dir/seed.json" <<'JSON'
  ,"contactLists": [
    {"id": "cl-tfacc-left-1", "name": "tfacc-left-leads", "description": "left by a failed run"},
    {"id": "cl-tfacc-left-2", "name": "tfacc-left-dnc", "description": "left by a failed run"}
  ],
  "campaigns": [
    {"id": "cd-tfacc-left-1", "campaignType": "sms", "name": "tfacc-left-texts", "status": "Active",
     "contactListIds": ["cl-tfacc-left-1"]},
    {"id": "cd-tfacc-left-2", "campaignType": "voice", "name": "tfacc-left-calls",
     "contactListIds": ["cl-tfacc-left-1"], "dncListId": "cl-tfacc-left-2"}
  ]
}
JSON
"$dir/smartassist-emulator" -seed "$dir/seed.json" -port-file "$dir/port" >"$dir/env" 2>"$dir/log" &
emu=$!
trap 'kill "$emu" 2>/dev/null || true; wait "$emu" 2>/dev/null || true; rm -rf "$dir"' EXIT
# The port file appears once the exports are printed and the port is bound.
for _ in $(seq 200); do
  [ -s "$dir/port" ] && break
  kill -0 "$emu" 2>/dev/null || { cat "$dir/log" >&2; exit 1; }
  sleep 0.05
done
[ -s "$dir/port" ] || { echo "smartassist-emulator did not start" >&2; exit 1; }
# shellcheck disable=SC1091
. "$dir/env"
# The emulator has no rate limit: the run goes at full speed, and keeps
# its budget to itself (no file in the user's cache).
export SMARTASSIST_REQUESTS_PER_MINUTE="${LIVE_RPM:-60000}" SMARTASSIST_SHARED_RATE_LIMIT=false
unset SMARTASSIST_JWT

start=$(date +%s)
status=0
bash scripts/testacc-live.sh || status=$?
counts=$(curl -fsS "$SMARTASSIST_HOST/_emulator/counts")
total=$(sed -n 's/.*"total":\([0-9]*\).*/\1/p' <<<"$counts")
echo "live path: ${total} API calls in $(($(date +%s) - start))s; at 60 a minute they take $(((total + 59) / 60)) minutes"
# What the run created, by route (a contacts POST may carry several).
grep -o '"POST /[^"]*":[0-9]*' <<<"$counts" | tr -d '"' | sed 's/^/live path: created through /' || true

first=$(SWEEP=1 bash scripts/sweep.sh)
echo "$first"
if [ "$(grep -c '^sweep: deleted .*(tfacc-left-' <<<"$first")" -ne 4 ] || ! grep -q '^sweep: stopped SMS campaign cd-tfacc-left-1' <<<"$first"; then
  echo "live path: make sweep did not stop and delete the campaigns and lists a failed outbound run leaves" >&2
  exit 1
fi
# A second sweep must delete nothing: the run and the sweep left no
# tfacc- object. Every sweeper that ran (terraform-plugin-testing lists
# them, "\t- <name>") must say it found nothing.
second=$(SWEEP=1 bash scripts/sweep.sh)
echo "$second"
ran=$(grep -c $'\t- smartassist_' <<<"$second" || true)
if grep -q '^sweep: deleted' <<<"$second" || [ "$ran" -eq 0 ] || [ "$(grep -c 'nothing deleted' <<<"$second")" -ne "$ran" ]; then
  echo "live path: tfacc- objects are left in the emulator after make sweep" >&2
  exit 1
fi
echo "live path: no tfacc- object left"
exit "$status"
