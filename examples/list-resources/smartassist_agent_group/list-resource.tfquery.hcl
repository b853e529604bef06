# Every agent group of the account, by name.
list "smartassist_agent_group" "all" {
  provider = smartassist
}

# The agent groups whose name contains "tier", with their managers.
list "smartassist_agent_group" "tiers" {
  provider         = smartassist
  include_resource = true

  config {
    name_contains = "tier"
  }
}
