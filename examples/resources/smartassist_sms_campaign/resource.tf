# A plain text to the numbers of two contact lists, on weekdays from 9 to 6
# in Kolkata. Contact lists are named, not referred to by id: with the
# smartassist_contact_list resource, write smartassist_contact_list.spring.name.
resource "smartassist_sms_campaign" "reminder" {
  name          = "Event reminder"
  description   = "Reminds customers of Friday's event"
  format        = "simple"
  message       = "Our spring event starts Friday at 10 AM. See you there!"
  contact_lists = ["Spring customers", "Newsletter"]
  dnc_list      = "Do not contact"
  priority      = "3"
  caller_id     = "+14155550100"

  calling_hours = {
    time_zone = "Asia/Kolkata"
    days = [
      { day = "MO", start = "09:00", end = "18:00" },
      { day = "TU", start = "09:00", end = "18:00" },
      { day = "WE", start = "09:00", end = "18:00" },
      { day = "TH", start = "09:00", end = "18:00" },
      { day = "FR", start = "09:00", end = "13:00" },
    ]
  }

  # The API prepares a new campaign before it can run; the create waits.
  timeouts {
    create = "15m"
  }
}

# A pre-approved template: the message must match its registered text.
resource "smartassist_sms_campaign" "billing" {
  name          = "Billing alert"
  description   = "Pending bills"
  format        = "template"
  template_name = "Welcome"
  message       = "Your bill is due soon. Pay now to avoid interruptions."
  contact_lists = ["Billing customers"]
  priority      = "5"
  caller_id     = "+14155550100"

  calling_hours = {
    time_zone = "America/New_York"
    frequency = "WEEKLY"
    days      = [{ day = "MO", start = "10:00", end = "16:00" }]
  }
}

# An advanced campaign: the conversation runs in an experience flow.
resource "smartassist_sms_campaign" "support" {
  name                 = "Interactive support"
  format               = "advanced"
  experience_flow_name = "SMS Support Flow"
  contact_lists        = ["Spring customers"]
  priority             = "4"
  caller_id            = "+14155550100"

  calling_hours = {
    time_zone = "Europe/London"
    days      = [{ day = "SA", start = "08:30", end = "12:00" }]
  }
}
