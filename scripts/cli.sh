#!/usr/bin/env bash
# scripts/cli.sh NAME VERSION prints the path of a Terraform-compatible CLI,
# building it once from the Go module proxy into a cache outside the clone:
#
#   scripts/cli.sh tofu 1.10.6       OpenTofu (github.com/opentofu/opentofu, ./cmd/tofu)
#   scripts/cli.sh terraform 1.16.0  Terraform (github.com/hashicorp/terraform, module root)
#
# The cache is ${SMARTASSIST_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-smartassist/cli},
# one folder per name and version (tofu-v1.10.6/tofu). Later runs, other
# clones and CI on the same machine reuse the binary.
#
# `go install module@version` refuses these modules (their go.mod has replace
# directives), so the module is downloaded with `go mod download`, copied to a
# writable temporary folder and built there with `go build` (about 3 minutes
# on 2 cores). Nothing but Go modules is downloaded.
#
# Safe when two runs race: a lock (flock, where it exists) makes the second
# wait for the first, and the binary is built under a temporary name and
# renamed into place, so a reader never sees half a file.
#
# Progress goes to stderr; stdout is only the path.
set -euo pipefail

usage() { echo "usage: $0 terraform|tofu VERSION" >&2; exit 2; }
[ $# -eq 2 ] || usage
name=$1
version=${2#v}
case $name in
  # A release build's version has no -dev suffix: both release pipelines
  # set version.dev=no (Terraform 1.5 ignores it: its tags carry Prerelease "").
  tofu)      module=github.com/opentofu/opentofu; pkg=./cmd/tofu
             xflags="-X github.com/opentofu/opentofu/version.dev=no" ;;
  terraform) module=github.com/hashicorp/terraform; pkg=.
             xflags="-X github.com/hashicorp/terraform/version.dev=no" ;;
  *) usage ;;
esac
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "$0: version must look like 1.10.6, not '$2'" >&2; exit 2; }

cache=${SMARTASSIST_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-smartassist/cli}
dir=$cache/$name-v$version
bin=$dir/$name

# Works when the binary is there and answers with its own version, exactly,
# on a line of its own (OpenTofu 1.12 may print a warning about the CLI
# configuration before it). The whole output is read before it is searched:
# a pipe into grep -q could kill the CLI with SIGPIPE, which pipefail
# reports as failure.
works() {
  local out
  [ -x "$bin" ] && out=$("$bin" version 2>/dev/null) || return 1
  [[ $'\n'$out$'\n' =~ $'\n'[A-Za-z]+\ v${version//./\\.}$'\n' ]]
}

if works; then echo "$bin"; exit 0; fi

mkdir -p "$dir"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$dir/.lock"
  flock 9
  # Someone else may have built it while we waited.
  if works; then echo "$bin"; exit 0; fi
fi

echo "Building $name v$version from the Go module proxy into $dir (once; about 3 minutes)" >&2
start=$SECONDS
src=$(go mod download -json "$module@v$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
[ -n "$src" ] && [ -d "$src" ] || { echo "$0: go mod download $module@v$version gave no folder" >&2; exit 1; }

tmp=$(mktemp -d "$dir/.build.XXXXXX")
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cp -r "$src" "$tmp/src"
chmod -R u+w "$tmp/src"
# Terraform 1.6 and later keep the remote-state backends (s3, gcs, azure, …)
# and internal/legacy in nested modules that the module proxy's zip leaves
# out, so their `replace` directives point at folders that do not exist and
# `go build` stops. Each such module leaves go.mod, and a backend that lives
# in one leaves internal/backend/init/init.go: the CLI keeps the local
# backend (and http, inmem, remote, cloud), which is all the tests use.
drop_missing_modules() {
  local rel path alias init=internal/backend/init/init.go
  for rel in $(sed -n 's|^replace github.com/hashicorp/terraform/\([^ ]*\) => \./.*|\1|p' go.mod); do
    [ -d "$rel" ] && continue
    path=github.com/hashicorp/terraform/$rel
    if [ -f "$init" ]; then
      alias=$(sed -n "s|^[[:space:]]*\([A-Za-z0-9_]*\) \"$path\"\$|\1|p" "$init")
      if [ -n "$alias" ]; then
        sed -i "\|\"$path\"\$|d; /\b$alias\.New()/d" "$init"
      fi
    fi
    sed -i "\|$path |d" go.mod
    echo "left out $rel (not in the module's zip)" >&2
  done
}

# The tests keep their state in the local backend. Every remote-state
# backend but http and inmem leaves internal/backend/init/init.go as well,
# in Terraform and OpenTofu alike, so that their SDKs (AWS, Azure, Google
# Cloud, Kubernetes, Alibaba, Tencent, Postgres, Consul) are not compiled:
# OpenTofu 1.10.6 then builds in 172 s instead of 220 s here, and a fresh
# machine's CI builds four CLIs. The CLI is otherwise the release's own.
drop_remote_state_backends() {
  local init=internal/backend/init/init.go line alias kind
  [ -f "$init" ] || return 0
  while IFS= read -r line; do
    alias=$(sed -n 's|^[[:space:]]*\([A-Za-z0-9_]*\) "[^"]*/internal/backend/remote-state/\([a-z0-9]*\)"$|\1|p' <<<"$line")
    kind=$(sed -n 's|^[[:space:]]*[A-Za-z0-9_]* "[^"]*/internal/backend/remote-state/\([a-z0-9]*\)"$|\1|p' <<<"$line")
    [ -n "$alias" ] || continue
    case $kind in http | inmem) continue ;; esac
    sed -i "\|/internal/backend/remote-state/$kind\"\$|d; /\b$alias\.New(/d" "$init"
    echo "left out the $kind backend" >&2
  done < <(grep '/internal/backend/remote-state/' "$init")
}

# Its own module, built as it is but for the steps above: no workspace, no
# toolchain switch, the module's own go.sum. (Terraform 1.5.7, 1.16.0 and
# OpenTofu 1.10.6, 1.12.6 build with Go 1.26.)
(
  cd "$tmp/src"
  [ "$name" = terraform ] && drop_missing_modules
  drop_remote_state_backends
  GOWORK=off GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0 \
    go build -trimpath -ldflags "-s -w $xflags" -o "$tmp/$name" "$pkg"
) >&2
"$tmp/$name" version >/dev/null 2>&1 || { echo "$0: the built $name does not run" >&2; exit 1; }
mv -f "$tmp/$name" "$bin"
works || { echo "$0: built $bin, but '$bin version' does not say v$version:" >&2; "$bin" version >&2; exit 1; }
echo "Built $name v$version in $((SECONDS - start))s" >&2
echo "$bin"
