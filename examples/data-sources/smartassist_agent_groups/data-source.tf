# Every agent group of the account.
data "smartassist_agent_groups" "all" {}

# Agent groups whose name contains "tier", in any case.
data "smartassist_agent_groups" "tiers" {
  name_contains = "tier"
}

output "agent_group_ids_by_name" {
  value = { for g in data.smartassist_agent_groups.all.agent_groups : g.name => g.id }
}

output "default_agent_group_id" {
  value = one([for g in data.smartassist_agent_groups.all.agent_groups : g.id if g.is_default])
}

output "tier_agent_group_ids" {
  value = data.smartassist_agent_groups.tiers.ids
}
