# Sourced by the demo and docs scripts.
# write_dev_overrides DIR writes DIR/cli.tfrc, a Terraform CLI config whose
# dev_overrides point the provider's address at the build in DIR/bin, so no
# registry is asked. Under OpenTofu (TF_IS_TOFU set) the address is under
# registry.opentofu.org.
write_dev_overrides() {
  local dir=$1 registry=registry.terraform.io
  [ -n "${TF_IS_TOFU:-}" ] && registry=registry.opentofu.org
  cat >"$dir/cli.tfrc" <<CFG
provider_installation {
  dev_overrides {
    "$registry/koreai/smartassist" = "$dir/bin"
  }
  direct {}
}
CFG
}
