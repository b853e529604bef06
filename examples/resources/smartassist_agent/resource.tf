resource "smartassist_agent" "alice" {
  email          = "alice@example.com"
  first_name     = "Alice"
  last_name      = "Doe"
  role_id        = "67654be356840f366e79aaaa"
  nickname       = "Al"
  phone_number   = "+14155550100"
  custom_id      = "EMP-0042"
  agent_group_id = "ag-2f8e9d0-6c7b-4a3e-9d1c-5b6a7f8e9d0c"

  can_support_chat    = true
  max_chat_support    = 5
  can_support_voice   = true
  attachments_enabled = true
  emojis_enabled      = true

  chat_language_support {
    language    = "en"
    proficiency = "expert"
    is_active   = true
  }

  voice_language_support {
    language    = "es"
    proficiency = "average"
  }

  queue {
    id                 = "qu-5a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b"
    is_preferred_agent = true
  }

  skill {
    id                = "633ffac608f3a07459939a1f"
    proficiency_level = "expert"
  }
}
