# A supervisor who manages the group, found by email.
data "smartassist_agent" "maria" {
  email = "maria.lopez@example.com"
}

resource "smartassist_agent_group" "tier2" {
  name        = "Tier 2"
  description = "Second-line support"

  manager {
    user_id      = data.smartassist_agent.maria.user_id
    access_level = "full"
  }
}

# Agents join the group through their own agent_group_id.
resource "smartassist_agent" "sam" {
  email          = "sam@example.com"
  first_name     = "Sam"
  last_name      = "Okafor"
  role_id        = "67654be356840f366e79aaaa"
  agent_group_id = smartassist_agent_group.tier2.id
}
