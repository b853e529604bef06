#!/usr/bin/env bash
# make demo: the whole provider against the embedded emulator, offline.
#
# Builds the provider and the emulator, starts the emulator on a free
# loopback port, points Terraform at the fresh build with dev_overrides (in a
# temporary CLI config: ~/.terraformrc is untouched), applies
# examples/quickstart, shows that a second plan has no changes, destroys it
# all and stops the emulator, also on Ctrl-C or a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/dev-overrides.sh
. scripts/dev-overrides.sh
root=$PWD
TF_BIN=${TF_BIN:-$(command -v terraform || true)}
if [ -z "$TF_BIN" ] || [ ! -x "$TF_BIN" ]; then
  echo "No Terraform CLI found. Run 'make demo', which provides one." >&2
  exit 1
fi

bold=$'\e[1m'; green=$'\e[32m'; red=$'\e[31m'; reset=$'\e[0m'
[ -t 1 ] || { bold=; green=; red=; reset=; }
step() { printf '\n%s==> %s%s\n' "$bold" "$*" "$reset"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/smartassist-demo.XXXXXX")
emu_pid=
applied=
cleanup() {
  status=$?
  trap - EXIT INT TERM
  if [ -n "$applied" ]; then
    step "Destroying what the demo created"
    (cd "$work/quickstart" && "$TF_BIN" destroy -auto-approve -no-color >"$work/destroy.log" 2>&1) \
      && echo "Destroyed." || {
        echo "${red}destroy failed:${reset}"; tail -20 "$work/destroy.log"
        # A demo that leaves objects behind has not passed.
        [ "$status" -ne 0 ] || status=1
      }
  fi
  if [ -n "$emu_pid" ] && kill -0 "$emu_pid" 2>/dev/null; then
    kill "$emu_pid" 2>/dev/null || true
    wait "$emu_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  if [ "$status" -eq 0 ]; then
    printf '\n%sDemo finished: apply, an empty second plan, destroy.%s\n' "$green" "$reset"
  else
    printf '\n%sDemo failed (exit %d).%s\n' "$red" "$status" "$reset"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "Building the provider and the emulator"
go build -o "$work/bin/terraform-provider-smartassist" .
go build -o "$work/smartassist-emulator" ./internal/emulator/cmd/smartassist-emulator
echo "Built into a temporary folder."

step "Starting the SmartAssist emulator on a free loopback port"
# Its own process group: a Ctrl-C stops terraform, not the emulator, which
# must outlive it so that the cleanup can destroy what was created.
set -m
"$work/smartassist-emulator" -port-file "$work/port" >"$work/emulator.env" 2>"$work/emulator.log" &
emu_pid=$!
set +m
for _ in $(seq 1 100); do
  [ -s "$work/port" ] && break
  kill -0 "$emu_pid" 2>/dev/null || { cat "$work/emulator.log" >&2; exit 1; }
  sleep 0.1
done
[ -s "$work/port" ] || { echo "the emulator did not start" >&2; exit 1; }
# shellcheck disable=SC1091
. "$work/emulator.env"
export SMARTASSIST_HOST SMARTASSIST_STREAM_ID SMARTASSIST_ACCOUNT_ID SMARTASSIST_CLIENT_ID SMARTASSIST_CLIENT_SECRET
echo "Emulator at $SMARTASSIST_HOST (default seed: queues, skills, agent groups, roles, conversations)."

write_dev_overrides "$work"
export TF_CLI_CONFIG_FILE="$work/cli.tfrc"
export TF_IN_AUTOMATION=1
cp -R "$root/examples/quickstart" "$work/quickstart"
cd "$work/quickstart"

step "terraform apply: a small contact center (a skill group, skills, an agent group and queues; agents that use them; contacts; a contact list, a do-not-call list and a voice campaign; a conversation read back)"
applied=1
"$TF_BIN" apply -auto-approve -no-color >"$work/apply.log" 2>&1 || { cat "$work/apply.log"; exit 1; }
grep -E '^Apply complete' "$work/apply.log"

step "Outputs"
"$TF_BIN" output -no-color

step "terraform plan again: nothing should change"
set +e
"$TF_BIN" plan -detailed-exitcode -no-color >"$work/plan.log" 2>&1
code=$?
set -e
if [ "$code" -eq 0 ]; then
  grep -E 'No changes' "$work/plan.log"
else
  cat "$work/plan.log"
  echo "${red}The second plan is not empty (exit $code).${reset}"
  exit 1
fi
