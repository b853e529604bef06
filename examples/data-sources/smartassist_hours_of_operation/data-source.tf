# The hours of operation of the default queue. Without org_id the provider
# reads the queue first to learn its organization (one more API call).
data "smartassist_queue" "default" {
  name = "Default Queue"
}

data "smartassist_hours_of_operation" "default" {
  queue_id = data.smartassist_queue.default.id
}

# A new queue open at the same hours, without copying their id from the UI.
resource "smartassist_queue" "after_hours_callbacks" {
  name                  = "After-hours callbacks"
  hours_of_operation_id = data.smartassist_hours_of_operation.default.id
}

output "default_queue_open_days" {
  value = [for d in data.smartassist_hours_of_operation.default.standard_days : "${d.day} ${d.start}-${d.end}"]
}

output "default_queue_timezone" {
  value = data.smartassist_hours_of_operation.default.timezone
}
