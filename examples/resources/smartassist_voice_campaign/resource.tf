# The agents of this queue take the calls the campaign connects.
resource "smartassist_queue" "renewals" {
  name                  = "Renewals"
  hours_of_operation_id = "6346a1b2c3d4e5f601234568"
}

# Progressive dialing: answered calls go to the queue, named by its name
# (the graph creates the queue first).
resource "smartassist_voice_campaign" "renewals" {
  name                    = "Service renewals"
  description             = "Connects customers with agents before their service renews"
  dialing_mode            = "Progressive"
  queue_name              = smartassist_queue.renewals.name
  contact_lists           = ["Renewals due"]
  dnc_list                = "Do not contact"
  priority                = "5"
  caller_id               = "+14155550100"
  dialing_order           = "FIFO"
  max_attempts_per_record = 3
  default_retry_period    = 10 # minutes
  max_ring_time           = 30 # seconds

  calling_hours = {
    time_zone = "America/New_York"
    days = [
      { day = "MO", start = "09:00", end = "12:00" },
      { day = "MO", start = "13:00", end = "17:00" },
      { day = "TU", start = "09:00", end = "17:00" },
    ]
  }
}

# Agentless dialing: an experience flow talks to whoever answers.
resource "smartassist_voice_campaign" "survey" {
  name                    = "Product feedback"
  description             = "Asks recent buyers three questions"
  dialing_mode            = "Agentless"
  experience_flow_name    = "Voice Survey Entry Flow"
  enable_machine_detect   = "disconnect"
  contact_lists           = ["Recent buyers"]
  dnc_list                = "Do not contact"
  priority                = "2"
  caller_id               = "+14155550100"
  dialing_order           = "LIFO"
  max_attempts_per_record = 2
  default_retry_period    = 60
  max_ring_time           = 25

  calling_hours = {
    time_zone = "Asia/Kolkata"
    days      = [{ day = "SA", start = "10:00", end = "14:00" }]
  }
}
