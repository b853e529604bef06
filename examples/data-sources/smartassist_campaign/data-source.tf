# A campaign made in the SmartAssist UI, by its name: is it running?
data "smartassist_campaign" "spring" {
  name = "Spring calls"
  type = "voice" # optional: searches only the voice campaigns
}

# The same campaign by its id.
data "smartassist_campaign" "by_id" {
  id = "cd-6f2a1b3c-4d5e-6f7a-8b9c-0d1e2f3a4b5c"
}

output "spring_calls_status" {
  value = data.smartassist_campaign.spring.status
}

output "spring_calls_queue" {
  value = data.smartassist_campaign.by_id.queue_name
}
