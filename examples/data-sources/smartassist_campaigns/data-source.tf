# Every campaign of the account, SMS and voice.
data "smartassist_campaigns" "all" {}

# The voice campaigns that are stopped, in Preview mode: the API filters them.
data "smartassist_campaigns" "stopped_preview" {
  type          = "voice"
  statuses      = ["Stopped"]
  dialing_modes = ["Preview"]
}

# SMS campaigns of the two highest priorities.
data "smartassist_campaigns" "urgent_sms" {
  type       = "sms"
  priorities = ["4", "5"]
}

output "campaign_ids_by_name" {
  value = { for c in data.smartassist_campaigns.all.campaigns : c.name => c.id }
}

output "stopped_preview_ids" {
  value = data.smartassist_campaigns.stopped_preview.ids
}

output "urgent_sms_ids" {
  value = data.smartassist_campaigns.urgent_sms.ids
}
