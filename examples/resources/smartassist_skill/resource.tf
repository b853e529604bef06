resource "smartassist_skill_group" "lang" {
  name        = "Spoken Languages"
  description = "Languages agents serve customers in"
  color       = "#0f0f0f"
}

resource "smartassist_skill" "spanish" {
  skill_group_id = smartassist_skill_group.lang.id
  name           = "Spanish"
  description    = "Native-level Spanish"
}

# Agents gain the skill through their own skill blocks; the skill resource
# never manages, nor reports, which agents have it.
resource "smartassist_agent" "ana" {
  email      = "ana.silva@example.com"
  first_name = "Ana"
  last_name  = "Silva"
  role_id    = "67654be356840f366e79aaaa"

  skill {
    id                = smartassist_skill.spanish.id
    proficiency_level = "expert"
  }
}
