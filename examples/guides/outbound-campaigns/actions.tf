# Run with: terraform apply -invoke=action.smartassist_campaign_start.renewals
action "smartassist_campaign_start" "renewals" {
  config {
    campaign_id = smartassist_voice_campaign.renewals.id
    timeout     = "15m"
  }
}

# Run with: terraform apply -invoke=action.smartassist_campaign_stop.renewals
action "smartassist_campaign_stop" "renewals" {
  config {
    campaign_id = smartassist_voice_campaign.renewals.id
  }
}

# Triggered by the SMS campaign's action_trigger (campaigns.tf).
action "smartassist_campaign_start" "reminder" {
  config {
    campaign_id = smartassist_sms_campaign.reminder.id
  }
}
