# A small contact center, as code. `make demo` applies it against the
# emulator; point the provider at your own account with the SMARTASSIST_*
# environment variables to apply it for real (change the ids first).
terraform {
  required_providers {
    smartassist = {
      source = "koreai/smartassist"
    }
  }
}

# Everything comes from SMARTASSIST_HOST, SMARTASSIST_STREAM_ID,
# SMARTASSIST_ACCOUNT_ID, SMARTASSIST_CLIENT_ID and SMARTASSIST_CLIENT_SECRET.
provider "smartassist" {}

# Routing as code: a skill group with its skills, an agent group and a queue.
# The agents below join the queue and hold the skills through their own
# queue and skill blocks.
resource "smartassist_skill_group" "languages" {
  name        = "Spoken languages"
  description = "Languages our agents serve customers in"
  color       = "#1f77b4"
}

resource "smartassist_skill" "language" {
  for_each = { es = "Castilian", fr = "Parisian French", en = "English" }

  skill_group_id = smartassist_skill_group.languages.id
  name           = each.value
}

resource "smartassist_agent_group" "tier1" {
  name        = "Frontline"
  description = "First-line support"
}

resource "smartassist_queue" "support" {
  name                  = "General support"
  description           = "Everything that is not sales"
  hours_of_operation_id = local.hours_24x7

  dynamic "skill" {
    for_each = smartassist_skill.language
    content {
      id = skill.value.id
    }
  }
  agent_group_ids         = [smartassist_agent_group.tier1.id]
  preferred_agent_timeout = "2m30s"
}

locals {
  # Objects of the emulator's default seed.
  agent_role  = "67654be356840f366e79aaaa"
  hours_24x7  = "6346a1b2c3d4e5f601234568"
  sales_queue = "qu-6b2c3d4-e5f6-4a71-9b8c-0d1e2f3a4b5c"

  agents = {
    ana   = { first = "Ana", last = "Garcia", custom_id = "EMP-2001", lang = "es", queue = smartassist_queue.support.id }
    ben   = { first = "Ben", last = "Martin", custom_id = "EMP-2002", lang = "fr", queue = local.sales_queue }
    chloe = { first = "Chloe", last = "Nguyen", custom_id = "EMP-2003", lang = "en", queue = smartassist_queue.support.id }
  }
}

resource "smartassist_agent" "team" {
  for_each = local.agents

  email          = "${each.key}@example.com"
  first_name     = each.value.first
  last_name      = each.value.last
  role_id        = local.agent_role
  custom_id      = each.value.custom_id
  agent_group_id = smartassist_agent_group.tier1.id

  can_support_chat  = true
  max_chat_support  = 4
  can_support_voice = true

  chat_language_support {
    language    = "en"
    proficiency = "expert"
  }
  chat_language_support {
    language    = each.value.lang == "en" ? "de" : each.value.lang
    proficiency = "good"
  }
  voice_language_support {
    language    = each.value.lang
    proficiency = "expert"
  }

  queue {
    id                 = each.value.queue
    is_preferred_agent = true
  }
  skill {
    id                = smartassist_skill.language[each.value.lang].id
    proficiency_level = "expert"
  }
}

# A few contacts: one apply sends them in a single bulk call.
resource "smartassist_contact" "customers" {
  for_each = {
    kiran  = { first = "Kiran", last = "Rao", salutation = "mr", number = "9811100001" }
    meera  = { first = "Meera", last = "Iyer", salutation = "mrs", number = "9811100002" }
    vikram = { first = "Vikram", last = "Shah", salutation = "mr", number = "9811100003" }
  }

  first_name = each.value.first
  last_name  = each.value.last
  salutation = each.value.salutation
  cell_phone = {
    country_code = "+91"
    phone_number = each.value.number
    extension    = "+"
  }
}

# Outbound as code: a contact list to call, a do-not-call list, and a
# progressive voice campaign whose answered calls go to a queue of its own.
# The API names lists and queues by name, so the campaign refers to their
# names and Terraform creates them first. The campaign is created Ready, not
# running: start it with the smartassist_campaign_start action (Terraform
# 1.14+; see the guide "Outbound campaigns as code").
resource "smartassist_queue" "renewals" {
  name                  = "Renewals"
  description           = "Calls the renewals campaign connects"
  hours_of_operation_id = local.hours_24x7
  agent_group_ids       = [smartassist_agent_group.tier1.id]
}

resource "smartassist_contact_list" "renewals" {
  name        = "Renewals due"
  description = "Customers whose plan renews this month"
}

resource "smartassist_contact_list" "do_not_call" {
  name        = "Do not call"
  description = "Numbers no campaign may call"
}

resource "smartassist_voice_campaign" "renewals" {
  name                    = "Service renewals"
  description             = "Connects customers with agents before their plan renews"
  dialing_mode            = "Progressive"
  queue_name              = smartassist_queue.renewals.name
  contact_lists           = [smartassist_contact_list.renewals.name]
  dnc_list                = smartassist_contact_list.do_not_call.name
  priority                = "3"
  caller_id               = "+14155550100"
  dialing_order           = "FIFO"
  max_attempts_per_record = 3
  default_retry_period    = 60 # minutes
  max_ring_time           = 30 # seconds

  calling_hours = {
    time_zone = "Asia/Kolkata"
    days = [
      { day = "MO", start = "09:00", end = "18:00" },
      { day = "WE", start = "09:00", end = "18:00" },
      { day = "FR", start = "09:00", end = "13:00" },
    ]
  }
}

# The emulator's seed holds the vendor documentation's sample conversation.
data "smartassist_conversation" "sample" {
  id = "c-3c04346-e522-4c53-9e03-c9566d859aad"
}

output "agent_ids" {
  value = { for k, a in smartassist_agent.team : k => a.id }
}

output "contact_numbers" {
  value = { for k, c in smartassist_contact.customers : k => "${c.cell_phone.country_code}${c.cell_phone.phone_number}" }
}

output "support_queue" {
  value = smartassist_queue.support.id
}

output "support_queue_agents" {
  value = sort([for k, a in smartassist_agent.team : a.email if contains([for q in a.queue : q.id], smartassist_queue.support.id)])
}

output "renewals_campaign" {
  value = {
    id     = smartassist_voice_campaign.renewals.id
    status = smartassist_voice_campaign.renewals.status
    dnc    = smartassist_voice_campaign.renewals.dnc_list_id == smartassist_contact_list.do_not_call.id
  }
}

output "sample_conversation" {
  value = {
    status     = data.smartassist_conversation.sample.status
    wait_ms    = data.smartassist_conversation.sample.wait_time
    first_team = data.smartassist_conversation.sample.participants[0].queue_name
  }
}
