# Exactly one of id and name.
data "smartassist_queue" "support" {
  name = "Support"
}

data "smartassist_queue" "default" {
  id = "qu-241a4d7-e5d0-45a9-8032-8238450501c2"
}

output "support_queue_skill_ids" {
  value = [for s in data.smartassist_queue.support.skill : s.id]
}

output "default_queue_hours" {
  value = data.smartassist_queue.default.hours_of_operation_id
}
