# The agents of this queue take the calls the voice campaign connects.
resource "smartassist_queue" "renewals" {
  name                  = "Renewals"
  description           = "Calls of the renewals campaign"
  hours_of_operation_id = "6346a1b2c3d4e5f601234568"
}

# The API names lists and queues by name: refer to .name, and Terraform
# creates them before the campaign.
resource "smartassist_voice_campaign" "renewals" {
  name                    = "Spring renewals"
  description             = "Connects customers with an agent before their plan renews"
  dialing_mode            = "Progressive"
  queue_name              = smartassist_queue.renewals.name
  contact_lists           = [smartassist_contact_list.renewals.name]
  dnc_list                = smartassist_contact_list.do_not_call.name
  priority                = "4"
  caller_id               = "+14155550199"
  dialing_order           = "FIFO"
  max_attempts_per_record = 3
  default_retry_period    = 60 # minutes
  max_ring_time           = 30 # seconds

  calling_hours = {
    time_zone = "America/New_York"
    days = [
      { day = "MO", start = "09:00", end = "17:00" },
      { day = "WE", start = "09:00", end = "17:00" },
      { day = "FR", start = "09:00", end = "13:00" },
    ]
  }
}

# An SMS to the same list, started as soon as Terraform creates it.
resource "smartassist_sms_campaign" "reminder" {
  name          = "Renewal reminder"
  description   = "Reminds customers that their plan renews soon"
  format        = "simple"
  message       = "Your plan renews next week. Reply STOP to opt out."
  contact_lists = [smartassist_contact_list.renewals.name]
  dnc_list      = smartassist_contact_list.do_not_call.name
  priority      = "3"
  caller_id     = "+14155550199"

  calling_hours = {
    time_zone = "America/New_York"
    days      = [{ day = "TU", start = "10:00", end = "16:00" }]
  }

  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.smartassist_campaign_start.reminder]
    }
  }
}

# The voice campaign runs on weekdays through the spring, on its own.
resource "smartassist_campaign_schedule" "renewals" {
  campaign_id = smartassist_voice_campaign.renewals.id
  recurrence  = "weekly"
  days        = ["MO", "WE", "FR"]
  start       = "2030-03-04 09:00:00"
  end         = "2030-05-31 17:00:00"
}
