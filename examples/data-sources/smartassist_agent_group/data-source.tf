# Exactly one of id and name.
data "smartassist_agent_group" "default" {
  name = "Default Agent Group"
}

data "smartassist_agent_group" "tier1" {
  id = "ag-2f8e9d0-6c7b-4a3e-9d1c-5b6a7f8e9d0c"
}

output "default_agent_group_id" {
  value = data.smartassist_agent_group.default.id
}

output "tier1_name" {
  value = data.smartassist_agent_group.tier1.name
}
