resource "smartassist_voice_campaign" "spring" {
  name          = "Spring renewals"
  description   = "Calls customers whose plan renews this spring"
  contact_lists = ["Spring renewals"]
  dnc_list      = "Do not call"
  priority      = "3"
  caller_id     = "+14155550100"

  dialing_mode            = "Progressive"
  queue_name              = "Renewals"
  dialing_order           = "FIFO"
  max_attempts_per_record = 3
  default_retry_period    = 60
  max_ring_time           = 30

  calling_hours = {
    time_zone = "America/New_York"
    days = [
      { day = "MO", start = "09:00", end = "17:00" },
      { day = "WE", start = "09:00", end = "17:00" },
    ]
  }

  # Start the campaign once, right after Terraform creates it (Terraform 1.14+).
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.smartassist_campaign_start.spring]
    }
  }
}

# Start the campaign whenever you choose, without planning any change:
#
#   terraform apply -invoke=action.smartassist_campaign_start.spring
#
# The action waits until the campaign reports Active, and says so at once when
# it is Active already.
action "smartassist_campaign_start" "spring" {
  config {
    campaign_id = smartassist_voice_campaign.spring.id
    timeout     = "15m"
  }
}
