# Every queue of the account.
data "smartassist_queues" "all" {}

# Queues whose name contains "support", in any case.
data "smartassist_queues" "support" {
  name_contains = "support"
}

output "queue_ids_by_name" {
  value = { for q in data.smartassist_queues.all.queues : q.name => q.id }
}

output "support_queue_ids" {
  value = data.smartassist_queues.support.ids
}
