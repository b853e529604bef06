# Exactly one of id, email and custom_id.
data "smartassist_agent" "by_email" {
  email = "maria.lopez@example.com"
}

data "smartassist_agent" "by_custom_id" {
  custom_id = "EMP-0042"
}

output "maria_queues" {
  value = [for q in data.smartassist_agent.by_email.queue : q.id]
}
