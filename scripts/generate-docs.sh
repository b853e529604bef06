#!/usr/bin/env bash
# Regenerates docs/ with tfplugindocs, without the network: the provider is
# built here, its schema is read by the local Terraform (or OpenTofu) CLI
# through dev_overrides, and tfplugindocs gets that schema as a file.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/dev-overrides.sh
. scripts/dev-overrides.sh
# The schema comes from Terraform 1.16.0 whatever CLI the tests use: only a
# CLI 1.12+ reports identity schemas and only 1.14+ list resources, and
# tfplugindocs refuses an import-by-identity example or a list-resource page
# without them. scripts/cli.sh builds it once per machine (DOCS_TF_BIN
# overrides it).
TF_BIN=${DOCS_TF_BIN:-$(bash scripts/cli.sh terraform 1.16.0)}
TF_IS_TOFU= # a Terraform CLI, so the provider address is on registry.terraform.io

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/bin/terraform-provider-smartassist" .

write_dev_overrides "$work"
mkdir -p "$work/cfg"
cat >"$work/cfg/main.tf" <<'CFG'
terraform {
  required_providers {
    smartassist = { source = "koreai/smartassist" }
  }
}
CFG
(cd "$work/cfg" && TF_CLI_CONFIG_FILE="$work/cli.tfrc" "$TF_BIN" providers schema -json) >"$work/schema.json" 2>"$work/schema.err" || {
  cat "$work/schema.err" >&2
  exit 1
}
# tfplugindocs looks the provider up by its short name (or under the
# hashicorp namespace), whichever registry host the CLI reported.
sed -i -E "s#\"registry\.(terraform\.io|opentofu\.org)/koreai/smartassist\"#\"smartassist\"#" "$work/schema.json"

go run github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs generate \
  --provider-name smartassist \
  --rendered-provider-name "SmartAssist" \
  --providers-schema "$work/schema.json"
