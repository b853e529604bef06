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

locals {
  # Routing objects of the emulator's default seed.
  agent_role    = "67654be356840f366e79aaaa"
  tier1_group   = "ag-2f8e9d0-6c7b-4a3e-9d1c-5b6a7f8e9d0c"
  support_queue = "qu-5a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b"
  sales_queue   = "qu-6b2c3d4-e5f6-4a71-9b8c-0d1e2f3a4b5c"
  default_skill = "633ffac608f3a07459939a1f"
  spanish_skill = "633ffac608f3a07459939a2a"
  french_skill  = "633ffac608f3a07459939a2b"

  agents = {
    ana   = { first = "Ana", last = "Garcia", custom_id = "EMP-2001", lang = "es", skill = local.spanish_skill, queue = local.support_queue }
    ben   = { first = "Ben", last = "Martin", custom_id = "EMP-2002", lang = "fr", skill = local.french_skill, queue = local.sales_queue }
    chloe = { first = "Chloe", last = "Nguyen", custom_id = "EMP-2003", lang = "en", skill = local.default_skill, queue = local.support_queue }
  }
}

resource "smartassist_agent" "team" {
  for_each = local.agents

  email          = "${each.key}@example.com"
  first_name     = each.value.first
  last_name      = each.value.last
  role_id        = local.agent_role
  custom_id      = each.value.custom_id
  agent_group_id = local.tier1_group

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
    id                = each.value.skill
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

output "support_queue_agents" {
  value = sort([for k, a in smartassist_agent.team : a.email if contains([for q in a.queue : q.id], local.support_queue)])
}

output "sample_conversation" {
  value = {
    status     = data.smartassist_conversation.sample.status
    wait_ms    = data.smartassist_conversation.sample.wait_time
    first_team = data.smartassist_conversation.sample.participants[0].queue_name
  }
}
