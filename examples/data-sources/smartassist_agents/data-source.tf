# Every active agent of the Support queue.
data "smartassist_agents" "support" {
  queue_id = "qu-5a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b"
  status   = "ACTIVE"
}

# Agents whose email or name contains "lopez".
data "smartassist_agents" "lopez" {
  search = "lopez"
}

output "support_agent_emails" {
  value = [for a in data.smartassist_agents.support.agents : a.email]
}
