#!/usr/bin/env bash
# Regenerates docs/ with tfplugindocs, without the network and without a
# Terraform CLI: internal/docschema reads the provider's schemas in process,
# in the shape `terraform providers schema -json` writes (identity, list
# resource and action schemas included, which only a 1.14+ CLI reported), and
# tfplugindocs gets them as a file.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go run ./internal/docschema/cmd >"$work/schema.json"

go run github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs generate \
  --provider-name smartassist \
  --rendered-provider-name "SmartAssist" \
  --providers-schema "$work/schema.json"
